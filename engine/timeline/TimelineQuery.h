#pragma once

#include "TimelineFilter.h"
#include "TimelineHistogram.h"
#include "TimelineItem.h"
#include "TimelineLane.h"
#include "util/CancelToken.h"

#include <QList>
#include <functional>
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
        TimelineHistogram histogram; // per lane, over [fromUs, toUs) (a summary's: a wider, aligned range)
        qint64 resolutionUs = 0;     // what one of its buckets stands for (a summary's is its stored width)
    };

    // Widths of the stored per-lane counts of events (schema 7, `timeline_counts`).
    static constexpr qint64 kMinuteUs = 60LL * 1000000;
    static constexpr qint64 kHourUs = 3600LL * 1000000;

    explicit TimelineQuery(SqliteDatabase &db);

    // Time extent [from, to) of the case (to is one past the last item).
    std::pair<qint64, qint64> extent() const;
    // One pass over everything: lanes and a histogram of `buckets` columns.
    // Returns an empty overview if cancelled.
    Overview overview(const TimelineFilter &filter, int buckets, const CancelToken &cancel) const;
    // The same from the stored counts of width widthUs (kMinuteUs or kHourUs)
    // instead of the events: reads one row per lane and stored bucket, so a
    // million events cost a few thousand rows. Buckets are widthUs wide (a
    // multiple of it if the case spans more than maxBuckets of them). Only for
    // filters without text (see servesFilter); the small tables are read as in
    // overview(). Returns an empty overview if cancelled.
    Overview summaryOverview(const TimelineFilter &filter, qint64 widthUs, int maxBuckets, const CancelToken &cancel) const;
    // Whether the stored counts can answer for this filter (host/source only).
    static bool servesFilter(const TimelineFilter &filter) { return filter.text.trimmed().isEmpty(); }
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
    // An overview's frame: the extent with a small margin, so the first and
    // last items are not on the edge (from == to when nothing is timed).
    Overview framed() const;
    QString smallItemsSql() const;
    QString eventsFilterSql() const;
    void bindFilter(class SqliteStatement &st, int first, const TimelineFilter &filter, bool withText = true) const;
    void addSmallItems(TimelineHistogram &hist, const TimelineFilter &filter, const std::function<int(qint64, const QString &)> &laneOf) const;
    void orderLanes(Overview &ov, QList<TimelineLane> lanes, TimelineHistogram hist) const;

    SqliteDatabase &m_db;
};
