#pragma once

#include "ConnectGate.h"
#include "FleetHostResult.h"
#include "transport/SshOptions.h"

#include <QStringList>
#include <functional>

// Runs the same job on many hosts with bounded concurrency. Each host gets its
// own worker thread (at most `jobs` at once) with its own transport, set up
// at most kMaxConnecting at a time (ConnectGate); a host's
// failure, exception or hang (bounded by the transport's time limits) never
// affects another's result. Blocks the calling thread until every host is
// done: GUIs use FleetJob, which runs this on a thread of its own.
class FleetRunner
{
public:
    static constexpr int kDefaultJobs = 16;
    // Connections being set up at once (ConnectGate), whatever the job count.
    static constexpr int kMaxConnecting = 16;

    // What the job does on a connected host. It reports progress through
    // `progress` (throttled by the runner), fills result.details and sets
    // result.status/error (they start as Ok/empty).
    using Progress = std::function<void(const QString &message, int percent)>;
    using Job = std::function<void(Transport &transport, FleetHostResult &result, const Progress &progress,
                                   const CancelToken &cancel)>;

    // All called on worker threads; the receiver synchronises.
    struct Callbacks
    {
        std::function<void(int index, const QString &host)> hostStarted;
        std::function<void(int index, const QString &host, const QString &message, int percent)> hostProgress;
        std::function<void(const FleetHostResult &result)> hostFinished;
    };

    FleetRunner(SshOptions options, int jobs = kDefaultJobs);

    // Results in host-list order. With hostCancels (one per host), host i
    // connects and runs with hostCancels[i] instead of cancel; cancel still
    // stops hosts that have not started.
    QList<FleetHostResult> run(const QStringList &hosts, const Job &job, const Callbacks &callbacks,
                               const CancelToken &cancel, const QList<CancelToken> &hostCancels = {});

private:
    FleetHostResult runHost(int index, const QString &host, const Job &job, const Callbacks &callbacks,
                            const CancelToken &fleetCancel, const CancelToken &cancel, ConnectGate &gate) const;

    SshOptions m_options;
    int m_jobs;
};
