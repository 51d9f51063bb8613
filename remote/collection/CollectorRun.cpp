#include "CollectorRun.h"

#include "HostEventEmitter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QJsonArray>

QJsonObject CollectorOutcome::toJson() const
{
    QJsonObject o = result.summary;
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("ok"), result.ok);
    QJsonArray ids;
    for (qint64 id : std::as_const(result.collectionIds))
        ids.append(id);
    o.insert(QStringLiteral("collection_ids"), ids);
    if (!status.isEmpty())
        o.insert(QStringLiteral("status"), status);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    if (!result.ok)
        o.insert(QStringLiteral("error"), result.error);
    o.insert(QStringLiteral("started"), TimeUtil::isoUtc(startedUs));
    o.insert(QStringLiteral("finished"), TimeUtil::isoUtc(finishedUs));
    return o;
}

namespace CollectorRun {

CollectorOutcome run(Collector &collector, Transport &transport, CaseFile &caseFile, qint64 hostId, const QString &hostSpec,
                     HostEventEmitter &events, const CancelToken &cancel)
{
    CollectorOutcome out;
    out.kind = collector.kind();
    CollectionContext context;
    context.caseFile = &caseFile;
    context.hostId = hostId;
    context.hostSpec = hostSpec;
    context.hostRecorded = true;
    const QString kind = out.kind;
    context.progress = [&events, kind](const QString &message, int percent) { events.progress(kind, message, percent); };
    out.startedUs = TimeUtil::nowUs();
    events.emitEvent(CollectionEvent::Kind::CollectorStarted, kind);
    try {
        out.result = collector.collect(transport, context, cancel);
    } catch (const CaseError &e) {
        out.result.ok = false;
        out.result.error = e.message();
    } catch (const std::exception &e) {
        out.result.ok = false;
        out.result.error = QString::fromUtf8(e.what());
    }
    out.finishedUs = TimeUtil::nowUs();
    // How its (last) collection ended: complete, partial (with what is
    // missing), incomplete, failed.
    if (!out.result.collectionIds.isEmpty()) {
        try {
            if (const auto c = CollectionStore(caseFile.db()).byId(out.result.collectionIds.last())) {
                out.status = CollectionRecord::statusName(c->status);
                if (c->status == CollectionRecord::Status::Partial || c->status == CollectionRecord::Status::Incomplete)
                    out.note = c->error;
            }
        } catch (const CaseError &) {
        }
    }
    if (out.result.ok)
        events.emitEvent(CollectionEvent::Kind::CollectorFinished, kind,
                         out.note.isEmpty() ? out.status : QStringLiteral("%1: %2").arg(out.status, out.note));
    else
        events.emitEvent(CollectionEvent::Kind::CollectorFailed, kind, out.result.error);
    return out;
}

}
