#include "KernelLogCollector.h"

#include "ProcfsScripts.h"
#include "analysis/CollectionGapsFinding.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CollectionGapStore.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "kernellog/KernelLogIngest.h"
#include "transport/Transport.h"
#include "util/CaseError.h"

#include <QJsonArray>

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
        const QString timedOut = QStringLiteral("timed out after %1 s waiting for %2's kernel log")
                                     .arg(req.timeoutMs / 1000).arg(ctx.hostSpec);
        const QString cut = QStringLiteral("cut at %1 MiB").arg(req.maxOutputBytes >> 20);
        if (!run.error.isEmpty() || run.cancelled || (data.isEmpty() && !run.ok())) {
            const QString why = run.cancelled ? QStringLiteral("cancelled")
                              : !run.error.isEmpty() ? run.error
                              : run.timedOut ? timedOut
                              : QString::fromUtf8(errData).trimmed();
            collections.finish(cid, CollectionRecord::Status::Failed, why);
            result.ok = false;
            result.error = QStringLiteral("kernel-log on %1: %2").arg(ctx.hostSpec, why);
            return result;
        }
        const KernelLogIngest::Result r = KernelLogIngest(db).ingest(data, cid, ctx.hostId, out.id(), 0, cancel);
        QList<CollectionGap> gaps;
        QStringList problems;
        if (r.source == QLatin1String("none")) {
            // Neither dmesg nor the journal gave a line: recorded, with why.
            const QString why = r.unreadable.join(QStringLiteral("; "));
            const bool denied = why.contains(QLatin1String("not permitted")) || why.contains(QLatin1String("ermission denied"))
                || why.contains(QLatin1String("no kernel messages visible"));
            gaps.append({0, QStringLiteral("kernel-log"), denied ? QStringLiteral("not-permitted") : QStringLiteral("unreadable"), 1, why});
        }
        if (run.timedOut) {
            problems.append(timedOut + QStringLiteral("; the log is partial"));
            gaps.append({0, QStringLiteral("output"), QStringLiteral("timed-out"), 1, timedOut});
        }
        if (run.stdoutTruncated) {
            problems.append(QStringLiteral("output %1").arg(cut));
            gaps.append({0, QStringLiteral("output"), QStringLiteral("cut"), 1, cut});
        }
        if (!run.ok() && !run.timedOut)
            problems.append(QString::fromUtf8(errData).trimmed());
        CollectionGapStore(db).add(cid, gaps);
        const CollectionGapsFinding::ReadAs readAs{r.readAsUid, r.readAsName};
        const QList<CollectionGap> readGaps = gaps.mid(0, r.source == QLatin1String("none") ? 1 : 0);
        const int gapFindings = CollectionGapsFinding(db).write(ctx.hostId, cid, readAs, readGaps);
        if (!readGaps.isEmpty())
            problems.prepend(CollectionGapsFinding::title(readAs, readGaps));
        const CollectionRecord::Status status = !run.ok()          ? CollectionRecord::Status::Incomplete
                                              : !readGaps.isEmpty() ? CollectionRecord::Status::Partial
                                                                    : CollectionRecord::Status::Complete;
        collections.finish(cid, status, status == CollectionRecord::Status::Complete ? QString() : problems.join(QStringLiteral("; ")).left(2000));
        QJsonArray gapsJson;
        for (const CollectionGap &g : gaps)
            gapsJson.append(QJsonObject{{QStringLiteral("what"), g.what}, {QStringLiteral("reason"), g.reason},
                                        {QStringLiteral("count"), g.count}, {QStringLiteral("detail"), g.detail}});
        result.summary = QJsonObject{{QStringLiteral("collection_id"), cid}, {QStringLiteral("lines"), r.lines},
                                     {QStringLiteral("events"), r.events}, {QStringLiteral("events_by_kind"), r.eventsByKind},
                                     {QStringLiteral("source"), r.source}, {QStringLiteral("findings"), gapFindings},
                                     {QStringLiteral("status"), CollectionRecord::statusName(status)}, {QStringLiteral("gaps"), gapsJson},
                                     {QStringLiteral("out_of_range_times"), r.outOfRangeTimes}};
        if (ctx.progress)
            ctx.progress(QStringLiteral("%1 lines, %2 events").arg(r.lines).arg(r.events), 100);
    } catch (const CaseError &e) {
        collections.finish(cid, CollectionRecord::Status::Failed, e.message());
        result.ok = false;
        result.error = QStringLiteral("kernel-log on %1: %2").arg(ctx.hostSpec, e.message());
    }
    return result;
}
