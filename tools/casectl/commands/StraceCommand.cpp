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
            const QJsonArray rows = q.summary(p.isSet(QStringLiteral("per-process")));
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            qint64 pid = -2;
            for (const QJsonValue &v : rows) {
                const qint64 rp = qint64(v[QStringLiteral("pid")].toDouble());
                if (rp != pid) {
                    pid = rp;
                    if (pid >= 0)
                        o << "\npid " << pid << '\n';
                    o << "% time     seconds  usecs/call     calls    errors syscall\n"
                      << "------ ----------- ----------- --------- --------- ----------------\n";
                }
                const qint64 errors = qint64(v[QStringLiteral("errors")].toDouble());
                o << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                         .arg(v[QStringLiteral("pct_time")].toDouble(), 6, 'f', 2)
                         .arg(v[QStringLiteral("total_us")].toDouble() / 1e6, 11, 'f', 6)
                         .arg(qint64(v[QStringLiteral("avg_us")].toDouble()), 11)
                         .arg(qint64(v[QStringLiteral("calls")].toDouble()), 9)
                         .arg(errors ? QString::number(errors) : QString(), 9)
                         .arg(CliContext::safe(v[QStringLiteral("syscall")].toString()));
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("hung"))) {
            const QJsonArray rows = q.hung();
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            if (rows.isEmpty())
                o << "no unfinished calls\n";
            for (const QJsonValue &v : rows) {
                const QJsonObject r = v.toObject();
                const QJsonValue waited = r.value(QStringLiteral("duration_us"));
                o << CliContext::safe(r.value(QStringLiteral("trace")).toString()) << ':'
                  << qint64(r.value(QStringLiteral("line")).toDouble()) << ": pid " << qint64(r.value(QStringLiteral("pid")).toDouble())
                  << ' ' << r.value(QStringLiteral("time")).toString() << " waited "
                  << (waited.isNull() ? QStringLiteral("?") : QString::number(waited.toDouble() / 1e6, 'f', 3) + QLatin1Char('s'))
                  << " (" << r.value(QStringLiteral("unfinished_reason")).toString() << ") "
                  << CliContext::safe(StraceQuery::formatCall(r)) << '\n';
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("grep")) || p.isSet(QStringLiteral("slowest"))) {
            const bool grep = p.isSet(QStringLiteral("grep"));
            const QJsonArray rows = grep ? q.grep(p.value(QStringLiteral("grep")), limit > 0 ? limit : 1000)
                                         : q.slowest(limit > 0 ? limit : 20);
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            for (const QJsonValue &v : rows) {
                const QJsonObject r = v.toObject();
                o << CliContext::safe(r.value(QStringLiteral("trace")).toString()) << ':'
                  << qint64(r.value(QStringLiteral("line")).toDouble()) << ": ";
                if (!grep)
                    o << QString::number(r.value(QStringLiteral("duration_us")).toDouble() / 1e6, 'f', 6) << "s ";
                o << "pid " << qint64(r.value(QStringLiteral("pid")).toDouble()) << ' '
                  << r.value(QStringLiteral("time")).toString() << ' ' << CliContext::safe(StraceQuery::formatCall(r)) << '\n';
            }
            return grep && rows.isEmpty() ? ExitFailure : ExitOk; // like grep: 1 when nothing matched
        }
        if (p.isSet(QStringLiteral("errors"))) {
            const QJsonArray rows = q.errors();
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            for (const QJsonValue &v : rows)
                o << QStringLiteral("%1 %2 %3 (%4)\n").arg(qint64(v[QStringLiteral("count")].toDouble()), 9)
                         .arg(CliContext::safe(v[QStringLiteral("syscall")].toString()), -16)
                         .arg(CliContext::safe(v[QStringLiteral("errno")].toString()),
                              CliContext::safe(v[QStringLiteral("text")].toString()));
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("tree"))) {
            const QJsonArray rows = q.processes();
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            for (const QJsonValue &v : rows) {
                const QJsonObject r = v.toObject();
                QString end = QStringLiteral("running at end");
                if (!r.value(QStringLiteral("killed_by")).isNull())
                    end = QStringLiteral("killed by ") + r.value(QStringLiteral("killed_by")).toString();
                else if (!r.value(QStringLiteral("exit_code")).isNull())
                    end = QStringLiteral("exited %1").arg(qint64(r.value(QStringLiteral("exit_code")).toDouble()));
                const QJsonValue parent = r.value(QStringLiteral("parent_pid"));
                o << "pid " << qint64(r.value(QStringLiteral("pid")).toDouble()) << " parent "
                  << (parent.isNull() ? QStringLiteral("-") : QString::number(qint64(parent.toDouble()))) << ", "
                  << qint64(r.value(QStringLiteral("calls")).toDouble()) << " calls, " << end;
                if (!r.value(QStringLiteral("exec")).isNull())
                    o << ", exec " << CliContext::safe(r.value(QStringLiteral("exec")).toString().left(200));
                o << '\n';
            }
            return ExitOk;
        }
        if (p.isSet(QStringLiteral("fds"))) {
            const QJsonArray rows = q.fds();
            if (ctx.json())
                return ctx.printJson(rows), ExitOk;
            for (const QJsonValue &v : rows)
                o << "pid " << qint64(v[QStringLiteral("pid")].toDouble()) << " fd " << qint64(v[QStringLiteral("fd")].toDouble())
                  << " -> " << CliContext::safe(v[QStringLiteral("path")].toString()) << " (" << qint64(v[QStringLiteral("calls")].toDouble())
                  << " calls)\n";
            return ExitOk;
        }
        // Overview.
        const QJsonArray traces = q.traces();
        const QJsonArray hung = q.hung();
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("traces"), traces}, {QStringLiteral("hung"), hung}});
            return ExitOk;
        }
        if (traces.isEmpty())
            o << "no strace traces in this case\n";
        for (const QJsonValue &v : traces) {
            const QJsonObject t = v.toObject();
            o << "trace " << qint64(t.value(QStringLiteral("trace_id")).toDouble()) << ' '
              << CliContext::safe(t.value(QStringLiteral("name")).toString());
            if (!t.value(QStringLiteral("host")).toString().isEmpty())
                o << " on " << CliContext::safe(t.value(QStringLiteral("host")).toString());
            o << ": " << qint64(t.value(QStringLiteral("calls")).toDouble()) << " calls, "
              << qint64(t.value(QStringLiteral("unfinished")).toDouble()) << " unfinished, "
              << qint64(t.value(QStringLiteral("unparsed")).toDouble()) << " unparsed lines, timestamps "
              << t.value(QStringLiteral("time_style")).toString() << (t.value(QStringLiteral("detached")).toBool() ? ", detached" : "")
              << ", sha256 " << t.value(QStringLiteral("sha256")).toString().left(16) << "...\n";
        }
        if (!hung.isEmpty())
            o << hung.size() << " unfinished call(s); see --hung\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(StraceCommand)
