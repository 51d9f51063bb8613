#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;

struct ActionItem
{
    qint64 id = 0;
    QString text;
    QString owner;
    qint64 dueUs = 0; // 0 = no date
    QString status = QStringLiteral("open"); // open, done, dropped
    qint64 createdUs = 0;
};

// Follow-up work from the incident review, listed in the report.
class ActionItemStore
{
public:
    explicit ActionItemStore(SqliteDatabase &db) : m_db(db) {}

    qint64 add(const ActionItem &item);
    void setStatus(qint64 id, const QString &status);
    QList<ActionItem> all() const;

private:
    SqliteDatabase &m_db;
};
