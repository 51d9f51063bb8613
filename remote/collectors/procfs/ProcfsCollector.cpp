#include "ProcfsCollector.h"

#include "ProcfsScripts.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "analysis/CollectionGapsFinding.h"
#include "casefile/CollectionGapStore.h"
#include "procfs/ProcfsIngest.h"
#include "procfs/ProcfsStream.h"
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
        const QString timedOut = QStringLiteral("timed out after %1 s waiting for %2's procfs output")
                                     .arg(req.timeoutMs / 1000).arg(ctx.hostSpec);
        const QString cut = QStringLiteral("cut at %1 MiB").arg(req.maxOutputBytes >> 20);
        QByteArray token;
        const bool hasHeader = ProcfsStream::readToken(outData, &token, nullptr);
        if (!run.error.isEmpty() || run.cancelled || (run.timedOut && !hasHeader)) {
            const QString why = run.cancelled ? QStringLiteral("cancelled") : !run.error.isEmpty() ? run.error : timedOut;
            collections.finish(cid, hasHeader ? CollectionRecord::Status::Incomplete : CollectionRecord::Status::Failed, why);
            if (!hasHeader) {
                result.ok = false;
                result.error = QStringLiteral("procfs on %1: %2").arg(ctx.hostSpec, why);
                return result;
            }
        }
        const ProcfsIngest::Result r = ProcfsIngest(db).ingest(outData, errData, cid, ctx.hostId, out.id(), cancel);
        QStringList problems = r.problems;
        QList<CollectionGap> runGaps;
        if (run.timedOut) {
            problems.prepend(timedOut + QStringLiteral("; data is partial"));
            runGaps.append({0, QStringLiteral("output"), QStringLiteral("timed-out"), 1, timedOut});
        }
        if (!run.exitSignal.isEmpty())
            problems.prepend(QStringLiteral("the snapshot command was killed by SIG%1").arg(run.exitSignal));
        if (run.stdoutTruncated) {
            problems.prepend(QStringLiteral("output %1").arg(cut));
            runGaps.append({0, QStringLiteral("output"), QStringLiteral("cut"), 1, cut});
        }
        CollectionGapStore(db).add(cid, runGaps);
        const QList<CollectionGap> gaps = r.gaps + runGaps;
        const int gapFindings = CollectionGapsFinding(db).write(ctx.hostId, cid, {r.readAsUid, r.readAsName}, r.gaps);
        const bool incomplete = run.timedOut || run.stdoutTruncated || !run.exitSignal.isEmpty() || r.snapshotIds.isEmpty();
        const bool partial = CollectionGapsFinding::anyPartial(r.gaps);
        if (partial)
            problems.append(CollectionGapsFinding::title({r.readAsUid, r.readAsName}, r.gaps));
        const CollectionRecord::Status status = incomplete ? CollectionRecord::Status::Incomplete
                                              : partial    ? CollectionRecord::Status::Partial
                                                           : CollectionRecord::Status::Complete;
        if (run.error.isEmpty() && !run.cancelled)
            collections.finish(cid, status, status == CollectionRecord::Status::Complete ? QString() : problems.join(QStringLiteral("; ")).left(2000));
        QJsonArray gapsJson;
        for (const CollectionGap &g : gaps)
            gapsJson.append(QJsonObject{{QStringLiteral("what"), g.what}, {QStringLiteral("reason"), g.reason},
                                        {QStringLiteral("count"), g.count}, {QStringLiteral("snapshot_id"), g.snapshotId}});
        QJsonArray ids;
        for (qint64 id : r.snapshotIds)
            ids.append(id);
        result.summary = QJsonObject{{QStringLiteral("collection_id"), cid}, {QStringLiteral("snapshots"), ids},
                                     {QStringLiteral("status"), CollectionRecord::statusName(status)},
                                     {QStringLiteral("gaps"), gapsJson},
                                     {QStringLiteral("tasks"), r.tasks}, {QStringLiteral("findings"), r.findings + gapFindings},
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
