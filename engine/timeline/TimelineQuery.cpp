#include "TimelineQuery.h"
#include "util/TimeUtil.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <numeric>

namespace {

// Filter parameters, always bound in this order at `first`:
// first+0 sources JSON array, +1 source count, +2 hosts JSON array, +3 host count, +4 lower-case text.
const char kFilter[] =
    " AND (?%1 = 0 OR source IN (SELECT value FROM json_each(?%2)))"
    " AND (?%3 = 0 OR coalesce(host_id, 0) IN (SELECT value FROM json_each(?%4)))"
    " AND (?%5 = '' OR instr(lower(summary), ?%5) > 0 OR instr(lower(kind), ?%5) > 0)";

QString filterSql(int first)
{
    return QString::fromLatin1(kFilter).arg(first + 1).arg(first).arg(first + 3).arg(first + 2).arg(first + 4);
}

QString laneKey(qint64 hostId, const QString &source)
{
    return QString::number(hostId) + QLatin1Char('\x1f') + source;
}

TimelineItem readItem(const SqliteStatement &st)
{
    TimelineItem it;
    it.origin = st.text(0);
    it.id = st.int64(1);
    it.hostId = st.int64(2);
    it.atUs = st.int64(3);
    it.source = st.text(4);
    it.kind = st.text(5);
    it.summary = st.text(6);
    it.refKind = st.text(7);
    it.refId = st.int64(8);
    return it;
}

// Host and source parts of the filter alone (for tables without text), bound
// like filterSql's first four parameters.
QString laneFilterSql(int first)
{
    return QStringLiteral(" AND (?%1 = 0 OR source IN (SELECT value FROM json_each(?%2)))"
                          " AND (?%3 = 0 OR host_id IN (SELECT value FROM json_each(?%4)))")
        .arg(first + 1).arg(first).arg(first + 3).arg(first + 2);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Lanes in order of first appearance, each a row of the histogram.
struct LaneIndex
{
    explicit LaneIndex(TimelineHistogram &h) : hist(h) {}
    TimelineHistogram &hist;
    QHash<QString, int> index;
    QList<TimelineLane> lanes;
    qint64 lastHost = -1;
    QString lastSource;
    int last = -1;

    int of(qint64 hostId, const QString &source)
    {
        if (last >= 0 && hostId == lastHost && source == lastSource)
            return last;
        const QString key = laneKey(hostId, source);
        auto it = index.constFind(key);
        if (it != index.constEnd()) {
            last = *it;
        } else {
            last = hist.addLane();
            index.insert(key, last);
            lanes.append({hostId, QString(), source});
        }
        lastHost = hostId;
        lastSource = source;
        return last;
    }
};

const char kItemColumns[] = "origin, id, host_id, at_us, source, kind, summary, ref_kind, ref_id";

}

TimelineQuery::TimelineQuery(SqliteDatabase &db) : m_db(db)
{
}

QStringList TimelineQuery::markerKinds()
{
    return {QStringLiteral("marker-detection"), QStringLiteral("marker-diagnosis"), QStringLiteral("marker-repair"),
            QStringLiteral("marker-key-moment")};
}

QString TimelineQuery::smallItemsSql() const
{
    // Every small timed table, shaped like an item. host_id 0 = case-wide.
    // Superseded findings stay in the case but not on the timeline.
    return QStringLiteral(
        "SELECT 'finding' AS origin, id, coalesce(host_id, 0) AS host_id, at_us, 'finding' AS source, "
        "  severity AS kind, title AS summary, 'finding' AS ref_kind, id AS ref_id FROM findings WHERE at_us IS NOT NULL AND superseded_at IS NULL "
        "UNION ALL SELECT 'collection', id, coalesce(host_id, 0), started_us, 'collection', kind, "
        "  kind || ' ' || status || ': ' || command, 'collection', id FROM collections "
        "UNION ALL SELECT 'note', id, 0, at_us, 'note', 'note', CASE title WHEN '' THEN substr(body, 1, 80) ELSE title END, "
        "  'note', id FROM notes WHERE at_us IS NOT NULL");
}

void TimelineQuery::bindFilter(SqliteStatement &st, int first, const TimelineFilter &filter, bool withText) const
{
    QJsonArray sources;
    for (const QString &s : filter.sources)
        sources.append(s);
    QJsonArray hosts;
    for (qint64 h : filter.hostIds)
        hosts.append(h);
    st.bind(first, QString::fromUtf8(QJsonDocument(sources).toJson(QJsonDocument::Compact)));
    st.bind(first + 1, qint64(filter.sources.size()));
    st.bind(first + 2, QString::fromUtf8(QJsonDocument(hosts).toJson(QJsonDocument::Compact)));
    st.bind(first + 3, qint64(filter.hostIds.size()));
    if (withText)
        st.bind(first + 4, filter.text.trimmed().toLower() + QString(QLatin1String(""))); // never NULL
}

std::pair<qint64, qint64> TimelineQuery::extent() const
{
    // min()/max() alone use the indexes; the small tables are scanned.
    const QStringList mins = {QStringLiteral("SELECT min(at_us) FROM events"),
                              QStringLiteral("SELECT min(at_us) FROM findings"),
                              QStringLiteral("SELECT min(started_us) FROM collections"),
                              QStringLiteral("SELECT min(at_us) FROM notes")};
    const QStringList maxs = {QStringLiteral("SELECT max(at_us) FROM events"),
                              QStringLiteral("SELECT max(at_us) FROM findings"),
                              QStringLiteral("SELECT max(started_us) FROM collections"),
                              QStringLiteral("SELECT max(at_us) FROM notes")};
    qint64 lo = 0, hi = 0;
    bool any = false;
    for (int i = 0; i < mins.size(); ++i) {
        SqliteStatement a = m_db.prepare(mins[i]);
        if (!a.step() || a.isNull(0))
            continue;
        const qint64 mn = TimeUtil::clampUs(a.int64(0)); // a case's values are bounded before use
        SqliteStatement b = m_db.prepare(maxs[i]);
        b.step();
        const qint64 mx = TimeUtil::clampUs(b.int64(0));
        lo = any ? std::min(lo, mn) : mn;
        hi = any ? std::max(hi, mx) : mx;
        any = true;
    }
    if (!any)
        return {0, 0};
    return {lo, hi + 1};
}

TimelineQuery::Overview TimelineQuery::framed() const
{
    Overview ov;
    const auto [from, to] = extent();
    ov.fromUs = from;
    ov.toUs = to;
    if (from == to)
        return ov;
    const qint64 margin = std::max<qint64>((to - from) / 50, 1000000);
    ov.fromUs = from - margin;
    ov.toUs = to + margin;
    return ov;
}

TimelineQuery::Overview TimelineQuery::overview(const TimelineFilter &filter, int buckets, const CancelToken &cancel) const
{
    Overview ov = framed();
    if (ov.fromUs == ov.toUs)
        return ov;
    TimelineHistogram hist(ov.fromUs, ov.toUs, buckets);
    ov.resolutionUs = std::max<qint64>(1, (ov.toUs - ov.fromUs) / buckets);
    LaneIndex index(hist);

    // The events table: grouped in SQL along the (host_id, source, at_us)
    // index, so SQLite streams the groups without sorting.
    const double width = double(ov.toUs - ov.fromUs) / buckets;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT coalesce(host_id, 0), source, CAST((at_us - ?1) / ?2 AS INTEGER) AS b, count(*) FROM events "
        "WHERE 1 %1 GROUP BY host_id, source, b").arg(filterSql(3)));
    st.bind(1, ov.fromUs).bind(2, width);
    bindFilter(st, 3, filter);
    int n = 0;
    while (st.step()) {
        if ((++n & 1023) == 0 && cancel.isCancelled())
            return {};
        hist.addToBucket(index.of(st.int64(0), st.text(1)), std::clamp(int(st.int64(2)), 0, buckets - 1), quint32(st.int64(3)));
    }
    if (cancel.isCancelled())
        return {};
    addSmallItems(hist, filter, [&](qint64 host, const QString &source) { return index.of(host, source); });
    orderLanes(ov, index.lanes, std::move(hist));
    return ov;
}

