#include "TimelineHistogram.h"

#include <algorithm>
#include <cmath>

TimelineHistogram::TimelineHistogram(qint64 fromUs, qint64 toUs, int buckets, int lanes)
    : m_fromUs(fromUs), m_toUs(std::max(toUs, fromUs + 1)), m_buckets(std::max(buckets, 1))
{
    for (int i = 0; i < lanes; ++i)
        addLane();
}

int TimelineHistogram::addLane()
{
    m_counts.append(QVector<quint32>(m_buckets, 0));
    return int(m_counts.size()) - 1;
}

int TimelineHistogram::bucketOf(qint64 atUs) const
{
    if (atUs < m_fromUs)
        return -1;
    if (atUs >= m_toUs)
        return m_buckets;
    // In double: spans of years times many buckets would overflow 64 bits.
    const double f = double(atUs - m_fromUs) / double(m_toUs - m_fromUs);
    return std::min(int(f * m_buckets), m_buckets - 1);
}

qint64 TimelineHistogram::bucketStartUs(int bucket) const
{
    if (bucket >= m_buckets)
        return m_toUs;
    return m_fromUs + qint64(double(m_toUs - m_fromUs) * bucket / m_buckets);
}

void TimelineHistogram::add(int lane, qint64 atUs, quint32 n)
{
    addToBucket(lane, bucketOf(atUs), n);
}

void TimelineHistogram::addToBucket(int lane, int bucket, quint32 n)
{
    if (lane < 0 || lane >= lanes() || bucket < 0 || bucket >= m_buckets)
        return;
    m_counts[lane][bucket] += n;
    m_total += n;
}

quint32 TimelineHistogram::maxCount() const
{
    quint32 m = 0;
    for (const auto &lane : m_counts)
        for (quint32 c : lane)
            m = std::max(m, c);
    return m;
}

quint64 TimelineHistogram::estimate(qint64 fromUs, qint64 toUs) const
{
    if (isEmpty() || toUs <= m_fromUs || fromUs >= m_toUs)
        return 0;
    const int b0 = std::clamp(bucketOf(fromUs), 0, m_buckets - 1);
    const int b1 = std::clamp(bucketOf(toUs - 1), 0, m_buckets - 1);
    quint64 sum = 0;
    for (const auto &lane : m_counts)
        for (int b = b0; b <= b1; ++b)
            sum += lane[b];
    return sum;
}

TimelineHistogram TimelineHistogram::resample(qint64 fromUs, qint64 toUs, int buckets) const
{
    TimelineHistogram out(fromUs, toUs, buckets, lanes());
    if (isEmpty() || toUs <= m_fromUs || fromUs >= m_toUs)
        return out;
    const int b0 = std::clamp(bucketOf(fromUs), 0, m_buckets - 1);
    const int b1 = std::clamp(bucketOf(toUs - 1), 0, m_buckets - 1);
    for (int b = b0; b <= b1; ++b) {
        const qint64 s0 = bucketStartUs(b), s1 = std::max(bucketStartUs(b + 1), s0 + 1);
        const int t0 = out.bucketOf(std::clamp(s0, out.fromUs(), out.toUs() - 1));
        const int t1 = out.bucketOf(std::clamp(s1 - 1, out.fromUs(), out.toUs() - 1));
        if (t0 == t1) {
            // A source bucket within one column (zoomed out): lands there whole.
            for (int lane = 0; lane < lanes(); ++lane)
                if (const quint32 c = m_counts[lane][b])
                    out.addToBucket(lane, t0, c);
            continue;
        }
        // A source bucket wider than a column (a coarse histogram zoomed in):
        // spread over the columns it covers, in proportion to the overlap, so
        // it draws as a flat bar rather than a spike. Parts outside the range
        // are not shown.
        for (int lane = 0; lane < lanes(); ++lane) {
            const quint32 c = m_counts[lane][b];
            if (!c)
                continue;
            auto upTo = [&](qint64 at) { return quint64(std::llround(double(at - s0) / double(s1 - s0) * c)); };
            quint64 given = upTo(std::max(s0, out.fromUs()));
            for (int t = t0; t <= t1; ++t) {
                const quint64 next = upTo(std::min(s1, out.bucketStartUs(t + 1)));
                if (next > given)
                    out.addToBucket(lane, t, quint32(next - given));
                given = std::max(given, next);
            }
        }
    }
    return out;
}

void TimelineHistogram::reorderLanes(const QVector<int> &newOrder)
{
    QVector<QVector<quint32>> moved;
    moved.reserve(newOrder.size());
    for (int old : newOrder)
        moved.append(m_counts.value(old, QVector<quint32>(m_buckets, 0)));
    m_counts = std::move(moved);
}
