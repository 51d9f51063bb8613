#pragma once

#include "Transport.h"

// Routes one command's output to a sink or into a RunResult, enforcing the
// per-stream byte cap (the rest is discarded and flagged). Shared by the local
// and SSH transports.
class OutputAccumulator
{
public:
    OutputAccumulator(RunResult &result, const OutputSink *sink, qint64 maxBytes)
        : m_result(result), m_sink(sink), m_max(maxBytes) {}

    void addStdout(QByteArrayView data);
    void addStderr(QByteArrayView data);

private:
    void add(QByteArrayView data, qint64 &seen, bool &truncated, QByteArray &store,
             const std::function<void(QByteArrayView)> *onData);

    RunResult &m_result;
    const OutputSink *m_sink;
    qint64 m_max;
    qint64 m_stdoutSeen = 0;
    qint64 m_stderrSeen = 0;
};
