#pragma once

#include "CaseMerger.h"
#include "MergeContext.h"
#include "SchemaIntrospection.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <map>

#include "casefile/SqliteStatement.h"

// Merges one table of the attached other case into this one. Each row of the
// other case is either recognised as already here or inserted, and its id is
// mapped (MergeContext::maps) for the tables after it. A row is recognised:
//   - artifacts: by SHA-256 and kind (a redacted copy of this case: by the
//     SHA-256 the artifact had before redaction);
//   - by any UNIQUE key or primary key that is not the row's own id
//     (hosts by name, collections by uuid, stacks by signature, capture
//     interfaces by capture and index...);
//   - notes by (created_us, author), action items by (created_us, text,
//     owner), so later edits of a merged row do not bring it back twice;
//   - every other row by its whole content, foreign keys mapped.
// Ids inside a JSON `data` column (findings' {"capture_id": 3}) are mapped
// too: a key <kind>_id names its table as a typed reference does.
// A row pointing at a row this merge inserted is new by definition and is
// inserted without looking (so two equal rows of the other case both arrive).
// Rows matched by content are matched one to one with rows that were here
// before the merge.
class TableMerger
{
public:
    TableMerger(MergeContext &context, const SchemaIntrospection::Table &table);
    CaseMerger::TableCount run();

    // Columns that identify a row of table when no key does; empty: all.
    static QStringList identityColumns(const QString &table);
    // The JSON column whose "<kind>_id" keys are references, by convention.
    static QString jsonColumn() { return QStringLiteral("data"); }

private:
    struct Cell;
    enum class Role { Plain, Mapped, Deferred };
    QList<Cell> read(const SqliteStatement &st, qsizetype offset, qsizetype n) const;
    QByteArray fingerprint(const QList<Cell> &row, const QList<int> &which) const;
    qint64 findByKeys(const QList<Cell> &row, qint64 otherId);
    qint64 takeLocal(const QByteArray &fingerprint);
    void buildLocalIndex();
    bool mapJsonIds(Cell &cell, bool *pointsAtNew);

    MergeContext &m_ctx;
    const SchemaIntrospection::Table &m_t;
    QStringList m_cols;
    QList<Role> m_roles;
    QStringList m_parents;       // per column: table its values point into
    QList<int> m_insertIdx;      // columns written on insert
    QList<int> m_identityIdx;    // columns compared when no key matches
    bool m_ownIds = false;
    int m_idCol = -1, m_refKindCol = -1, m_refIdCol = -1, m_jsonCol = -1;
    std::map<int, SqliteStatement> m_keyLookups; // per key: prepared once
    bool m_localBuilt = false;
    QHash<QByteArray, QList<qint64>> m_local; // fingerprint -> rowids here, last taken first
};
