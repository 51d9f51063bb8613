#pragma once

#include "collectors/Collector.h"

#include <QString>

// Runs tcpdump on a host (tcpdump -i IFACE -w - -U -s 0 [FILTER]) for a
// bounded time and size, streams the pcap from its stdout straight into the
// case (raw artifact, hashed) and through the streaming summarizer as it
// arrives, then stores the summary and findings. Missing tcpdump, a missing
// interface or no permission to capture give a clear error.
class TcpdumpCollector : public Collector
{
public:
    struct Options
    {
        QString interface;
        QString filter;               // BPF expression, passed as one argument
        int durationSeconds = 10;
        qint64 maxBytes = 256LL << 20;
    };

    explicit TcpdumpCollector(const Options &options) : m_options(options) {}
    QString kind() const override { return QStringLiteral("tcpdump"); }
    CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) override;

    // The shell script run on the host (exposed for tests and the audit trail).
    QString script() const;

private:
    Options m_options;
};
