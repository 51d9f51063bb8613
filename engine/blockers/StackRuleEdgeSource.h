#pragma once

#include "EdgeSource.h"

// Task nodes and their waits-for / holds edges, from each task's kernel stack
// and the stack-frame rules (BlockerRuleSet). Also the resources' identity
// where the snapshot tells it: the FUSE or NFS mount (when the host has one
// such mount), the work item a kworker runs (process_one_work's work
// function, matched by subsystem to the flush_work waiters).
class StackRuleEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("stacks"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
