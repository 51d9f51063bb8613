#include "StraceCollector.h"

#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionGapStore.h"
#include "casefile/CollectionStore.h"
#include "strace/StraceAnalyzer.h"
#include "strace/StraceCaseWriter.h"
#include "strace/StraceTraceIngest.h"
#include "transport/Transport.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <stdexcept>

namespace {

// Time the capture script may take beyond the duration: a login shell's
// start-up, strace's 2 s to stop, ending the launched processes.
constexpr int kRunSlackSeconds = 90;

// "casebook: log /tmp/casebook-strace.AbC123/strace.log" -> the path, checked.
QString logPathFrom(const QByteArray &out)
{
    for (const QByteArray &line : out.split('\n')) {
        if (!line.startsWith("casebook: log "))
            continue;
        const QString path = QString::fromUtf8(line.mid(14)).trimmed();
        static const QRegularExpression ok(QStringLiteral("^/[A-Za-z0-9._/-]*/casebook-strace\\.[A-Za-z0-9]+/strace\\.log$"));
        if (ok.match(path).hasMatch())
            return path;
    }
    return {};
}

// The value of "casebook: KEY VALUE" in the script's output; null if absent.
QByteArray reported(const QByteArray &out, QByteArrayView key)
{
    for (const QByteArray &line : out.split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.startsWith("casebook: ") && QByteArrayView(l).sliced(10).startsWith(key)) {
            const QByteArray rest = l.mid(10 + key.size());
            if (rest.isEmpty())
                return QByteArray(""); // a flag line
            if (rest.startsWith(' '))
                return rest.mid(1);
        }
    }
    return {};
}

}

