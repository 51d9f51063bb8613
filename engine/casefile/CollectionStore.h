#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

class SqliteDatabase;

struct CollectionRecord
{
    // Partial: ran to its end, but some of what it should read could not be
    // read (collection_gaps says what); Incomplete: did not reach its end.
    enum class Status { Running, Complete, Partial, Incomplete, Failed };

    qint64 id = 0;
    qint64 hostId = 0; // 0 = none (e.g. a local file import)
    QString kind;
    QString command;
    QJsonObject parameters;
    QString operatorName;
    QString tool;
    qint64 startedUs = 0;
    qint64 finishedUs = 0;
    Status status = Status::Running;
    QString error;
    QString hostkeyType;
    QString hostkeySha256;
    QString address;  // the address connected to; empty for local
    int port = 0;
    QString user;     // the account it ran as on the host

    static QString statusName(Status s);
    static Status statusFromName(const QString &name);
};

// Records what ran where, when, by whom. A collection is 'running' from
// begin() until finish(); one whose writer died is marked 'incomplete' by
// recoverInterrupted() when the case is next opened for writing.
class CollectionStore
{
public:
    explicit CollectionStore(SqliteDatabase &db) : m_db(db) {}

    // Inserts a running collection (committed at once) and audits it.
    qint64 begin(qint64 hostId, const QString &kind, const QString &command, const QJsonObject &parameters = {});
    void setHostKey(qint64 id, const QString &type, const QString &sha256);
    // The endpoint the collection used (empty values are left NULL).
    void setEndpoint(qint64 id, const QString &address, int port, const QString &user);
    void setCommand(qint64 id, const QString &command);
    // Marks it complete/partial/incomplete/failed (committed) and audits it.
    void finish(qint64 id, CollectionRecord::Status status, const QString &error = {});

    std::optional<CollectionRecord> byId(qint64 id) const;
    QList<CollectionRecord> all() const;
    QList<CollectionRecord> forHost(qint64 hostId) const;

    // Marks 'running' collections whose writer process is gone as incomplete;
    // hashes their partial artifacts. Returns how many were recovered.
    int recoverInterrupted();

private:
    QList<CollectionRecord> query(const QString &where, qint64 arg) const;
    SqliteDatabase &m_db;
};
