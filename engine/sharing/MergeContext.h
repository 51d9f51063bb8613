#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

class PseudonymRestorer;
class RefKindTables;
class SqliteDatabase;

// What merging one table needs from the tables merged before it (their id
// maps), and what it leaves for after the last one (columns pointing at rows
// of tables merged later). The other case is attached as "other".
struct MergeContext
{
    using IdMap = QHash<qint64, qint64>; // id in the other case -> id here

    // A column of a row inserted here whose value is an id of a table merged
    // later (a cycle): set when the maps are complete.
    struct Fixup
    {
        QString table;
        QString column;
        QString parent;
        qint64 rowid = 0;  // of the inserted row
        qint64 value = 0;  // id in the other case
        bool nullable = true;
    };

    SqliteDatabase &db;
    const RefKindTables &refTables;
    QSet<QString> merged;             // tables taking part
    QSet<QString> done;               // tables merged so far
    QHash<QString, IdMap> maps;       // per table
    QHash<QString, qint64> preMax;    // per table: largest rowid here before the merge
    const PseudonymRestorer *restorer = nullptr; // a redacted copy of this case: put the originals back
    QHash<qint64, QString> originalSha; // redacted copy: artifact id -> SHA-256 before redaction
    QList<Fixup> fixups;
    QList<qint64> mergedArtifacts; // added by this merge: recorded with their hashes in its audit entry
    qint64 unmappedReferences = 0;

    bool isNew(const QString &table, qint64 id) const { return id > preMax.value(table); }
};