TimelineQuery::Overview TimelineQuery::summaryOverview(const TimelineFilter &filter, qint64 widthUs, int maxBuckets,
                                                       const CancelToken &cancel) const
{
    Overview ov = framed();
    if (ov.fromUs == ov.toUs)
        return ov;
    // Buckets aligned on the stored ones: widthUs, or k times it for long cases.
    maxBuckets = std::max(maxBuckets, 1);
    const qint64 k = std::max<qint64>(1, (ov.toUs - ov.fromUs) / widthUs / maxBuckets + 1);
    const qint64 bucketUs = widthUs * k;
    const qint64 histFrom = floorDiv(ov.fromUs, bucketUs) * bucketUs;
    const qint64 histTo = (floorDiv(ov.toUs - 1, bucketUs) + 1) * bucketUs;
    const int buckets = int((histTo - histFrom) / bucketUs);
    TimelineHistogram hist(histFrom, histTo, buckets);
    ov.resolutionUs = bucketUs;
    LaneIndex index(hist);

    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT host_id, source, bucket, n FROM timeline_counts WHERE width_us = ?1 %1")
                                          .arg(laneFilterSql(2)));
    st.bind(1, widthUs);
    bindFilter(st, 2, filter, false);
    int n = 0;
    while (st.step()) {
        if ((++n & 1023) == 0 && cancel.isCancelled())
            return {};
        // A stored bucket is bounded before use (a hostile case may hold any number).
        const qint64 bucket = std::clamp(st.int64(2), TimeUtil::kEarliestUs / widthUs - 1, TimeUtil::kLatestUs / widthUs + 1);
        const qint64 column = std::clamp<qint64>(floorDiv(bucket * widthUs - histFrom, bucketUs), -1, buckets);
        hist.addToBucket(index.of(st.int64(0), st.text(1)), int(column), quint32(std::clamp<qint64>(st.int64(3), 0, 0xffffffff)));
    }
    if (cancel.isCancelled())
        return {};
    addSmallItems(hist, filter, [&](qint64 host, const QString &source) { return index.of(host, source); });
    orderLanes(ov, index.lanes, std::move(hist));
    return ov;
}

