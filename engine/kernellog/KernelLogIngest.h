#pragma once

#include "util/CancelToken.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

class SqliteDatabase;

// Stores a kernel log: every line into kernel_log_lines, each recognised
// event into the events table (source kernel-log, ref to its first line),
// then correlates the events with the host's latest procfs snapshot.
class KernelLogIngest
{
public:
    struct Result
    {
        qint64 lines = 0;
        qint64 events = 0;
        qint64 outOfRangeTimes = 0; // lines whose time since boot is impossible (stored without a wall-clock time)
        qint64 bootTimeUs = 0;
        QString source;            // dmesg, journalctl, none
        QStringList unreadable;    // "dmesg: Operation not permitted"...
        qint64 readAsUid = -1;
        QString readAsName;
        QJsonObject eventsByKind;
    };

    explicit KernelLogIngest(SqliteDatabase &db) : m_db(db) {}
    // bootTimeUs is used when the data carries no header (a plain dmesg file).
    Result ingest(QByteArrayView data, qint64 collectionId, qint64 hostId, qint64 artifactId, qint64 bootTimeUs = 0,
                  const CancelToken &cancel = {});

private:
    SqliteDatabase &m_db;
};
