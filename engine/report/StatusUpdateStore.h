#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;

struct StatusUpdate
{
    qint64 id = 0;
    qint64 atUs = 0;
    QString text;
    QString author;
    qint64 createdUs = 0;
};

// The running log of public-facing status updates ("Engineers are bringing
// the server back online now."), kept in the case and quoted in the report.
class StatusUpdateStore
{
public:
    explicit StatusUpdateStore(SqliteDatabase &db) : m_db(db) {}

    // atUs 0 = now. Audited.
    qint64 add(const QString &text, qint64 atUs = 0);
    // Oldest first.
    QList<StatusUpdate> all() const;

private:
    SqliteDatabase &m_db;
};
