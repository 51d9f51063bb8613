#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class SqliteDatabase;

// Append-only chain of custody. Each entry's hash is SHA-256 over the previous
// hash and the entry's fields, so edits and deletions are detectable.
class AuditLog
{
public:
    struct Entry
    {
        qint64 id = 0;
        qint64 atUs = 0;
        QString actor;
        QString action;
        QString target;
        QJsonObject details;
        QString prevHash;
        QString hash;
    };

    explicit AuditLog(SqliteDatabase &db) : m_db(db) {}

    qint64 append(const QString &action, const QString &target, const QJsonObject &details = {});
    QList<Entry> entries(qint64 afterId = 0, int limit = -1) const;
    qint64 count() const;

    // Checks the chain (AuditChainCheck). Returns 0 when intact, else the id
    // of the first entry that does not match (problem describes it).
    qint64 verifyChain(QString *problem = nullptr) const;

    static QString currentActor();
    // The prev_hash of the first entry.
    static QString genesisHash();
    static QString computeHash(const QString &prevHash, qint64 atUs, const QString &actor, const QString &action,
                               const QString &target, const QString &details);

private:
    SqliteDatabase &m_db;
};
