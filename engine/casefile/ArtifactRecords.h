#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

class SqliteDatabase;

// The SHA-256 and size of each artifact as the audit log recorded them when
// the artifact was completed (collect-finish, collect-interrupted, merge,
// export-redacted). The chained record is what verify compares the bytes
// with, so rewriting an artifact's bytes together with its artifacts row
// still shows.
//
// In the details of an audit entry, "artifacts" is an object
// {"<id>": {"sha256": "...", "size": N}} ({"complete": false} for an artifact
// that had no hash yet; older cases have {"<id>": "<sha256>"}), or an array
// [{"artifact": id, "sha256": "...", "size": N}] (export-redacted).
class ArtifactRecords
{
public:
    struct Record
    {
        qint64 auditEntry = 0;
        QString action;
        QString sha256; // empty: recorded without a hash (it was not complete)
        qint64 size = -1; // -1: not recorded (older cases)
        bool hashed() const { return !sha256.isEmpty(); }
    };

    // The record of these artifacts as stored now, for an audit entry's "artifacts".
    static QJsonObject ofCollection(SqliteDatabase &db, qint64 collectionId);
    static QJsonObject ofArtifacts(SqliteDatabase &db, const QList<qint64> &ids);

    // Every record in the audit log, per artifact id, in chain order.
    static QMap<qint64, QList<Record>> fromAuditLog(SqliteDatabase &db);
    // The records of one artifact, in chain order.
    static QList<Record> forArtifact(SqliteDatabase &db, qint64 artifactId);
};
