#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

class CaseFile;

// Brings another case's evidence and work into this one, in one transaction.
// Every ordinary table both files share is merged (found from the schema, so
// later areas' tables are included) in reference order (MergeOrder): rows get
// new ids, and every foreign key (declared, or listed in schema_references)
// and typed evidence reference (ref_kind/ref_id, RefKindTables) is mapped to
// the new ids; references caught in a cycle are set after the last table.
// Rows already here are recognised (TableMerger: collections by uuid,
// artifacts by SHA-256, hosts by name, notes by creation time and author,
// other rows by content), so merging a case twice, merging a case into
// itself or merging back its own export adds nothing. A redacted export of
// this same case coming back has its pseudonyms replaced by the originals
// from this case's map, and its re-hashed artifacts matched by the SHA-256
// each had before redaction (recorded in its audit log). Not merged: case
// metadata, the audit log (one 'merge' entry records the source, its uuid,
// its audit head hash and the counts), the other case's pseudonym map and
// saved report drafts, derived timeline counts.
class CaseMerger
{
public:
    struct TableCount
    {
        qint64 inserted = 0;
        qint64 existing = 0; // already present (deduplicated)
        qint64 orphans = 0;  // not merged: a row it must point at is missing in the other case
    };
    struct Result
    {
        QString sourceUuid;
        QMap<QString, TableCount> tables;
        qint64 unmappedReferences = 0; // ref_id values whose kind names no merged table, or whose row is missing
        qint64 inserted() const;
        QJsonObject toJson() const;
    };

    explicit CaseMerger(CaseFile &target) : m_case(target) {}
    Result merge(const QString &otherPath);

    static QStringList excludedTables();

private:
    CaseFile &m_case;
};
