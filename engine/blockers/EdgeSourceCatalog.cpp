#include "EdgeSourceCatalog.h"

#include "KernelLogEdgeSource.h"
#include "PcapEdgeSource.h"
#include "ProcLocksEdgeSource.h"
#include "ProcessEvidenceSource.h"
#include "ServiceEdgeSource.h"
#include "StackRuleEdgeSource.h"
#include "StraceEdgeSource.h"
#include "ZombieEdgeSource.h"

const std::vector<std::unique_ptr<EdgeSource>> &EdgeSourceCatalog::all()
{
    static const std::vector<std::unique_ptr<EdgeSource>> sources = [] {
        std::vector<std::unique_ptr<EdgeSource>> v;
        v.push_back(std::make_unique<StackRuleEdgeSource>()); // tasks and what their stacks wait on / hold
        v.push_back(std::make_unique<ProcLocksEdgeSource>()); // /proc/locks holders and waiters
        v.push_back(std::make_unique<KernelLogEdgeSource>()); // mutex owners, in-flight work, server status, OOM kills
        v.push_back(std::make_unique<StraceEdgeSource>());    // hung calls: locks, connects, mounts
        v.push_back(std::make_unique<ServiceEdgeSource>());   // rpc-statd for NFSv3 locks
        v.push_back(std::make_unique<PcapEdgeSource>());      // endpoints and servers: silent, refused, answered, no packets
        v.push_back(std::make_unique<ProcessEvidenceSource>()); // FUSE server via /dev/fuse, SIGKILL pending, switch counts
        v.push_back(std::make_unique<ZombieEdgeSource>());    // zombie leaders, their ports and memory cgroup
        return v;
    }();
    return sources;
}
