#pragma once

#include "TimelineFilter.h"
#include "TimelineHistogram.h"
#include "TimelineItem.h"
#include "TimelineLane.h"
#include "util/CancelToken.h"

#include <QList>
#include <QStringList>

class SqliteDatabase;

// Windowed, read-only queries over every timed thing of a case: the events
// table (kernel log, markers, imported events; may hold millions of rows, read
// through its indexes, aggregated per bucket in SQL) and the small timed tables
// (findings, collections, notes). Nothing is loaded that is not asked for.
// Use on one thread with that thread's connection.
class TimelineQuery
{
public:
    struct Overview
    {
        qint64 fromUs = 0; // extent of the whole case (unfiltered); equal when empty
        qint64 toUs = 0;
        QList<TimelineLane> lanes;   // lanes with items under the filter, by host then source
        TimelineHistogram histogram; // per lane, over [fromUs, toUs)
    };

    explicit TimelineQuery(SqliteDatabase &db);

    // Time extent [from, to) of the case (to is one past the last item).
    std::pair<qint64, qint64> extent() const;
    // One pass over everything: lanes and a histogram of `buckets` columns.
    // Returns an empty overview if cancelled.
    Overview overview(const TimelineFilter &filter, int buckets, const CancelToken &cancel) const;
    // Histogram of [fromUs, toUs) in `buckets` columns for the given lanes
    // (items of other lanes are ignored).
    TimelineHistogram histogram(const QList<TimelineLane> &lanes, qint64 fromUs, qint64 toUs, int buckets,
                                const TimelineFilter &filter, const CancelToken &cancel) const;
    // Items in [fromUs, toUs) ordered by time, at most limit.
    QList<TimelineItem> items(qint64 fromUs, qint64 toUs, const TimelineFilter &filter, int limit) const;
    // All lane sources present in the case (for the filter's check list).
    QStringList sources() const;

    static QStringList markerKinds(); // marker-detection, marker-diagnosis, marker-repair, marker-key-moment

private:
    QString smallItemsSql() const;
    QString eventsFilterSql() const;
    void bindFilter(class SqliteStatement &st, int first, const TimelineFilter &filter) const;

    SqliteDatabase &m_db;
};
