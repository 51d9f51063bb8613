#pragma once

#include "EdgeSource.h"

// The rest of schema 10's evidence: the FUSE server (the process with
// /dev/fuse open) serving the FUSE waiters' node; SIGKILL pending on tasks
// in D; context-switch counts across the collection's samples (unchanged =
// stuck, not slow); the per-thread cgroups of zombie leaders' threads.
class ProcessEvidenceSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("process-evidence"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
