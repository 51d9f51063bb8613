#pragma once

#include <QJsonArray>
#include <QJsonObject>

class SqliteDatabase;

// Reads stored capture summaries back as JSON rows (column names as keys),
// for casectl --json, the text views and the workbench. captureId 0 = every
// capture in the case.
class PcapQuery
{
public:
    explicit PcapQuery(SqliteDatabase &db) : m_db(db) {}

    QJsonArray captures(qint64 captureId = 0) const;   // overview + interfaces + warnings
    QJsonArray conversations(qint64 captureId = 0, int limit = -1) const; // busiest first
    QJsonArray endpoints(qint64 captureId = 0) const;
    QJsonArray ports(qint64 captureId = 0) const;
    QJsonArray rpcProcedures(qint64 captureId = 0) const;
    QJsonArray rpcCalls(qint64 captureId = 0, bool unansweredOnly = false, int limit = -1) const;
    QJsonArray rpcRegistrations(qint64 captureId = 0) const;
    // Destinations (address, protocol, port) sent packets that never answered.
    QJsonArray silentPeers(qint64 captureId = 0) const;

private:
    QJsonArray rows(const QString &sql, qint64 captureId, int limit = -1) const;
    SqliteDatabase &m_db;
};
