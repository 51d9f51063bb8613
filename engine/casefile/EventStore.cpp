#include "EventStore.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"

namespace {
void bindEvent(SqliteStatement &st, const TimelineEvent &e)
{
    st.bindIdOrNull(1, e.hostId).bindIdOrNull(2, e.collectionId).bind(3, e.atUs).bind(4, e.kind).bind(5, e.source)
        .bind(6, e.summary).bind(7, e.detail.isNull() ? QString(QLatin1String("")) : e.detail);
    e.refKind.isEmpty() ? st.bindNull(8) : st.bind(8, e.refKind);
    st.bindIdOrNull(9, e.refId);
}

const char kInsert[] = "INSERT INTO events(host_id, collection_id, at_us, kind, source, summary, detail, ref_kind, ref_id) "
                       "VALUES (?,?,?,?,?,?,?,?,?)";
}

qint64 EventStore::add(const TimelineEvent &e)
{
    SqliteStatement st = m_db.prepare(QLatin1String(kInsert));
    bindEvent(st, e);
    st.exec();
    return m_db.lastInsertRowId();
}

void EventStore::addAll(const QList<TimelineEvent> &events)
{
    SqliteTransaction tx(m_db);
    SqliteStatement st = m_db.prepare(QLatin1String(kInsert));
    for (const TimelineEvent &e : events) {
        bindEvent(st, e);
        st.exec();
    }
    tx.commit();
}

QList<TimelineEvent> EventStore::range(qint64 fromUs, qint64 toUs, qint64 hostId, const QString &source, int limit) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, host_id, collection_id, at_us, kind, source, summary, detail, ref_kind, ref_id FROM events "
        "WHERE at_us >= ?1 AND at_us < ?2 AND (?3 = 0 OR host_id = ?3) AND (?4 = '' OR source = ?4) "
        "ORDER BY at_us, id LIMIT ?5"));
    st.bind(1, fromUs).bind(2, toUs).bind(3, hostId).bind(4, source.isNull() ? QString(QLatin1String("")) : source)
        .bind(5, qint64(limit));
    QList<TimelineEvent> out;
    while (st.step()) {
        TimelineEvent e;
        e.id = st.int64(0);
        e.hostId = st.int64(1);
        e.collectionId = st.int64(2);
        e.atUs = st.int64(3);
        e.kind = st.text(4);
        e.source = st.text(5);
        e.summary = st.text(6);
        e.detail = st.text(7);
        e.refKind = st.text(8);
        e.refId = st.int64(9);
        out.append(e);
    }
    return out;
}

qint64 EventStore::count() const
{
    return m_db.queryInt(QStringLiteral("SELECT count(*) FROM events"));
}
