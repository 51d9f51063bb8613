#pragma once

#include "BlockerEvidence.h"

// Receives what BlockerEvidenceParser finds, one callback per row, as the
// strace and pcap parsers hand theirs to their sinks.
class BlockerEvidenceSink
{
public:
    virtual ~BlockerEvidenceSink();
    virtual void onLock(const FileLock &lock) = 0;
    virtual void onFdTarget(const FdTarget &fd) = 0;
    virtual void onSched(const TaskSched &sched) = 0;
    virtual void onTaskCgroup(const TaskCgroup &cgroup) = 0;
    virtual void onNfsOp(const NfsOpStats &op) = 0;
    // A line the parser could not read (cut short, garbage); text may be cut.
    virtual void onUnparsed(QByteArrayView what, QByteArrayView text) = 0;
};
