#include "CliContext.h"
#include "CommandRegistry.h"
#include "SnapshotSelection.h"
#include "casefile/CaseFile.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "casefile/HostStore.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl tasks CASE [--snapshot ID] [--state D] [--pid PID] [--comm TEXT] [--json]
class TasksCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("tasks"); }
    QString summary() const override { return QStringLiteral("List the tasks (threads) of a procfs snapshot."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        SnapshotSelection::addOptions(p);
        p.addOption({QStringLiteral("state"), QStringLiteral("Only tasks in this state (stat letter, e.g. D)."), QStringLiteral("S")});
        p.addOption({QStringLiteral("pid"), QStringLiteral("Only the threads of this process."), QStringLiteral("PID")});
        p.addOption({QStringLiteral("comm"), QStringLiteral("Only tasks whose name contains TEXT."), QStringLiteral("TEXT")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        bool ok = true;
        const qint64 pid = p.isSet(QStringLiteral("pid")) ? p.value(QStringLiteral("pid")).toLongLong(&ok) : 0;
        if (!ok)
            throw UsageError(QStringLiteral("--pid takes a number"));
        const QString state = p.value(QStringLiteral("state"));
        if (state.size() > 1)
            throw UsageError(QStringLiteral("--state takes one letter (R, S, D, Z, T, I...)"));
        const SnapshotInfo snap = SnapshotSelection::resolve(cf->db(), p);
        const QList<ProcTask> tasks = TaskQuery(cf->db()).snapshot(snap.id).state(state).pid(pid)
                                          .commContains(p.value(QStringLiteral("comm"))).run();
        if (ctx.json()) {
            QJsonArray arr;
            for (const ProcTask &t : tasks) {
                QJsonArray inodes;
                for (qint64 i : t.socketInodes)
                    inodes.append(i);
                QJsonObject o{{QStringLiteral("id"), t.id}, {QStringLiteral("pid"), t.pid}, {QStringLiteral("tid"), t.tid},
                              {QStringLiteral("ppid"), t.ppid}, {QStringLiteral("uid"), t.uid}, {QStringLiteral("user"), t.user},
                              {QStringLiteral("comm"), t.comm}, {QStringLiteral("state"), t.state},
                              {QStringLiteral("status_state"), t.statusState}, {QStringLiteral("wchan"), t.wchan},
                              {QStringLiteral("stack_status"), t.stackStatus}, {QStringLiteral("signature"), t.stackSignature},
                              {QStringLiteral("frames"), QJsonArray::fromStringList(t.stackRaw)},
                              {QStringLiteral("cmdline"), t.cmdline}, {QStringLiteral("cmdline_status"), t.cmdlineStatus},
                              {QStringLiteral("cgroup"), t.cgroup}, {QStringLiteral("start"), TimeUtil::isoUtc(t.startUs)},
                              {QStringLiteral("pidns"), t.pidns}, {QStringLiteral("utime_ticks"), t.utimeTicks},
                              {QStringLiteral("stime_ticks"), t.stimeTicks}, {QStringLiteral("fd_total"), t.fdTotal},
                              {QStringLiteral("fd_inotify"), t.fdInotify}, {QStringLiteral("fd_eventpoll"), t.fdEventpoll},
                              {QStringLiteral("fd_socket"), t.fdSocket}, {QStringLiteral("fd_file"), t.fdFile},
                              {QStringLiteral("socket_inodes"), inodes}};
                arr.append(o);
            }
            ctx.printJson(QJsonObject{{QStringLiteral("snapshot"), snap.id}, {QStringLiteral("host"), snap.hostName},
                                      {QStringLiteral("taken"), TimeUtil::isoUtc(snap.takenUs)},
                                      {QStringLiteral("count"), int(tasks.size())}, {QStringLiteral("tasks"), arr}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << "Snapshot " << snap.id << " of " << CliContext::safe(snap.hostName) << " at " << TimeUtil::isoUtc(snap.takenUs)
          << ": " << tasks.size() << " task(s)\n";
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(QStringLiteral("PID"), 8).arg(QStringLiteral("TID"), 8)
                 .arg(QStringLiteral("PPID"), 8).arg(QStringLiteral("USER"), -10).arg(QStringLiteral("COMM"), -16)
                 .arg(QStringLiteral("S"), -3).arg(QStringLiteral("WCHAN"));
        for (const ProcTask &t : tasks) {
            QString st = t.state;
            if (!t.statusState.isEmpty() && t.statusState != t.state)
                st += QLatin1Char('/') + t.statusState;
            o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(t.pid, 8).arg(t.tid, 8).arg(t.ppid, 8)
                     .arg(CliContext::safe(t.user), -10).arg(CliContext::safe(t.comm), -16).arg(st, -3)
                     .arg(CliContext::safe(t.wchan.isEmpty() ? QStringLiteral("-") : t.wchan));
        }
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(TasksCommand)
