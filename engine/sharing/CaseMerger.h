#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

class CaseFile;

// Brings another case's evidence and work into this one. Every ordinary table
// both files share is merged (found from the schema, so later areas' tables
// are included) in foreign-key order: rows get new ids, their foreign keys
// and typed evidence references (ref_kind/ref_id: artifact, finding, event,
// note, collection, host, and <kind>s tables of other areas) are mapped to
// the new ids. Artifacts are deduplicated by SHA-256; hosts by name (any
// UNIQUE key); every other row by its full content, so merging the same file
// twice adds nothing. A redacted export of this same case (same case id)
// coming back has its pseudonyms replaced by the originals from this case's
// map, and its re-hashed artifacts matched by the original SHA-256 its audit
// log records, so it merges without duplicates. Not merged: case metadata, the audit log (one 'merge'
// entry records the source, its audit head hash and the counts), the other
// case's pseudonym map and saved report drafts.
class CaseMerger
{
public:
    struct TableCount
    {
        qint64 inserted = 0;
        qint64 existing = 0; // already present (deduplicated)
    };
    struct Result
    {
        QString sourceUuid;
        QMap<QString, TableCount> tables;
        qint64 unmappedReferences = 0; // ref_id values whose kind names no known table
        qint64 inserted() const;
        QJsonObject toJson() const;
    };

    explicit CaseMerger(CaseFile &target) : m_case(target) {}
    Result merge(const QString &otherPath);

    static QStringList excludedTables();

private:
    CaseFile &m_case;
};
