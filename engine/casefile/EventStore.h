#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;

struct TimelineEvent
{
    qint64 id = 0;
    qint64 hostId = 0;
    qint64 collectionId = 0;
    qint64 atUs = 0;
    QString kind;    // hung-task, oom-kill, nfs-not-responding, marker-detection, ...
    QString source;  // kernel-log, marker, procfs, strace, pcap, case
    QString summary;
    QString detail;
    QString refKind;
    qint64 refId = 0;
};

// Generic timed events (kernel-log events, user markers...). Bulk inserts use
// one prepared statement inside the caller's transaction.
class EventStore
{
public:
    explicit EventStore(SqliteDatabase &db) : m_db(db) {}

    qint64 add(const TimelineEvent &event);
    void addAll(const QList<TimelineEvent> &events);
    // Events in [fromUs, toUs), optionally of one host/source, ordered by time.
    QList<TimelineEvent> range(qint64 fromUs, qint64 toUs, qint64 hostId = 0, const QString &source = {}, int limit = -1) const;
    qint64 count() const;

private:
    SqliteDatabase &m_db;
};
