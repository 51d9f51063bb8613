#include "BlockerEvidenceQuery.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

namespace {
qint64 orMinus(const SqliteStatement &st, int c) { return st.isNull(c) ? -1 : st.int64(c); }

TaskSched readSched(const SqliteStatement &st, int c)
{
    TaskSched s;
    s.pid = st.int64(c);
    s.tid = st.int64(c + 1);
    s.voluntary = orMinus(st, c + 2);
    s.nonvoluntary = orMinus(st, c + 3);
    s.runNs = orMinus(st, c + 4);
    s.waitNs = orMinus(st, c + 5);
    s.timeslices = orMinus(st, c + 6);
    s.sigPnd = st.text(c + 7);
    s.shdPnd = st.text(c + 8);
    s.sigBlk = st.text(c + 9);
    return s;
}
const char kSchedColumns[] = "pid, tid, voluntary, nonvoluntary, run_ns, wait_ns, timeslices, sig_pnd, shd_pnd, sig_blk";
}

QList<FileLock> BlockerEvidenceQuery::lockQuery(const QString &where, qint64 snapshotId, qint64 arg) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT source, lock_id, is_waiter, kind, type, mode, pid, fd, owner_pid, device, inode, range_start, range_end, raw,"
        " wait_depth FROM procfs_file_locks WHERE snapshot_id = ?1 ") + where
        + QStringLiteral(" ORDER BY source = 'fdinfo', rowid"));
    st.bind(1, snapshotId);
    if (where.contains(QLatin1String("?2")))
        st.bind(2, arg);
    QList<FileLock> out;
    while (st.step()) {
        FileLock l;
        l.source = st.text(0);
        l.lockId = st.int64(1);
        l.isWaiter = st.int64(2) != 0;
        l.kind = st.text(3);
        l.type = st.text(4);
        l.mode = st.text(5);
        l.pid = orMinus(st, 6);
        l.fd = orMinus(st, 7);
        l.ownerPid = orMinus(st, 8);
        l.device = st.text(9);
        l.inode = orMinus(st, 10);
        l.start = st.int64(11);
        l.end = orMinus(st, 12);
        l.raw = st.text(13);
        l.waitDepth = int(st.int64(14));
        out.append(l);
    }
    return out;
}

QList<FileLock> BlockerEvidenceQuery::locks(qint64 snapshotId) const
{
    return lockQuery(QString(), snapshotId, 0);
}

QList<FileLock> BlockerEvidenceQuery::waitersBehind(qint64 snapshotId, qint64 lockId) const
{
    return lockQuery(QStringLiteral("AND source = 'proc-locks' AND is_waiter = 1 AND lock_id = ?2"), snapshotId, lockId);
}

QList<FdTarget> BlockerEvidenceQuery::fdQuery(const QString &where, qint64 snapshotId, qint64 pid, const QString &arg) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT pid, tid, fd, target, kind, mnt_id, inode, flags, pos FROM procfs_fd_targets WHERE snapshot_id = ?1 ")
        + where + QStringLiteral(" ORDER BY rowid"));
    st.bind(1, snapshotId);
    if (where.contains(QLatin1String("?2")))
        st.bind(2, pid);
    if (where.contains(QLatin1String("?3")))
        st.bind(3, arg.isNull() ? QStringLiteral("") : arg);
    QList<FdTarget> out;
    while (st.step()) {
        FdTarget f;
        f.pid = st.int64(0);
        f.tid = st.int64(1);
        f.fd = st.int64(2);
        f.target = st.text(3);
        f.kind = st.text(4);
        f.mntId = orMinus(st, 5);
        f.inode = orMinus(st, 6);
        f.flags = st.text(7);
        f.pos = orMinus(st, 8);
        out.append(f);
    }
    return out;
}

QList<FdTarget> BlockerEvidenceQuery::fdTargets(qint64 snapshotId, qint64 pid) const
{
    return fdQuery(QStringLiteral("AND (?2 = 0 OR pid = ?2)"), snapshotId, pid, {});
}

QList<FdTarget> BlockerEvidenceQuery::fdsOpenOn(qint64 snapshotId, const QString &target) const
{
    return fdQuery(QStringLiteral("AND target = ?3"), snapshotId, 0, target);
}

