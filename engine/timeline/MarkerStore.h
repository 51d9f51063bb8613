#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;
struct TimelineEvent;

// Markers a responder places on the timeline (detection, diagnosis, repair,
// key moment). Stored as rows of `events` with source 'marker' and kind
// 'marker-<type>'; every addition and removal is recorded in the audit log.
class MarkerStore
{
public:
    explicit MarkerStore(SqliteDatabase &db) : m_db(db) {}

    // kind: one of TimelineQuery::markerKinds(). hostId 0 = case-wide.
    qint64 add(qint64 atUs, const QString &kind, const QString &label, qint64 hostId = 0);
    void remove(qint64 id);
    QList<TimelineEvent> all() const;

private:
    SqliteDatabase &m_db;
};
