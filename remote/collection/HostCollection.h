#pragma once

#include "CollectionTarget.h"
#include "casefile/CaseFileValidator.h"
#include "collectors/Collector.h"
#include "fleet/FleetHostResult.h"

#include <memory>
#include <vector>

class HostEventEmitter;

// Everything collected from one connected host in one run, the same for
// casectl collect and the Collect dialog:
// - the host's record is written once: name, resolved address, port, login
//   user, host-key type and fingerprint (collections carry them too);
// - the collectors that watch the same moment run together in one capture
//   window (CaptureWindow), the others (file pulls) after it, one by one;
// - every collector's start, end and result is reported as events and in
//   result.details ("host_id", "collectors": [CollectorOutcome::toJson()]);
// - result.status becomes Failed when a collector failed (error: each one's
//   message), Cancelled when cancelled; evidence already committed is kept.
class HostCollection
{
public:
    struct Settings
    {
        QString casePath;
        CaseFileValidator::Integrity integrity = CaseFileValidator::Integrity::Auto; // of this host's first open
        bool captureWindow = true; // false: every collector in turn (the order given)
    };

    HostCollection(Settings settings, CollectionTarget target, std::vector<std::unique_ptr<Collector>> collectors);
    ~HostCollection();

    void run(Transport &transport, FleetHostResult &result, HostEventEmitter &events, const CancelToken &cancel);

private:
    Settings m_settings;
    CollectionTarget m_target;
    std::vector<std::unique_ptr<Collector>> m_collectors;
};
