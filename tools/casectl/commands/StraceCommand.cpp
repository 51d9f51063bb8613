#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "strace/StraceQuery.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl strace CASE [--summary [--per-process]|--hung|--grep PATTERN|--slowest|--errors|--tree|--fds] [--json]
class StraceCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("strace"); }
    QString summary() const override { return QStringLiteral("Show imported strace evidence: summary, hung calls, search."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("summary"), QStringLiteral("Per-syscall summary like strace -c.")});
        p.addOption({QStringLiteral("per-process"), QStringLiteral("With --summary: one table per process.")});
        p.addOption({QStringLiteral("hung"), QStringLiteral("Calls that never returned (trace ended or strace detached).")});
        p.addOption({QStringLiteral("grep"), QStringLiteral("Calls whose text contains PATTERN (fixed string), across all traces."),
                     QStringLiteral("PATTERN")});
        p.addOption({QStringLiteral("slowest"), QStringLiteral("The slowest completed calls.")});
        p.addOption({QStringLiteral("errors"), QStringLiteral("Failed calls by errno and syscall.")});
        p.addOption({QStringLiteral("tree"), QStringLiteral("Processes: parent, exec, exit.")});
        p.addOption({QStringLiteral("fds"), QStringLiteral("File descriptors and the paths strace -y showed for them.")});
        p.addOption({QStringLiteral("collection"), QStringLiteral("Only this collection."), QStringLiteral("ID")});
        p.addOption({QStringLiteral("limit"), QStringLiteral("At most N rows for --grep/--slowest (default 1000/20)."), QStringLiteral("N")});
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        bool ok = true;
        const qint64 collection = p.isSet(QStringLiteral("collection")) ? p.value(QStringLiteral("collection")).toLongLong(&ok) : 0;
        if (!ok)
            throw UsageError(QStringLiteral("--collection needs a number"));
        int limit = -1;
        if (p.isSet(QStringLiteral("limit"))) {
            limit = p.value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit <= 0)
                throw UsageError(QStringLiteral("--limit needs a positive number"));
        }
        int modes = 0;
        for (const char *m : {"summary", "hung", "grep", "slowest", "errors", "tree", "fds"})
            modes += p.isSet(QLatin1String(m)) ? 1 : 0;
        if (modes > 1)
            throw UsageError(QStringLiteral("choose one of --summary, --hung, --grep, --slowest, --errors, --tree, --fds"));
        StraceQuery q(cf->db(), collection);
        QTextStream &o = ctx.out();

        if (p.isSet(QStringLiteral("summary"))) {
            const QList<StraceSummaryRow> rows = q.summary(p.isSet(QStringLiteral("per-process")));
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            qint64 pid = -2;
            for (const StraceSummaryRow &v : rows) {
                if (v.pid != pid) {
                    pid = v.pid;
                    if (pid >= 0)
                        o << "\npid " << pidText(pid) << '\n';
                    o << "% time     seconds  usecs/call     calls    errors syscall\n"
                      << "------ ----------- ----------- --------- --------- ----------------\n";
                }
                o << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                         .arg(v.pctTime, 6, 'f', 2)
                         .arg(double(v.totalUs) / 1e6, 11, 'f', 6)
                         .arg(v.avgUs, 11)
                         .arg(v.calls, 9)
                         .arg(v.errors ? QString::number(v.errors) : QString(), 9)
                         .arg(CliContext::safe(v.syscall));
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("hung"))) {
            const QList<StraceCallRow> rows = q.hung();
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            if (rows.isEmpty())
                o << "no unfinished calls\n";
            for (const StraceCallRow &r : rows) {
                o << CliContext::safe(r.trace) << ':' << r.line << ": pid " << pidText(r.pid) << ' '
                  << (r.time.isEmpty() ? QStringLiteral("(no time)") : r.time) << " waited "
                  << (r.durationUs ? QString::number(double(*r.durationUs) / 1e6, 'f', 3) + QLatin1Char('s') : QStringLiteral("?"))
                  << " (" << r.unfinishedReason() << ") " << CliContext::safe(r.formatted());
                if (r.fdPath && r.fdInferred)
                    o << " [fd " << r.fd.value_or(-1) << ": " << CliContext::safe(*r.fdPath) << ']';
                o << '\n';
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("grep")) || p.isSet(QStringLiteral("slowest"))) {
            const bool grep = p.isSet(QStringLiteral("grep"));
            const QList<StraceCallRow> rows = grep ? q.grep(p.value(QStringLiteral("grep")), limit > 0 ? limit : 1000)
                                                   : q.slowest(limit > 0 ? limit : 20);
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            for (const StraceCallRow &r : rows) {
                o << CliContext::safe(r.trace) << ':' << r.line << ": ";
                if (!grep)
                    o << QString::number(double(r.durationUs.value_or(0)) / 1e6, 'f', 6) << "s ";
                o << "pid " << pidText(r.pid) << ' ' << r.time << ' ' << CliContext::safe(r.formatted()) << '\n';
            }
            return grep && rows.isEmpty() ? ExitFailure : ExitOk; // like grep: 1 when nothing matched
        }
        if (p.isSet(QStringLiteral("errors"))) {
            const QList<StraceErrorRow> rows = q.errors();
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            for (const StraceErrorRow &v : rows)
                o << QStringLiteral("%1 %2 %3 (%4)\n").arg(v.count, 9)
                         .arg(CliContext::safe(v.syscall), -16)
                         .arg(CliContext::safe(v.errnoName), CliContext::safe(v.text));
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("tree"))) {
            const QList<StraceProcessRow> rows = q.processes();
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            for (const StraceProcessRow &r : rows) {
                QString end = QStringLiteral("running at end");
                if (r.killedBy)
                    end = QStringLiteral("killed by ") + *r.killedBy;
                else if (r.exitCode)
                    end = QStringLiteral("exited %1").arg(*r.exitCode);
                o << "pid " << pidText(r.pid) << " parent " << (r.parentPid ? QString::number(*r.parentPid) : QStringLiteral("-"))
                  << ", " << r.calls << " calls, " << end;
                if (r.exec)
                    o << ", exec " << CliContext::safe(r.exec->left(200));
                o << '\n';
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("fds"))) {
            const QList<StraceFdRow> rows = q.fds();
            if (ctx.json())
                return ctx.printJson(StraceQuery::toJson(rows)), ExitOk;
            for (const StraceFdRow &v : rows)
                o << "pid " << pidText(v.pid) << " fd " << v.fd << " -> " << CliContext::safe(v.path) << " (" << v.calls << " calls"
                  << (v.inferred ? ", followed from the log's calls" : "") << ")\n";
            return ExitOk;
        }
        // Overview.
        const QList<StraceTraceRow> traces = q.traces();
        const QList<StraceCallRow> hung = q.hung();
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("traces"), StraceQuery::toJson(traces)},
                                      {QStringLiteral("hung"), StraceQuery::toJson(hung)}});
            return ExitOk;
        }
        if (traces.isEmpty())
            o << "no strace traces in this case\n";
        for (const StraceTraceRow &t : traces) {
            o << "trace " << t.traceId << ' ' << CliContext::safe(t.name);
            if (!t.host.isEmpty())
                o << " on " << CliContext::safe(t.host);
            o << ": " << t.calls << " calls, " << t.unfinished << " unfinished, " << t.unparsed << " unparsed lines, timestamps "
              << t.timeStyle << (t.detached ? ", detached" : "") << ", sha256 " << t.sha256.left(16) << "...\n";
        }
        if (!hung.isEmpty())
            o << hung.size() << " unfinished call(s); see --hung\n";
        return ExitOk;
    }

private:
    // A log without pids: its lines are one process the log does not name.
    static QString pidText(qint64 pid) { return pid ? QString::number(pid) : QStringLiteral("?"); }
};

CASECTL_REGISTER_COMMAND(StraceCommand)
