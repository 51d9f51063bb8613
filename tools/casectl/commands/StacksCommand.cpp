#include "CliContext.h"
#include "CommandRegistry.h"
#include "SnapshotSelection.h"
#include "analysis/StackDiffTarget.h"
#include "analysis/StackGrouper.h"
#include "casefile/CaseFile.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "util/CaseError.h"
#include "casefile/HostStore.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl stacks CASE [--snapshot ID] [--state D] [--keep-offsets] [--json]
// casectl stacks CASE --diff A B [--json]
class StacksCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("stacks"); }
    QString summary() const override { return QStringLiteral("Group the kernel stacks of a snapshot, or diff two stacks/groups/snapshots/hosts."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("A B"), QStringLiteral("With --diff: the two sides, each task:TID, task:SNAPSHOT/TID, "
                                                                      "task:HOST/TID, group:SIGNATURE[@SNAPSHOT], snapshot:ID|latest "
                                                                      "or host:NAME."), QStringLiteral("[A B]"));
        SnapshotSelection::addOptions(p);
        p.addOption({QStringLiteral("state"), QStringLiteral("Only tasks in this state (e.g. D)."), QStringLiteral("S")});
        p.addOption({QStringLiteral("keep-offsets"), QStringLiteral("Group by exact frames, offsets included.")});
        p.addOption({QStringLiteral("diff"), QStringLiteral("Compare two sides A and B.")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        if (p.isSet(QStringLiteral("diff"))) {
            if (p.positionalArguments().size() != 3)
                throw UsageError(QStringLiteral("--diff takes two sides: stacks CASE --diff A B"));
            return diff(cf->db(), p.positionalArguments().at(1), p.positionalArguments().at(2), ctx);
        }
        if (p.positionalArguments().size() > 1)
            throw UsageError(QStringLiteral("unexpected argument '%1' (did you mean --diff?)").arg(p.positionalArguments().at(1)));
        const SnapshotInfo snap = SnapshotSelection::resolve(cf->db(), p);
        const QList<ProcTask> tasks = TaskQuery(cf->db()).snapshot(snap.id).state(p.value(QStringLiteral("state"))).run();
        StackGrouper::Options opt;
        opt.keepOffsets = p.isSet(QStringLiteral("keep-offsets"));
        const QList<StackGroup> groups = StackGrouper::group(tasks, opt);
        const QMap<QString, int> notRead = StackGrouper::notRead(tasks);
        QHash<qint64, const ProcTask *> byId;
        for (const ProcTask &t : tasks)
            byId.insert(t.id, &t);
        if (ctx.json()) {
            QJsonArray arr;
            for (const StackGroup &g : groups) {
                QJsonArray ts;
                for (qint64 id : g.taskIds) {
                    const ProcTask *t = byId.value(id);
                    ts.append(QJsonObject{{QStringLiteral("pid"), t->pid}, {QStringLiteral("tid"), t->tid},
                                          {QStringLiteral("comm"), t->comm}, {QStringLiteral("state"), t->state},
                                          {QStringLiteral("status_state"), t->statusState}, {QStringLiteral("wchan"), t->wchan}});
                }
                QJsonObject comms, wchans, states;
                for (auto it = g.comms.cbegin(); it != g.comms.cend(); ++it) comms.insert(it.key(), it.value());
                for (auto it = g.wchans.cbegin(); it != g.wchans.cend(); ++it) wchans.insert(it.key(), it.value());
                for (auto it = g.states.cbegin(); it != g.states.cend(); ++it) states.insert(it.key(), it.value());
                arr.append(QJsonObject{{QStringLiteral("signature"), g.signature}, {QStringLiteral("count"), g.count},
                                       {QStringLiteral("frames"), QJsonArray::fromStringList(g.frames)},
                                       {QStringLiteral("comms"), comms}, {QStringLiteral("wchans"), wchans},
                                       {QStringLiteral("states"), states}, {QStringLiteral("tasks"), ts}});
            }
            QJsonObject unread;
            for (auto it = notRead.cbegin(); it != notRead.cend(); ++it)
                unread.insert(it.key(), it.value());
            ctx.printJson(QJsonObject{{QStringLiteral("snapshot"), snap.id}, {QStringLiteral("host"), snap.hostName},
                                      {QStringLiteral("taken"), TimeUtil::isoUtc(snap.takenUs)}, {QStringLiteral("groups"), arr},
                                      {QStringLiteral("stacks_not_read"), unread}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << "Snapshot " << snap.id << " of " << CliContext::safe(snap.hostName) << ": " << groups.size() << " stack group(s), "
          << tasks.size() << " task(s)\n";
        for (const StackGroup &g : groups) {
            QStringList comms;
            for (auto it = g.comms.cbegin(); it != g.comms.cend(); ++it)
                comms.append(QStringLiteral("%1 x%2").arg(CliContext::safe(it.key())).arg(it.value()));
            QStringList states;
            for (auto it = g.states.cbegin(); it != g.states.cend(); ++it)
                states.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
            o << '\n' << g.count << " task(s)  " << g.signature << "  states " << states.join(QStringLiteral(", "))
              << "  wchan " << CliContext::safe(g.topWchan()) << '\n'
              << "  comms: " << comms.mid(0, 8).join(QStringLiteral(", ")) << (comms.size() > 8 ? ", ..." : "") << '\n';
            for (const QString &f : g.frames)
                o << "    " << CliContext::safe(f) << '\n';
        }
        for (auto it = notRead.cbegin(); it != notRead.cend(); ++it)
            o << '\n' << it.value() << " task(s)  stack " << it.key() << '\n';
        return ExitOk;
    }

private:
    static int diff(SqliteDatabase &db, const QString &a, const QString &b, CliContext &ctx)
    {
        StackDiff::Result r;
        try {
            r = StackDiffTarget::diff(db, a, b);
        } catch (const CaseError &e) {
            if (e.message().startsWith(QLatin1String("bad ")) || e.message().startsWith(QLatin1String("cannot compare")))
                throw UsageError(e.message());
            throw;
        }
        if (ctx.json()) {
            ctx.printJson(r.toJson());
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << "A: " << CliContext::safe(r.labelA) << "\nB: " << CliContext::safe(r.labelB) << '\n';
        if (!r.framesA.isEmpty() || !r.framesB.isEmpty()) {
            o << "\nFrames" << (r.kind == QLatin1String("task") ? "" : " (largest group of each side)") << ": "
              << r.common.size() << " in common, " << r.onlyA.size() << " only in A, " << r.onlyB.size() << " only in B\n";
            for (const QString &f : r.onlyA) o << "  - " << CliContext::safe(f) << '\n';
            for (const QString &f : r.onlyB) o << "  + " << CliContext::safe(f) << '\n';
            for (const QString &f : r.common) o << "    " << CliContext::safe(f) << '\n';
        }
        if (!r.groups.isEmpty()) {
            o << "\nGroups:\n";
            for (const auto &g : r.groups)
                o << QStringLiteral("  %1 %2 -> %3  %4  %5 (%6)\n").arg(g.change, -9).arg(g.countA, 5).arg(g.countB, -5)
                         .arg(g.signature, CliContext::safe(g.frames.mid(0, 3).join(QStringLiteral(" < "))), CliContext::safe(g.topComm));
        }
        if (r.kind == QLatin1String("snapshot"))
            o << "\nTasks: " << r.appeared.size() << " appeared, " << r.cleared.size() << " cleared, " << r.stayed.size()
              << " stayed on the same stack, " << r.changed.size() << " changed stack\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(StacksCommand)
