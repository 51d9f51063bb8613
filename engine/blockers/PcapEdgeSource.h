#pragma once

#include "EdgeSource.h"

// The host's packet captures, for every external node with an address (an
// endpoint from strace, an NFS server): packets sent to it, answered by it,
// refused, or none at all ("the hung mount sent zero packets to its server").
// The status and the conversations become the node's status and evidence.
class PcapEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("pcap"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
