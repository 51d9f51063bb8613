#pragma once

#include "EdgeSource.h"

// NFSv3 locking needs rpc.statd on the client: when the graph has an NFS lock
// manager (lockd), the host's rpc-statd state (procfs_services), whether the
// status program (100024) is registered (rpcinfo -p of the snapshot) and the
// NFS mounts' versions are attached to it, and an inactive rpc-statd becomes
// a service node the lock manager waits for.
class ServiceEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("services"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
