#pragma once

#include "CollectionGap.h"

#include <QList>

class SqliteDatabase;

// The collection_gaps table: what each collection could not read, and why.
class CollectionGapStore
{
public:
    explicit CollectionGapStore(SqliteDatabase &db) : m_db(db) {}

    void add(qint64 collectionId, const CollectionGap &gap);
    void add(qint64 collectionId, const QList<CollectionGap> &gaps);
    QList<CollectionGap> forCollection(qint64 collectionId) const;

private:
    SqliteDatabase &m_db;
};
