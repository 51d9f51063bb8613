#include "CliContext.h"
#include "CommandRegistry.h"
#include "RemoteOptions.h"
#include "fleet/FleetRunner.h"

#include <QCoreApplication>
#include <QJsonArray>

// casectl exec HOST... -- COMMAND: the same command on many hosts at once.
class ExecCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("exec"); }
    QString summary() const override { return QStringLiteral("Run a command on hosts over SSH (or 'local'), in parallel."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("HOST"), QStringLiteral("Hosts: local, an ssh_config alias or pattern, [user@]host[:port]."),
                                QStringLiteral("HOST..."));
        p.addPositionalArgument(QStringLiteral("--"), QStringLiteral("Ends the hosts."), QStringLiteral("--"));
        p.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("Run by the remote shell."), QStringLiteral("COMMAND..."));
        RemoteOptions::add(p);
        p.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds the command may run on each host (default 60)."), QStringLiteral("SECONDS")});
        p.addOption({QStringLiteral("max-output"), QStringLiteral("Bytes kept per stream and host (default 16 MiB)."), QStringLiteral("BYTES")});
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        // QCommandLineParser folds everything after "--" into the positional
        // arguments; split them again at the first "--" of the raw arguments.
        const QStringList raw = QCoreApplication::arguments();
        const qsizetype dashes = raw.indexOf(QStringLiteral("--"));
        if (dashes < 0 || dashes + 1 >= raw.size())
            throw UsageError(QStringLiteral("give the command after --, e.g. casectl exec web1 web2 -- uptime"));
        const QStringList commandWords = raw.mid(dashes + 1);
        QStringList hostArgs = p.positionalArguments();
        hostArgs = hostArgs.mid(0, qMax<qsizetype>(0, hostArgs.size() - commandWords.size()));
        const QStringList hosts = RemoteOptions::hosts(p, hostArgs);
        const SshOptions options = RemoteOptions::sshOptions(p, ctx);
        const int jobs = RemoteOptions::jobs(p);

        RunRequest request;
        request.command = commandWords.join(QLatin1Char(' '));
        request.timeoutMs = positive(p, QStringLiteral("timeout"), 60) * 1000;
        request.maxOutputBytes = positive(p, QStringLiteral("max-output"), 16 << 20);

        const FleetRunner::Job job = [request](Transport &t, FleetHostResult &result, const FleetRunner::Progress &progress,
                                               const CancelToken &cancel) {
            progress(QStringLiteral("running"), -1);
            const RunResult r = t.run(request, nullptr, cancel);
            result.details.insert(QStringLiteral("exit_code"), r.exitCode);
            if (!r.exitSignal.isEmpty())
                result.details.insert(QStringLiteral("exit_signal"), r.exitSignal);
            result.details.insert(QStringLiteral("stdout"), QString::fromUtf8(r.stdoutData));
            result.details.insert(QStringLiteral("stderr"), QString::fromUtf8(r.stderrData));
            if (r.stdoutTruncated || r.stderrTruncated)
                result.details.insert(QStringLiteral("truncated"), true);
            result.details.insert(QStringLiteral("command_ms"), r.durationMs);
            if (r.timedOut) {
                result.status = FleetHostResult::Status::TimedOut;
                result.error = QStringLiteral("%1: the command timed out after %2 s").arg(t.hostSpec()).arg(request.timeoutMs / 1000);
            } else if (r.cancelled) {
                result.status = FleetHostResult::Status::Cancelled;
                result.error = QStringLiteral("cancelled");
            } else if (!r.error.isEmpty()) {
                result.status = FleetHostResult::Status::Failed;
                result.error = r.error;
            } else if (!r.exitSignal.isEmpty()) {
                result.status = FleetHostResult::Status::Failed;
                result.error = QStringLiteral("killed by signal %1").arg(r.exitSignal);
            } else if (r.exitCode != 0) {
                result.status = FleetHostResult::Status::Failed;
                result.error = QStringLiteral("exit status %1").arg(r.exitCode);
            }
        };

        FleetRunner::Callbacks callbacks;
        if (!ctx.json())
            callbacks.hostFinished = [&ctx](const FleetHostResult &r) { printPlain(ctx, r); };
        FleetRunner runner(options, jobs);
        const QList<FleetHostResult> results = runner.run(hosts, job, callbacks, CancelToken());
        bool allOk = true;
        QJsonArray array;
        for (const auto &r : results) {
            allOk = allOk && r.status == FleetHostResult::Status::Ok;
            array.append(r.toJson());
        }
        if (ctx.json())
            ctx.printJson(array);
        else if (results.size() > 1 || !allOk)
            ctx.err() << RemoteOptions::summary(results) << '\n';
        ctx.err().flush();
        return allOk ? ExitOk : ExitFailure;
    }

private:
    static int positive(const QCommandLineParser &p, const QString &name, int fallback)
    {
        if (!p.isSet(name))
            return fallback;
        bool ok = false;
        const int v = p.value(name).toInt(&ok);
        if (!ok || v <= 0)
            throw UsageError(QStringLiteral("--%1 needs a positive number").arg(name));
        return v;
    }

    // pdsh style: every output line prefixed with the host, as each host finishes.
    static void printPlain(CliContext &ctx, const FleetHostResult &r)
    {
        std::lock_guard lock(RemoteOptions::outputMutex());
        const QString prefix = CliContext::safe(r.host) + QStringLiteral(": ");
        auto emitLines = [&](QTextStream &s, const QString &text) {
            if (text.isEmpty())
                return;
            QStringList lines = text.split(QLatin1Char('\n'));
            if (lines.last().isEmpty())
                lines.removeLast();
            for (const QString &line : std::as_const(lines))
                s << prefix << CliContext::safe(line) << '\n';
        };
        emitLines(ctx.out(), r.details.value(QStringLiteral("stdout")).toString());
        ctx.out().flush();
        emitLines(ctx.err(), r.details.value(QStringLiteral("stderr")).toString());
        if (r.status != FleetHostResult::Status::Ok)
            ctx.err() << prefix << FleetHostResult::statusName(r.status) << ": " << CliContext::safe(r.error) << '\n';
        ctx.err().flush();
    }
};

CASECTL_REGISTER_COMMAND(ExecCommand)
