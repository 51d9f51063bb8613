#include "StraceViewData.h"


#include <functional>

StraceViewData StraceViewData::load(SqliteDatabase &db, qint64 collectionId, const CancelToken &cancel)
{
    StraceViewData d;
    d.collectionId = collectionId;
    d.traces = StraceQuery(db).traces();
    bool known = collectionId == 0;
    for (const StraceTraceRow &t : std::as_const(d.traces))
        known = known || t.collectionId == collectionId;
    if (!known) // the selected collection is gone (another case, a merge): show everything
        d.collectionId = collectionId = 0;
    const StraceQuery q(db, collectionId);
    // Cheap questions first; each step checks for a newer request.
    const std::initializer_list<std::function<void()>> steps = {
        [&] { d.hung = q.hung(); },
        [&] { d.summary = q.summary(false); },
        [&] { d.summaryPerProcess = q.summary(true); },
        [&] { d.slowest = q.slowest(kSlowest); },
        [&] { d.errors = q.errors(); },
        [&] { d.processes = q.processes(); },
    };
    for (const auto &step : steps) {
        if (cancel.isCancelled()) {
            d.cancelled = true;
            break;
        }
        step();
    }
    return d;
}

QList<StraceFdRow> StraceViewData::loadFds(SqliteDatabase &db, qint64 collectionId)
{
    return StraceQuery(db, collectionId).fds();
}

QString StraceViewData::fingerprint(const QList<StraceTraceRow> &traces)
{
    QString f;
    for (const StraceTraceRow &t : traces)
        f += QStringLiteral("%1:%2:%3:%4:%5;").arg(t.traceId).arg(t.calls).arg(t.unfinished).arg(t.lines).arg(t.status);
    return f;
}