QList<qint64> BlockerEvidenceQuery::fuseServers(qint64 snapshotId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT DISTINCT pid FROM procfs_fd_targets WHERE snapshot_id = ? AND kind = 'fuse-device'"
                                          " ORDER BY pid"));
    st.bind(1, snapshotId);
    QList<qint64> out;
    while (st.step())
        out.append(st.int64(0));
    return out;
}

QList<InvolvedProcess> BlockerEvidenceQuery::involved(qint64 snapshotId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT pid, reason FROM procfs_involved WHERE snapshot_id = ? ORDER BY rowid"));
    st.bind(1, snapshotId);
    QList<InvolvedProcess> out;
    while (st.step())
        out.append({st.int64(0), st.text(1)});
    return out;
}

QList<TaskSched> BlockerEvidenceQuery::sched(qint64 snapshotId, qint64 tid) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM procfs_task_sched WHERE snapshot_id = ?1 AND (?2 = 0 OR tid = ?2)"
                                          " ORDER BY rowid").arg(QLatin1String(kSchedColumns)));
    st.bind(1, snapshotId).bind(2, tid);
    QList<TaskSched> out;
    while (st.step())
        out.append(readSched(st, 0));
    return out;
}

QList<BlockerEvidenceQuery::SchedSample> BlockerEvidenceQuery::schedHistory(qint64 collectionId, qint64 tid) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT s.id, s.sample_index, s.taken_us, t.pid, t.tid, t.voluntary, t.nonvoluntary, t.run_ns, t.wait_ns, t.timeslices,"
        " t.sig_pnd, t.shd_pnd, t.sig_blk FROM procfs_task_sched t JOIN procfs_snapshots s ON s.id = t.snapshot_id"
        " WHERE s.collection_id = ? AND t.tid = ? ORDER BY s.taken_us, s.id"));
    st.bind(1, collectionId).bind(2, tid);
    QList<SchedSample> out;
    while (st.step())
        out.append({st.int64(0), int(st.int64(1)), st.int64(2), readSched(st, 3)});
    return out;
}

QList<TaskSched> BlockerEvidenceQuery::killPending(qint64 snapshotId) const
{
    QList<TaskSched> out;
    for (const TaskSched &s : sched(snapshotId))
        if (s.pending(9))
            out.append(s);
    return out;
}

QList<TaskCgroup> BlockerEvidenceQuery::taskCgroups(qint64 snapshotId, qint64 pid) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT pid, tid, hierarchy, controllers, path FROM procfs_task_cgroups"
                                          " WHERE snapshot_id = ?1 AND (?2 = 0 OR pid = ?2) ORDER BY rowid"));
    st.bind(1, snapshotId).bind(2, pid);
    QList<TaskCgroup> out;
    while (st.step())
        out.append({st.int64(0), st.int64(1), int(st.int64(2)), st.text(3), st.text(4)});
    return out;
}

QList<NfsOpStats> BlockerEvidenceQuery::nfsOps(qint64 snapshotId, const QString &mountPoint) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT mount_point, server, export, op, ops, transmissions, timeouts, bytes_sent, bytes_received, queue_ms, rtt_ms,"
        " execute_ms, errors FROM procfs_nfs_ops WHERE snapshot_id = ?1 AND (?2 = '' OR mount_point = ?2) ORDER BY rowid"));
    st.bind(1, snapshotId).bind(2, mountPoint.isNull() ? QStringLiteral("") : mountPoint);
    QList<NfsOpStats> out;
    while (st.step()) {
        NfsOpStats o;
        o.mountPoint = st.text(0);
        o.server = st.text(1);
        o.exportPath = st.text(2);
        o.op = st.text(3);
        o.ops = st.int64(4);
        o.transmissions = orMinus(st, 5);
        o.timeouts = orMinus(st, 6);
        o.bytesSent = orMinus(st, 7);
        o.bytesReceived = orMinus(st, 8);
        o.queueMs = orMinus(st, 9);
        o.rttMs = orMinus(st, 10);
        o.executeMs = orMinus(st, 11);
        o.errors = orMinus(st, 12);
        out.append(o);
    }
    return out;
}
