#pragma once

#include <QVector>

// Counts of timeline items per lane in equal time buckets over [fromUs, toUs).
class TimelineHistogram
{
public:
    TimelineHistogram() = default;
    TimelineHistogram(qint64 fromUs, qint64 toUs, int buckets, int lanes = 0);

    qint64 fromUs() const { return m_fromUs; }
    qint64 toUs() const { return m_toUs; }
    int buckets() const { return m_buckets; }
    int lanes() const { return int(m_counts.size()); }
    bool isEmpty() const { return m_buckets == 0; }
    int addLane();

    // Bucket of a time, clamped to [-1, buckets] (-1 before, buckets after).
    int bucketOf(qint64 atUs) const;
    qint64 bucketStartUs(int bucket) const;
    void add(int lane, qint64 atUs, quint32 n = 1);
    void addToBucket(int lane, int bucket, quint32 n);
    quint32 count(int lane, int bucket) const { return m_counts[lane][bucket]; }
    quint32 maxCount() const;
    quint64 total() const { return m_total; }
    // Items in [fromUs, toUs) at this histogram's resolution (partial buckets
    // counted in full, so it over-estimates).
    quint64 estimate(qint64 fromUs, qint64 toUs) const;
    // Re-buckets [fromUs, toUs) into `buckets` columns (for a zoomed-out view).
    TimelineHistogram resample(qint64 fromUs, qint64 toUs, int buckets) const;
    // Moves the lanes into a new order: newOrder[i] = old index of lane i.
    void reorderLanes(const QVector<int> &newOrder);

private:
    qint64 m_fromUs = 0;
    qint64 m_toUs = 0;
    int m_buckets = 0;
    quint64 m_total = 0;
    QVector<QVector<quint32>> m_counts; // [lane][bucket]
};
