#pragma once

#include "casefile/CollectionGap.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// The finding that says what a collection could not read and how to get it:
// "collected as cbuser without root: 212 kernel stacks and 40 fd tables
// unreadable; rerun with --sudo". Kind collection-gaps, one per collection
// (re-running replaces it); none when no gap makes the collection partial.
class CollectionGapsFinding
{
public:
    struct ReadAs
    {
        qint64 uid = -1; // -1 = unknown
        QString name;
    };

    explicit CollectionGapsFinding(SqliteDatabase &db) : m_db(db) {}

    // Returns the number of findings written (0 or 1).
    int write(qint64 hostId, qint64 collectionId, const ReadAs &readAs, const QList<CollectionGap> &gaps);

    // "212 kernel stacks" / "the kernel log": the largest count of one sample.
    static QString describe(const QString &what, qint64 count);
    static QString title(const ReadAs &readAs, const QList<CollectionGap> &gaps);
    static bool anyPartial(const QList<CollectionGap> &gaps);

private:
    SqliteDatabase &m_db;
};
