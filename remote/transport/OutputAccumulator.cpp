#include "OutputAccumulator.h"

void OutputAccumulator::addStdout(QByteArrayView data)
{
    add(data, m_stdoutSeen, m_result.stdoutTruncated, m_result.stdoutData, m_sink ? &m_sink->onStdout : nullptr);
}

void OutputAccumulator::addStderr(QByteArrayView data)
{
    add(data, m_stderrSeen, m_result.stderrTruncated, m_result.stderrData, m_sink ? &m_sink->onStderr : nullptr);
}

void OutputAccumulator::add(QByteArrayView data, qint64 &seen, bool &truncated, QByteArray &store,
                            const std::function<void(QByteArrayView)> *onData)
{
    if (data.isEmpty())
        return;
    qint64 keep = data.size();
    if (m_max > 0) {
        const qint64 room = qMax<qint64>(0, m_max - seen);
        if (keep > room) {
            keep = room;
            truncated = true;
        }
    }
    seen += data.size();
    if (keep <= 0)
        return;
    const QByteArrayView kept = data.first(keep);
    if (onData && *onData)
        (*onData)(kept);
    else
        store.append(kept);
}
