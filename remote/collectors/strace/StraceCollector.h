#pragma once

#include "StraceCaptureOptions.h"
#include "collectors/Collector.h"

// Runs strace on a host for a bounded time and size (StraceCaptureOptions),
// pulls the log into the case verbatim, parses and analyses it like an
// imported strace log. A host without strace or without permission to trace
// gets a clear error; strace's own messages are kept as a 'stderr' artifact.
class StraceCollector : public Collector
{
public:
    explicit StraceCollector(const StraceCaptureOptions &options) : m_options(options) {}
    QString kind() const override { return QStringLiteral("strace"); }
    CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) override;

private:
    StraceCaptureOptions m_options;
};
