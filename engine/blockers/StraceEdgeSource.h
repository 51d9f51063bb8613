#pragma once

#include "EdgeSource.h"

// The host's strace evidence: calls that never returned (unfinished, or
// "= ?": the process was killed inside the call). flock(fd</path>,
// LOCK_EX) waits on the file lock of that path (and the completed LOCK_SH
// calls on it are counted, for "only exclusive locks hang"); connect(...,
// htons(P), inet_addr("A")) waits on the endpoint A:P; mount(..., "addr=A")
// waits on the mount, which the NFS server A serves.
class StraceEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("strace"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
