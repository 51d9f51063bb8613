#include "BlockerEvidenceStore.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

namespace {
void opt(SqliteStatement &st, int i, qint64 v)
{
    if (v >= 0)
        st.bind(i, v);
    else
        st.bindNull(i);
}
QString nz(const QString &v) { return v.isNull() ? QStringLiteral("") : v; }
}

void BlockerEvidenceStore::save(qint64 sid, const BlockerEvidence &e)
{
    auto lock = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_file_locks(snapshot_id, source, lock_id, is_waiter, kind, type, mode, pid, fd, owner_pid, device,"
        " inode, range_start, range_end, raw, wait_depth) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const FileLock &l : e.locks) {
        lock.bind(1, sid).bind(2, nz(l.source)).bind(3, l.lockId).bind(4, qint64(l.isWaiter ? 1 : 0));
        lock.bind(5, nz(l.kind)).bind(6, nz(l.type)).bind(7, nz(l.mode));
        if (l.pid > 0) lock.bind(8, l.pid); else lock.bindNull(8);
        opt(lock, 9, l.fd);
        opt(lock, 10, l.ownerPid);
        lock.bind(11, nz(l.device));
        opt(lock, 12, l.inode);
        lock.bind(13, l.start);
        opt(lock, 14, l.end);
        lock.bind(15, nz(l.raw)).bind(16, l.waitDepth);
        lock.exec();
    }
    auto fd = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_fd_targets(snapshot_id, pid, tid, fd, target, kind, mnt_id, inode, flags, pos)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (const FdTarget &f : e.fds) {
        fd.bind(1, sid).bind(2, f.pid).bindIdOrNull(3, f.tid).bind(4, f.fd).bind(5, nz(f.target)).bind(6, nz(f.kind));
        opt(fd, 7, f.mntId);
        opt(fd, 8, f.inode);
        if (f.flags.isEmpty()) fd.bindNull(9); else fd.bind(9, f.flags);
        opt(fd, 10, f.pos);
        fd.exec();
    }
    auto inv = m_db.prepare(QStringLiteral("INSERT INTO procfs_involved(snapshot_id, pid, reason) VALUES (?,?,?)"));
    for (const InvolvedProcess &p : e.involved) {
        inv.bind(1, sid).bind(2, p.pid).bind(3, nz(p.reason));
        inv.exec();
    }
    auto sched = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_task_sched(snapshot_id, pid, tid, voluntary, nonvoluntary, run_ns, wait_ns, timeslices, sig_pnd,"
        " shd_pnd, sig_blk) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    for (const TaskSched &s : e.sched) {
        sched.bind(1, sid).bind(2, s.pid).bind(3, s.tid);
        opt(sched, 4, s.voluntary);
        opt(sched, 5, s.nonvoluntary);
        opt(sched, 6, s.runNs);
        opt(sched, 7, s.waitNs);
        opt(sched, 8, s.timeslices);
        sched.bind(9, nz(s.sigPnd)).bind(10, nz(s.shdPnd)).bind(11, nz(s.sigBlk));
        sched.exec();
    }
    auto cg = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_task_cgroups(snapshot_id, pid, tid, hierarchy, controllers, path) VALUES (?,?,?,?,?,?)"));
    for (const TaskCgroup &c : e.taskCgroups) {
        cg.bind(1, sid).bind(2, c.pid).bind(3, c.tid).bind(4, c.hierarchy).bind(5, nz(c.controllers)).bind(6, nz(c.path));
        cg.exec();
    }
    auto nfs = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_nfs_ops(snapshot_id, mount_point, server, export, op, ops, transmissions, timeouts, bytes_sent,"
        " bytes_received, queue_ms, rtt_ms, execute_ms, errors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const NfsOpStats &o : e.nfsOps) {
        nfs.bind(1, sid).bind(2, nz(o.mountPoint)).bind(3, nz(o.server)).bind(4, nz(o.exportPath)).bind(5, nz(o.op)).bind(6, o.ops);
        opt(nfs, 7, o.transmissions);
        opt(nfs, 8, o.timeouts);
        opt(nfs, 9, o.bytesSent);
        opt(nfs, 10, o.bytesReceived);
        opt(nfs, 11, o.queueMs);
        opt(nfs, 12, o.rttMs);
        opt(nfs, 13, o.executeMs);
        opt(nfs, 14, o.errors);
        nfs.exec();
    }
}
