#pragma once

#include "BlockerEvidenceSink.h"

#include <QHash>
#include <QStringList>

// A sink that keeps every row in a BlockerEvidence (one snapshot sample's
// worth) and the unreadable lines as problems, bounded.
class BlockerEvidenceList : public BlockerEvidenceSink
{
public:
    explicit BlockerEvidenceList(BlockerEvidence &into) : m_into(into) {}

    void onLock(const FileLock &lock) override { m_into.locks.append(lock); }
    void onFdTarget(const FdTarget &fd) override { m_into.fds.append(fd); }
    void onSched(const TaskSched &sched) override { m_into.sched.append(sched); }
    void onTaskCgroup(const TaskCgroup &cgroup) override { m_into.taskCgroups.append(cgroup); }
    void onNfsOp(const NfsOpStats &op) override { m_into.nfsOps.append(op); }
    void onUnparsed(QByteArrayView what, QByteArrayView text) override;

    // "proc-locks: 3 unreadable line(s), first: ..." per kind.
    QStringList problems() const;

private:
    BlockerEvidence &m_into;
    QList<QPair<QByteArray, QByteArray>> m_first; // kind, first line
    QHash<QByteArray, int> m_counts;
};
