#include "ProcfsCollector.h"

#include "ProcfsScripts.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "procfs/ProcfsIngest.h"
#include "transport/Transport.h"
#include "util/CaseError.h"

#include <QJsonArray>

namespace {
QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
}

QString ProcfsCollector::command() const
{
    return QStringLiteral("sh -s -- %1 %2 %3 %4")
        .arg(m_options.samples)
        .arg(m_options.intervalS)
        .arg(m_options.stepTimeoutS)
        .arg(shellQuote(m_options.services.join(QLatin1Char(' '))));
}

CollectorResult ProcfsCollector::collect(Transport &transport, CollectionContext &ctx, const CancelToken &cancel)
{
    CollectorResult result;
    SqliteDatabase &db = ctx.caseFile->db();
    CollectionStore collections(db);
    const QJsonObject params{{QStringLiteral("samples"), m_options.samples},
                             {QStringLiteral("interval_s"), m_options.intervalS},
                             {QStringLiteral("step_timeout_s"), m_options.stepTimeoutS},
                             {QStringLiteral("services"), QJsonArray::fromStringList(m_options.services)}};
    const qint64 cid = beginCollection(collections, transport, ctx, QStringLiteral("procfs"), command(), params);
    result.collectionIds.append(cid);
    try {
        ArtifactWriter out(db, {cid, ctx.hostId, QStringLiteral("procfs-snapshot"), QStringLiteral("procfs-snapshot.out"),
                                QStringLiteral("/proc"), QStringLiteral("application/x-casebook-procfs")});
        ArtifactWriter err(db, {cid, ctx.hostId, QStringLiteral("stderr"), QStringLiteral("procfs-snapshot.err"), {},
                                QStringLiteral("text/plain")});
        QByteArray outData, errData;
        qint64 lastReport = 0;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView d) {
            out.append(d);
            outData.append(d);
            if (ctx.progress && outData.size() - lastReport > (1 << 20)) {
                lastReport = outData.size();
                ctx.progress(QStringLiteral("%1 MiB received").arg(outData.size() >> 20), -1);
            }
        };
        sink.onStderr = [&](QByteArrayView d) {
            err.append(d);
            errData.append(d);
        };
        RunRequest req;
        req.command = command();
        req.stdinData = ProcfsScripts::snapshot();
        req.timeoutMs = int((m_options.samples * (m_options.intervalS + 6.0 * m_options.stepTimeoutS) + 60) * 1000);
        req.maxOutputBytes = 512LL << 20;
        if (ctx.progress)
            ctx.progress(QStringLiteral("taking %1 sample(s)").arg(m_options.samples), 0);
        const RunResult run = transport.run(req, &sink, cancel);
        out.finish(run.stdoutTruncated);
        err.finish(run.stderrTruncated);
        if (!run.error.isEmpty() || run.cancelled) {
            const QString why = run.cancelled ? QStringLiteral("cancelled") : run.error;
            collections.finish(cid, outData.isEmpty() ? CollectionRecord::Status::Failed : CollectionRecord::Status::Incomplete, why);
            if (outData.isEmpty()) {
                result.ok = false;
                result.error = QStringLiteral("procfs on %1: %2").arg(ctx.hostSpec, why);
                return result;
            }
        }
        const ProcfsIngest::Result r = ProcfsIngest(db).ingest(outData, errData, cid, ctx.hostId, out.id(), cancel);
        QStringList problems = r.problems;
        if (run.timedOut)
            problems.prepend(QStringLiteral("the snapshot command timed out; data is partial"));
        if (!run.exitSignal.isEmpty())
            problems.prepend(QStringLiteral("the snapshot command was killed by SIG%1").arg(run.exitSignal));
        if (run.stdoutTruncated)
            problems.prepend(QStringLiteral("output exceeded the size limit and was cut"));
        const bool partial = run.timedOut || run.stdoutTruncated || !run.exitSignal.isEmpty() || r.snapshotIds.isEmpty();
        if (run.error.isEmpty() && !run.cancelled)
            collections.finish(cid, partial ? CollectionRecord::Status::Incomplete : CollectionRecord::Status::Complete,
                               partial ? problems.join(QStringLiteral("; ")).left(2000) : QString());
        QJsonArray ids;
        for (qint64 id : r.snapshotIds)
            ids.append(id);
        result.summary = QJsonObject{{QStringLiteral("collection_id"), cid}, {QStringLiteral("snapshots"), ids},
                                     {QStringLiteral("tasks"), r.tasks}, {QStringLiteral("findings"), r.findings},
                                     {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                                     {QStringLiteral("duration_ms"), run.durationMs}};
        if (r.snapshotIds.isEmpty()) {
            result.ok = false;
            result.error = QStringLiteral("procfs on %1: no complete sample (%2)").arg(ctx.hostSpec, problems.join(QStringLiteral("; ")));
        }
        if (ctx.progress)
            ctx.progress(QStringLiteral("%1 sample(s), %2 tasks").arg(r.snapshotIds.size()).arg(r.tasks), 100);
    } catch (const CaseError &e) {
        collections.finish(cid, CollectionRecord::Status::Failed, e.message());
        result.ok = false;
        result.error = QStringLiteral("procfs on %1: %2").arg(ctx.hostSpec, e.message());
    }
    return result;
}
