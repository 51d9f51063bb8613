#include "MarkerStore.h"

#include "TimelineQuery.h"
#include "casefile/AuditLog.h"
#include "casefile/EventStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <limits>

qint64 MarkerStore::add(qint64 atUs, const QString &kind, const QString &label, qint64 hostId)
{
    if (!TimelineQuery::markerKinds().contains(kind))
        throw CaseError(QStringLiteral("unknown marker kind '%1'").arg(kind));
    if (label.trimmed().isEmpty())
        throw CaseError(QStringLiteral("a marker needs a label"));
    SqliteTransaction tx(m_db);
    TimelineEvent e;
    e.hostId = hostId;
    e.atUs = atUs;
    e.kind = kind;
    e.source = QStringLiteral("marker");
    e.summary = label.trimmed();
    const qint64 id = EventStore(m_db).add(e);
    AuditLog(m_db).append(QStringLiteral("marker-add"), QStringLiteral("event:%1").arg(id),
                          {{QStringLiteral("kind"), kind}, {QStringLiteral("label"), e.summary},
                           {QStringLiteral("at"), TimeUtil::isoUtc(atUs)}, {QStringLiteral("host_id"), hostId}});
    tx.commit();
    return id;
}

void MarkerStore::remove(qint64 id)
{
    SqliteTransaction tx(m_db);
    SqliteStatement sel = m_db.prepare(QStringLiteral("SELECT summary, at_us, kind FROM events WHERE id = ? AND source = 'marker'"));
    sel.bind(1, id);
    if (!sel.step())
        throw CaseError(QStringLiteral("no marker with id %1").arg(id));
    const QString label = sel.text(0);
    const qint64 at = sel.int64(1);
    const QString kind = sel.text(2);
    SqliteStatement del = m_db.prepare(QStringLiteral("DELETE FROM events WHERE id = ? AND source = 'marker'"));
    del.bind(1, id).exec();
    AuditLog(m_db).append(QStringLiteral("marker-remove"), QStringLiteral("event:%1").arg(id),
                          {{QStringLiteral("kind"), kind}, {QStringLiteral("label"), label},
                           {QStringLiteral("at"), TimeUtil::isoUtc(at)}});
    tx.commit();
}

QList<TimelineEvent> MarkerStore::all() const
{
    QList<TimelineEvent> out;
    for (const TimelineEvent &e : EventStore(m_db).range(std::numeric_limits<qint64>::min(),
                                                         std::numeric_limits<qint64>::max(), 0, QStringLiteral("marker")))
        out.append(e);
    return out;
}
