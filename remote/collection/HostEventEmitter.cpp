#include "HostEventEmitter.h"

#include "util/TimeUtil.h"

namespace {
constexpr qint64 kProgressIntervalUs = 200 * 1000;
}

HostEventEmitter::HostEventEmitter(int hostIndex, QString host, Sink sink)
    : m_index(hostIndex), m_host(std::move(host)), m_sink(std::move(sink))
{
}

void HostEventEmitter::emitEvent(CollectionEvent::Kind kind, const QString &collector, const QString &message, int percent)
{
    if (!m_sink)
        return;
    CollectionEvent e;
    e.kind = kind;
    e.hostIndex = m_index;
    e.host = m_host;
    e.collector = collector;
    e.message = message;
    e.percent = percent;
    e.timeUs = TimeUtil::nowUs();
    std::lock_guard lock(m_mutex);
    m_sink(e);
}

void HostEventEmitter::progress(const QString &collector, const QString &message, int percent)
{
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = TimeUtil::nowUs();
        auto it = m_lastProgressUs.find(collector);
        if (it != m_lastProgressUs.end() && now - *it < kProgressIntervalUs && percent != 100)
            return;
        m_lastProgressUs.insert(collector, now);
    }
    emitEvent(CollectionEvent::Kind::CollectorProgress, collector, message, percent);
}
