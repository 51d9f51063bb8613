#pragma once

#include "Transport.h"

// This machine, no SSH: commands run as `sh -c` child processes in their own
// process group (killed as a group on timeout or cancel); files are read
// directly. Blocking calls, meant for a worker thread, as every Transport.
class LocalTransport : public Transport
{
public:
    QString hostSpec() const override { return QStringLiteral("local"); }
    void connect(const CancelToken &) override {}
    HostEndpoint endpoint() const override; // this process's account
    RunResult run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel) override;
    PullResult pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel) override;
};
