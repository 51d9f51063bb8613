#include "KernelLogCollector.h"

#include "ProcfsScripts.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "kernellog/KernelLogIngest.h"
#include "transport/Transport.h"
#include "util/CaseError.h"

QString KernelLogCollector::command() const
{
    return QStringLiteral("sh -s -- %1").arg(m_stepTimeoutS);
}

CollectorResult KernelLogCollector::collect(Transport &transport, CollectionContext &ctx, const CancelToken &cancel)
{
    CollectorResult result;
    SqliteDatabase &db = ctx.caseFile->db();
    CollectionStore collections(db);
    const qint64 cid = beginCollection(collections, transport, ctx, QStringLiteral("kernel-log"), command());
    result.collectionIds.append(cid);
    try {
        ArtifactWriter out(db, {cid, ctx.hostId, QStringLiteral("kernel-log"), QStringLiteral("kernel-log.txt"),
                                QStringLiteral("dmesg"), QStringLiteral("text/plain")});
        QByteArray data;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView d) {
            out.append(d);
            data.append(d);
        };
        QByteArray errData;
        sink.onStderr = [&](QByteArrayView d) { errData.append(d.left(64 * 1024 - errData.size())); };
        RunRequest req;
        req.command = command();
        req.stdinData = ProcfsScripts::kernelLog();
        req.timeoutMs = (2 * m_stepTimeoutS + 30) * 1000;
        req.maxOutputBytes = 256LL << 20;
        if (ctx.progress)
            ctx.progress(QStringLiteral("reading"), 0);
        const RunResult run = transport.run(req, &sink, cancel);
        out.finish(run.stdoutTruncated);
        if (!run.error.isEmpty() || run.cancelled || (data.isEmpty() && !run.ok())) {
            const QString why = run.cancelled ? QStringLiteral("cancelled")
                              : !run.error.isEmpty() ? run.error
                              : QString::fromUtf8(errData).trimmed();
            collections.finish(cid, CollectionRecord::Status::Failed, why);
            result.ok = false;
            result.error = QStringLiteral("kernel-log on %1: %2").arg(ctx.hostSpec, why);
            return result;
        }
        const KernelLogIngest::Result r = KernelLogIngest(db).ingest(data, cid, ctx.hostId, out.id(), 0, cancel);
        const bool partial = !run.ok();
        collections.finish(cid, partial ? CollectionRecord::Status::Incomplete : CollectionRecord::Status::Complete,
                           partial ? QString::fromUtf8(errData).trimmed().left(2000) : QString());
        result.summary = QJsonObject{{QStringLiteral("collection_id"), cid}, {QStringLiteral("lines"), r.lines},
                                     {QStringLiteral("events"), r.events}, {QStringLiteral("events_by_kind"), r.eventsByKind},
                                     {QStringLiteral("source"), r.source}};
        if (ctx.progress)
            ctx.progress(QStringLiteral("%1 lines, %2 events").arg(r.lines).arg(r.events), 100);
    } catch (const CaseError &e) {
        collections.finish(cid, CollectionRecord::Status::Failed, e.message());
        result.ok = false;
        result.error = QStringLiteral("kernel-log on %1: %2").arg(ctx.hostSpec, e.message());
    }
    return result;
}
