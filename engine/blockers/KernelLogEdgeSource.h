#pragma once

#include "EdgeSource.h"

// From the host's kernel log: hung-task "blocked on a mutex likely owned by
// task NAME:PID" (a holds edge from the owner), workqueue dumps' "in-flight:
// PID:fn" (the kworker serving a work item), "lockd/nfs: server X not
// responding" (the server's status, counted) and OOM kills (linked to the
// memory cgroup they happened in).
class KernelLogEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("kernel-log"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
