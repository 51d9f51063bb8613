#pragma once

#include <QList>
#include <QString>
#include <optional>

class SqliteDatabase;

struct HostRecord
{
    qint64 id = 0;
    QString name;          // as the user named it: 'local', an alias, user@host:port
    QString address;
    int port = 0;
    QString user;
    QString hostkeyType;
    QString hostkeySha256; // 'SHA256:...'
    QString kernel;
    QString os;
    qint64 bootTimeUs = 0;
    qint64 firstSeenUs = 0;
    qint64 lastSeenUs = 0;
};

class HostStore
{
public:
    explicit HostStore(SqliteDatabase &db) : m_db(db) {}

    // Returns the id of the host with this name, creating it if needed.
    qint64 ensure(const QString &name);
    // Updates every non-empty field of record (matched by id).
    void update(const HostRecord &record);
    std::optional<HostRecord> byId(qint64 id) const;
    std::optional<HostRecord> byName(const QString &name) const;
    QList<HostRecord> all() const;

private:
    SqliteDatabase &m_db;
};
