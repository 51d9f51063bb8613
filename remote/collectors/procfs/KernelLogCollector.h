#pragma once

#include "collectors/Collector.h"

// Reads the host's kernel log (dmesg, else journalctl -k) with the clock
// needed to turn its timestamps into wall-clock time, stores it verbatim,
// then its lines and recognised events.
class KernelLogCollector : public Collector
{
public:
    explicit KernelLogCollector(int stepTimeoutS = 30) : m_stepTimeoutS(stepTimeoutS) {}
    QString kind() const override { return QStringLiteral("kernel-log"); }
    CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) override;
    QString command() const;

private:
    int m_stepTimeoutS;
};