CollectorResult StraceCollector::collect(Transport &transport, CollectionContext &ctx, const CancelToken &cancel)
{
    CollectorResult result;
    SqliteDatabase &db = ctx.caseFile->db();
    CollectionStore collections(db);
    const QString script = m_options.script();
    QJsonArray pids;
    for (qint64 p : m_options.pids)
        pids.append(p);
    const qint64 cid = beginCollection(collections, transport, ctx, QStringLiteral("strace"), script,
                                         {{QStringLiteral("pids"), pids},
                                          {QStringLiteral("command"), m_options.command},
                                          {QStringLiteral("duration_s"), m_options.durationSeconds},
                                          {QStringLiteral("max_bytes"), m_options.maxBytes},
                                          {QStringLiteral("keep_running"), m_options.keepRunning},
                                          {QStringLiteral("decode_fds"), m_options.decodeFds}});
    result.collectionIds.append(cid);
    auto fail = [&](const QString &message) {
        collections.finish(cid, CollectionRecord::Status::Failed, message);
        result.ok = false;
        result.error = message;
        return result;
    };

    try {
        if (ctx.progress)
            ctx.progress(QStringLiteral("tracing for %1 s").arg(m_options.durationSeconds), -1);
        RunRequest run;
        run.command = script;
        run.timeoutMs = (m_options.durationSeconds + kRunSlackSeconds) * 1000;
        run.maxOutputBytes = 1 << 20;
        const RunResult r = transport.run(run, nullptr, cancel);
        {
            ArtifactSpec spec;
            spec.collectionId = cid;
            spec.hostId = ctx.hostId;
            spec.kind = QStringLiteral("stderr");
            spec.name = QStringLiteral("strace.stderr");
            spec.mediaType = QStringLiteral("text/plain");
            ArtifactWriter err(db, spec);
            err.append(r.stderrData);
            err.finish(r.stderrTruncated);
        }
        const QString stderrText = QString::fromUtf8(r.stderrData).trimmed();
        if (!r.error.isEmpty())
            return fail(QStringLiteral("%1: %2").arg(ctx.hostSpec, r.error));
        if (r.cancelled)
            return fail(QStringLiteral("cancelled"));
        if (r.exitCode == 127 || stderrText.contains(QLatin1String("casebook: strace-missing")))
            return fail(QStringLiteral("strace is not installed on %1 (install the strace package there)").arg(ctx.hostSpec));
        const QString log = logPathFrom(r.stdoutData);
        if (log.isEmpty() && r.timedOut)
            return fail(QStringLiteral("timed out after %1 s waiting for strace on %2").arg(run.timeoutMs / 1000).arg(ctx.hostSpec));
        if (log.isEmpty())
            return fail(QStringLiteral("strace capture on %1 did not start: %2").arg(ctx.hostSpec, stderrText.left(500)));
        const QString dir = log.section(QLatin1Char('/'), 0, -2);

        StraceCaseWriter writer(db, cid, ctx.hostId);
        ArtifactSpec spec;
        spec.collectionId = cid;
        spec.hostId = ctx.hostId;
        spec.kind = QStringLiteral("strace-log");
        spec.name = QStringLiteral("strace.log");
        spec.sourcePath = ctx.hostSpec + QLatin1Char(':') + log;
        spec.mediaType = QStringLiteral("text/plain");
        // When strace stopped, by the host's clock (the log's clock): the end
        // of the capture, up to which calls still in progress had waited.
        bool stoppedOk = false;
        const qint64 hostStoppedUs = reported(r.stdoutData, "stopped-at").toLongLong(&stoppedOk);
        const qint64 stoppedUs = stoppedOk && hostStoppedUs > 0 ? hostStoppedUs : TimeUtil::nowUs();
        const bool straceKilled = !reported(r.stdoutData, "strace-killed").isNull();
        const bool endedLaunched = !reported(r.stdoutData, "ended-launched").isNull();
        StraceTraceIngest ingest(db, writer, spec, m_options.pids.size() == 1 ? m_options.pids.first() : 0,
                                 StraceClock(QDateTime::currentDateTimeUtc(), QTimeZone::UTC));
        PullRequest pull;
        pull.remotePath = log;
        pull.maxBytes = m_options.maxBytes + (1 << 20);
        const PullResult pr = transport.pull(pull, [&](QByteArrayView d) { ingest.feed(d); }, cancel);
        const StraceTraceResult tr = ingest.finish(pr.ok() && !pr.truncated, pr.truncated, stoppedUs, stoppedUs);
        writer.finish();
        RunRequest cleanup;
        cleanup.command = QStringLiteral("rm -rf -- '%1'").arg(dir);
        cleanup.timeoutMs = 30000;
        transport.run(cleanup, nullptr, CancelToken());
        if (!pr.ok())
            return fail(QStringLiteral("pulling %1 from %2: %3").arg(log, ctx.hostSpec, pr.error.isEmpty() ? QStringLiteral("cancelled") : pr.error));

        const bool denied = stderrText.contains(QLatin1String("Operation not permitted"));
        const bool noProcess = stderrText.contains(QLatin1String("No such process"));
        if (tr.calls == 0 && (denied || noProcess)) {
            const QString what = denied ? QStringLiteral("not permitted to trace on %1 (strace needs root or CAP_SYS_PTRACE; "
                                                         "check kernel.yama.ptrace_scope)").arg(ctx.hostSpec)
                                        : QStringLiteral("no such process on %1").arg(ctx.hostSpec);
            return fail(QStringLiteral("%1: %2").arg(what, stderrText.left(500)));
        }
        const int findings = StraceAnalyzer(db).analyse(cid);
        const QString reason = QString::fromUtf8(reported(r.stdoutData, "stop"));
        // The script did not get to stop strace itself: its watchdog did (or will).
        const bool cutShort = r.timedOut || reason.isEmpty();
        const QString cutNote = r.timedOut
            ? QStringLiteral("the capture did not finish within %1 s (timed out): strace was stopped by its watchdog, "
                             "the log may end without detach lines").arg(m_options.durationSeconds + kRunSlackSeconds)
            : QStringLiteral("the capture script ended without saying how strace stopped (exit %1%2)")
                  .arg(r.exitCode).arg(r.exitSignal.isEmpty() ? QString() : QStringLiteral(", signal ") + r.exitSignal);
        if (straceKilled) {
            // strace ignored SIGTERM: it could not write its detach lines, so
            // the log's end is not a clean one. Said, and the collection is partial.
            CollectionGap gap;
            gap.what = QStringLiteral("strace-detach");
            gap.reason = QStringLiteral("killed");
            gap.count = 1;
            gap.detail = QStringLiteral("strace did not stop on SIGTERM within 2 s and was killed: the log ends without its "
                                        "detach lines");
            CollectionGapStore(db).add(cid, gap);
        }
        const CollectionRecord::Status status = pr.truncated || cutShort ? CollectionRecord::Status::Incomplete
                                                : straceKilled            ? CollectionRecord::Status::Partial
                                                                          : CollectionRecord::Status::Complete;
        collections.finish(cid, status,
                           pr.truncated   ? QStringLiteral("log cut at the size cap")
                           : cutShort     ? cutNote
                           : straceKilled ? QStringLiteral("strace did not stop on SIGTERM and was killed; the log has no detach lines")
                                          : QString());
        result.summary = QJsonObject{{QStringLiteral("kind"), QStringLiteral("strace")},
                                     {QStringLiteral("collection_id"), cid},
                                     {QStringLiteral("trace_id"), tr.traceId},
                                     {QStringLiteral("artifact_id"), tr.artifactId},
                                     {QStringLiteral("sha256"), tr.sha256},
                                     {QStringLiteral("bytes"), tr.stats.bytes},
                                     {QStringLiteral("calls"), tr.calls},
                                     {QStringLiteral("unfinished"), writer.totalUnfinished()},
                                     {QStringLiteral("unparsed"), tr.stats.unparsed},
                                     {QStringLiteral("stopped_by"), reason},
                                     {QStringLiteral("stopped_at_us"), stoppedUs},
                                     {QStringLiteral("strace_killed"), straceKilled},
                                     {QStringLiteral("ended_launched"), endedLaunched},
                                     {QStringLiteral("findings"), findings},
                                     {QStringLiteral("strace_messages"), stderrText.left(2000)}};
        return result;
    } catch (const CaseError &e) {
        return fail(e.message());
    } catch (const TransportError &e) {
        return fail(e.message());
    }
}
