#include "CollectionGapStore.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"

void CollectionGapStore::add(qint64 collectionId, const CollectionGap &gap)
{
    const QString detail = gap.detail.left(2000);
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO collection_gaps(collection_id, snapshot_id, what, reason, count, detail) VALUES (?,?,?,?,?,?)"));
    st.bind(1, collectionId).bindIdOrNull(2, gap.snapshotId).bind(3, gap.what).bind(4, gap.reason).bind(5, gap.count)
        .bind(6, detail.isNull() ? QString(QLatin1String("")) : detail).exec();
}

void CollectionGapStore::add(qint64 collectionId, const QList<CollectionGap> &gaps)
{
    if (gaps.isEmpty())
        return;
    SqliteTransaction tx(m_db);
    for (const CollectionGap &g : gaps)
        add(collectionId, g);
    tx.commit();
}

QList<CollectionGap> CollectionGapStore::forCollection(qint64 collectionId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT snapshot_id, what, reason, count, detail FROM collection_gaps WHERE collection_id = ? ORDER BY id"));
    st.bind(1, collectionId);
    QList<CollectionGap> out;
    while (st.step())
        out.append({st.int64(0), st.text(1), st.text(2), st.int64(3), st.text(4)});
    return out;
}
