#pragma once

#include "BlockerEvidence.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// Typed reads of the evidence of schema 10, for the waits-for graph and the
// verdicts built on it. Every list is in a stable order (as collected).
class BlockerEvidenceQuery
{
public:
    explicit BlockerEvidenceQuery(SqliteDatabase &db) : m_db(db) {}

    // /proc/locks rows first (holders before their waiters), then fdinfo `lock:` rows.
    QList<FileLock> locks(qint64 snapshotId) const;
    // The /proc/locks rows blocked behind lock lockId ("->" lines).
    QList<FileLock> waitersBehind(qint64 snapshotId, qint64 lockId) const;
    // The fd targets read (all involved processes when pid is 0).
    QList<FdTarget> fdTargets(qint64 snapshotId, qint64 pid = 0) const;
    // Fds whose readlink target is exactly target (e.g. a locked file's path, "/dev/fuse").
    QList<FdTarget> fdsOpenOn(qint64 snapshotId, const QString &target) const;
    // Processes with /dev/fuse open: FUSE servers (the mount they serve is not in the link).
    QList<qint64> fuseServers(qint64 snapshotId) const;
    // Why each process's fds were read; one row per reason.
    QList<InvolvedProcess> involved(qint64 snapshotId) const;

    // Context switches, schedstat and signal masks (every thread when tid is 0).
    QList<TaskSched> sched(qint64 snapshotId, qint64 tid = 0) const;
    struct SchedSample
    {
        qint64 snapshotId = 0;
        int sampleIndex = 0;
        qint64 takenUs = 0;
        TaskSched sched;
    };
    // One thread's counters in every sample of a collection, oldest first:
    // unchanged switch counts over N samples mean stuck, not slow.
    QList<SchedSample> schedHistory(qint64 collectionId, qint64 tid) const;
    // Threads with SIGKILL pending (SigPnd or ShdPnd bit 9).
    QList<TaskSched> killPending(qint64 snapshotId) const;

    // The per-thread cgroups read for processes whose leader is a zombie.
    QList<TaskCgroup> taskCgroups(qint64 snapshotId, qint64 pid = 0) const;
    // NFS per-op counters (every mount when mountPoint is empty).
    QList<NfsOpStats> nfsOps(qint64 snapshotId, const QString &mountPoint = {}) const;

private:
    QList<FileLock> lockQuery(const QString &where, qint64 snapshotId, qint64 arg) const;
    QList<FdTarget> fdQuery(const QString &where, qint64 snapshotId, qint64 pid, const QString &target) const;
    SqliteDatabase &m_db;
};
