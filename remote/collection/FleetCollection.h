#pragma once

#include "CollectionEvent.h"
#include "CollectionTarget.h"
#include "HostCollection.h"
#include "fleet/FleetRunner.h"

#include <QList>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

// The one collection orchestrator: casectl collect and the GUI's Collect
// dialog (through FleetCollectionJob) both run it. It drives a FleetRunner
// (at most `jobs` hosts at once, each with its own transport and worker
// thread) and runs a HostCollection on every connected host. Progress is a
// stream of CollectionEvents: host started, connected (host key), collector
// started / progress / finished / failed, host finished, done. Cancellation:
// cancelAll() or cancelHost(i) at any time, from any thread; what arrived is
// kept and the collections are finished honestly.
class FleetCollection
{
public:
    struct Settings
    {
        QString casePath;
        SshOptions ssh;
        int jobs = FleetRunner::kDefaultJobs;
        CaseFileValidator::Integrity integrity = CaseFileValidator::Integrity::Auto;
        bool captureWindow = true;
    };
    // A fresh set of collectors for one host; called on that host's worker
    // thread, one call at a time. Throwing std::exception fails that host.
    using CollectorSet = std::function<std::vector<std::unique_ptr<Collector>>(const CollectionTarget &target)>;
    // Called on worker threads, one event at a time (serialised here).
    using EventSink = std::function<void(const CollectionEvent &)>;
    // Called on the host's worker thread with its full result (details
    // included), before its HostFinished event; serialised with the events.
    using HostFinished = std::function<void(const FleetHostResult &)>;

    FleetCollection(Settings settings, QList<CollectionTarget> targets);

    // Blocks until every host is done; results in target order. Run once.
    QList<FleetHostResult> run(const CollectorSet &collectors, const EventSink &events, const HostFinished &hostFinished = {});

    void cancelAll();
    void cancelHost(int index);
    const QList<CollectionTarget> &targets() const { return m_targets; }

private:
    Settings m_settings;
    QList<CollectionTarget> m_targets;
    QList<CancelToken> m_hostCancels;
    CancelToken m_cancel;
    std::mutex m_eventMutex;
    std::mutex m_collectorSetMutex;
};
