#pragma once

#include "BlockerChain.h"
#include "casefile/FindingStore.h"

#include <QList>

class WaitsForGraph;
struct BlockerInputs;

// The conclusions drawn from a waits-for graph, each a finding whose detail
// carries the chain as evidence links:
//   blocker-root-cause      ranked candidates (rank 1 = the top chain)
//   blocker-cycle           tasks and resources waiting on each other
//   blocker-stuck           "stuck, not slow": nothing changed over N samples
//   blocker-kill-pending    SIGKILL pending, undeliverable while in D
//   blocker-exclusive-only  only exclusive locks hang (strace + /proc/locks)
//   blocker-nfs-lock-stack  lockd not responding, rpc-statd, status (100024)
//   blocker-no-packets      a hung mount/connection sent 0 packets to its server
//   blocker-zombie-oom      a zombie holding its port, linked to its OOM kill
class BlockerVerdicts
{
public:
    struct Candidate
    {
        int node = -1;
        int rank = 0;
        int blocked = 0;
        QStringList reasons;   // why it is a root-cause candidate
        QString tieNote;       // why it ranks where it does among equals
        BlockerChain chain;
    };

    // Root-cause candidates, best first.
    static QList<Candidate> rank(const WaitsForGraph &graph);
    // Every verdict as a finding (host, collection and time filled from inputs).
    static QList<Finding> findings(const WaitsForGraph &graph, const BlockerInputs &inputs);
    static QStringList kinds();
};