void TimelineQuery::addSmallItems(TimelineHistogram &hist, const TimelineFilter &filter,
                                  const std::function<int(qint64, const QString &)> &laneOf) const
{
    SqliteStatement small = m_db.prepare(QStringLiteral("SELECT host_id, source, at_us FROM (%1) WHERE 1 %2")
                                             .arg(smallItemsSql(), filterSql(1)));
    bindFilter(small, 1, filter);
    while (small.step())
        hist.add(laneOf(small.int64(0), small.text(1)), small.int64(2));
}

void TimelineQuery::orderLanes(Overview &ov, QList<TimelineLane> lanes, TimelineHistogram hist) const
{
    // Host names, then order lanes by host name (case-wide first) and source.
    QHash<qint64, QString> names;
    SqliteStatement hs = m_db.prepare(QStringLiteral("SELECT id, name FROM hosts"));
    while (hs.step())
        names.insert(hs.int64(0), hs.text(1));
    for (TimelineLane &l : lanes)
        l.hostName = names.value(l.hostId);
    QVector<int> order(lanes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const TimelineLane &x = lanes[a], &y = lanes[b];
        if ((x.hostId == 0) != (y.hostId == 0))
            return x.hostId == 0;
        if (x.hostName != y.hostName)
            return x.hostName < y.hostName;
        return x.source < y.source;
    });
    for (int i : order)
        ov.lanes.append(lanes[i]);
    hist.reorderLanes(order);
    ov.histogram = std::move(hist);
}

TimelineHistogram TimelineQuery::histogram(const QList<TimelineLane> &lanes, qint64 fromUs, qint64 toUs, int buckets,
                                           const TimelineFilter &filter, const CancelToken &cancel) const
{
    TimelineHistogram hist(fromUs, toUs, buckets, int(lanes.size()));
    const double width = double(hist.toUs() - hist.fromUs()) / buckets;
    // One range scan per lane on the (host_id, source, at_us) index.
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT CAST((at_us - ?1) / ?2 AS INTEGER) AS b, count(*) FROM events "
        "WHERE host_id IS ?3 AND source = ?4 AND at_us >= ?1 AND at_us < ?5 %1 GROUP BY b").arg(filterSql(6)));
    for (int lane = 0; lane < lanes.size(); ++lane) {
        if (cancel.isCancelled())
            return {};
        st.reset();
        st.bind(1, fromUs).bind(2, width).bindIdOrNull(3, lanes[lane].hostId).bind(4, lanes[lane].source).bind(5, toUs);
        bindFilter(st, 6, filter);
        while (st.step())
            hist.addToBucket(lane, std::clamp(int(st.int64(0)), 0, buckets - 1), quint32(st.int64(1)));
    }
    QHash<QString, int> laneIndex;
    for (int i = 0; i < lanes.size(); ++i)
        laneIndex.insert(laneKey(lanes[i].hostId, lanes[i].source), i);
    SqliteStatement small = m_db.prepare(QStringLiteral("SELECT host_id, source, at_us FROM (%1) WHERE at_us >= ?6 AND at_us < ?7 %2")
                                             .arg(smallItemsSql(), filterSql(1)));
    bindFilter(small, 1, filter);
    small.bind(6, fromUs).bind(7, toUs);
    while (small.step()) {
        const int lane = laneIndex.value(laneKey(small.int64(0), small.text(1)), -1);
        if (lane >= 0)
            hist.add(lane, small.int64(2));
    }
    return hist;
}

QList<TimelineItem> TimelineQuery::items(qint64 fromUs, qint64 toUs, const TimelineFilter &filter, int limit) const
{
    const QString sql = QStringLiteral(
        "SELECT %1 FROM ("
        "  SELECT * FROM (SELECT 'event' AS origin, id, coalesce(host_id, 0) AS host_id, at_us, source, kind, summary, "
        "    ref_kind, ref_id FROM events WHERE at_us >= ?6 AND at_us < ?7 %2 ORDER BY at_us, id LIMIT ?8) "
        "  UNION ALL SELECT * FROM (%3) WHERE at_us >= ?6 AND at_us < ?7 %2"
        ") ORDER BY at_us, origin, id LIMIT ?8").arg(QLatin1String(kItemColumns), filterSql(1), smallItemsSql());
    SqliteStatement st = m_db.prepare(sql);
    bindFilter(st, 1, filter);
    st.bind(6, fromUs).bind(7, toUs).bind(8, qint64(limit));
    QList<TimelineItem> out;
    while (st.step())
        out.append(readItem(st));
    return out;
}

QStringList TimelineQuery::sources() const
{
    QStringList out;
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT DISTINCT source FROM events"));
    while (st.step())
        out.append(st.text(0));
    for (const char *s : {"finding", "collection", "note", "marker"})
        if (!out.contains(QLatin1String(s)))
            out.append(QLatin1String(s));
    out.sort();
    return out;
}
