#pragma once

#include <QString>

class SqliteDatabase;
class CaptureSummarizer;

// Writes a finished CaptureSummarizer into the pcap_* tables in one
// transaction: overview, interfaces, conversations, endpoints, protocol and
// port breakdown, RPC procedures, calls and registrations, warnings.
class PcapStore
{
public:
    explicit PcapStore(SqliteDatabase &db) : m_db(db) {}

    struct Origin
    {
        qint64 collectionId = 0;
        qint64 hostId = 0;
        qint64 artifactId = 0;
        QString source;
    };
    // Returns the pcap_captures id.
    qint64 store(const CaptureSummarizer &summary, const Origin &origin);

private:
    SqliteDatabase &m_db;
};
