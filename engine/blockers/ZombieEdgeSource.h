#pragma once

#include "EdgeSource.h"

// Zombie leaders re-parented to init whose threads live on (seed 001): the
// process node holds the listening sockets its threads keep open and waits
// for those threads; the threads' memory cgroup (not the dead leader's "/")
// gets the cgroup's limit, usage and OOM counters from the snapshot, and the
// kernel log's OOM kills in it (KernelLogEdgeSource) link the kill to the zombie.
class ZombieEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("zombies"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
