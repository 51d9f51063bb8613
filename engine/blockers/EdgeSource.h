#pragma once

#include <QString>

class WaitsForGraph;
struct BlockerInputs;

// One kind of evidence turned into nodes and edges of the waits-for graph
// (stacks, /proc/locks, kernel log, services, strace, captures...). The
// sources run in catalog order (EdgeSourceCatalog): later ones refine what
// earlier ones added (a holder found in /proc/locks, a server's status).
class EdgeSource
{
public:
    virtual ~EdgeSource() = default;
    virtual QString name() const = 0;
    virtual void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const = 0;
};
