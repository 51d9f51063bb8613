#pragma once

#include "EdgeSource.h"

// /proc/locks as the snapshot read it (schema 10): each lock with waiters
// becomes a file-lock node (device:inode, the holder's path from its fd
// targets), held by its holder and waited for by the "->" lines' tasks.
// Tasks the stacks already had waiting on an unidentified file lock are
// moved to the identified one.
class ProcLocksEdgeSource : public EdgeSource
{
public:
    QString name() const override { return QStringLiteral("proc-locks"); }
    void contribute(BlockerInputs &inputs, WaitsForGraph &graph) const override;
};
