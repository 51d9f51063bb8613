#include "SnapshotStore.h"

#include "BlockerEvidenceStore.h"
#include "StackFrames.h"
#include "casefile/EventStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"

#include <QHash>

qint64 SnapshotStore::ensureStack(const QStringList &frames, const QString &signature)
{
    auto find = m_db.prepare(QStringLiteral("SELECT id FROM procfs_stacks WHERE signature = ?"));
    find.bind(1, signature);
    if (find.step())
        return find.int64(0);
    auto ins = m_db.prepare(QStringLiteral("INSERT INTO procfs_stacks(signature, frames, frame_count) VALUES (?, ?, ?)"));
    ins.bind(1, signature).bind(2, frames.join(QLatin1Char('\n')) + QStringLiteral("")).bind(3, qint64(frames.size()));
    ins.exec();
    return m_db.lastInsertRowId();
}

qint64 SnapshotStore::save(const ProcfsSample &s, qint64 collectionId, qint64 hostId, qint64 artifactId)
{
    SqliteTransaction tx(m_db);
    auto snap = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_snapshots(collection_id, host_id, artifact_id, sample_index, taken_us, uptime_s, boot_time_us,"
        " load1, load5, load15, procs_running, procs_blocked, kernel, hostname, rpcinfo, problems)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    snap.bindIdOrNull(1, collectionId).bindIdOrNull(2, hostId).bindIdOrNull(3, artifactId).bind(4, s.index);
    snap.bind(5, s.takenUs);
    if (s.uptimeS >= 0) snap.bind(6, s.uptimeS); else snap.bindNull(6);
    snap.bindIdOrNull(7, s.bootTimeUs);
    if (s.load1 >= 0) snap.bind(8, s.load1).bind(9, s.load5).bind(10, s.load15);
    else snap.bindNull(8).bindNull(9).bindNull(10);
    if (s.procsRunning >= 0) snap.bind(11, s.procsRunning); else snap.bindNull(11);
    if (s.procsBlocked >= 0) snap.bind(12, s.procsBlocked); else snap.bindNull(12);
    snap.bind(13, s.kernel.isNull() ? QStringLiteral("") : s.kernel);
    snap.bind(14, s.hostname.isNull() ? QStringLiteral("") : s.hostname);
    snap.bind(15, s.rpcinfo.isNull() ? QStringLiteral("") : s.rpcinfo);
    snap.bind(16, s.problems.join(QLatin1Char('\n')) + QStringLiteral(""));
    snap.exec();
    const qint64 sid = m_db.lastInsertRowId();

    auto nz = [](const QString &v) { return v.isNull() ? QStringLiteral("") : v; };
    QHash<QString, qint64> stackIds;
    auto task = m_db.prepare(QStringLiteral(
        "INSERT INTO procfs_tasks(snapshot_id, pid, tid, ppid, uid, user, comm, state, status_state, wchan, stack_id,"
        " stack_status, stack_raw, cmdline, cmdline_status, cgroup, start_ticks, start_us, pidns, utime_ticks, stime_ticks,"
        " threads, fd_total, fd_inotify, fd_eventpoll, fd_socket, fd_file, socket_inodes)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const ProcTask &t : s.tasks) {
        qint64 stackId = 0;
        if (!t.stackSignature.isEmpty()) {
            auto it = stackIds.constFind(t.stackSignature);
            if (it == stackIds.cend())
                it = stackIds.insert(t.stackSignature, ensureStack(StackFrames::normalizeAll(t.stackRaw), t.stackSignature));
            stackId = *it;
        }
        QStringList inodes;
        for (qint64 i : t.socketInodes)
            inodes.append(QString::number(i));
        task.bind(1, sid).bind(2, t.pid).bind(3, t.tid).bind(4, t.ppid);
        if (t.uid >= 0) task.bind(5, t.uid); else task.bindNull(5);
        task.bind(6, nz(t.user)).bind(7, nz(t.comm)).bind(8, nz(t.state)).bind(9, nz(t.statusState)).bind(10, nz(t.wchan));
        task.bindIdOrNull(11, stackId).bind(12, nz(t.stackStatus)).bind(13, t.stackRaw.join(QLatin1Char('\n')) + QStringLiteral(""));
        task.bind(14, nz(t.cmdline)).bind(15, nz(t.cmdlineStatus)).bind(16, nz(t.cgroup));
        if (t.startTicks >= 0) task.bind(17, t.startTicks); else task.bindNull(17);
        task.bindIdOrNull(18, t.startUs).bindIdOrNull(19, t.pidns).bind(20, t.utimeTicks).bind(21, t.stimeTicks).bind(22, t.threads);
        if (t.fdTotal >= 0)
            task.bind(23, t.fdTotal).bind(24, t.fdInotify).bind(25, t.fdEventpoll).bind(26, t.fdSocket).bind(27, t.fdFile);
        else
            task.bindNull(23).bindNull(24).bindNull(25).bindNull(26).bindNull(27);
        task.bind(28, inodes.join(QLatin1Char(',')) + QStringLiteral(""));
        task.exec();
    }
    auto val = m_db.prepare(QStringLiteral("INSERT INTO procfs_host_values(snapshot_id, section, key, value, number) VALUES (?,?,?,?,?)"));
    for (const HostValue &v : s.values) {
        val.bind(1, sid).bind(2, v.section).bind(3, v.key).bind(4, nz(v.value));
        if (v.hasNumber) val.bind(5, v.number); else val.bindNull(5);
        val.exec();
    }
    auto cg = m_db.prepare(QStringLiteral("INSERT INTO procfs_cgroups(snapshot_id, path, version, memory_limit, memory_usage,"
                                          " memory_peak, oom_events, oom_kills, under_oom) VALUES (?,?,?,?,?,?,?,?,?)"));
    auto opt = [](SqliteStatement &st, int i, qint64 v) { if (v >= 0) st.bind(i, v); else st.bindNull(i); };
    for (const CgroupMemory &c : s.cgroups) {
        cg.bind(1, sid).bind(2, c.path).bind(3, c.version);
        opt(cg, 4, c.limit); opt(cg, 5, c.usage); opt(cg, 6, c.peak); opt(cg, 7, c.oomEvents); opt(cg, 8, c.oomKills); opt(cg, 9, c.underOom);
        cg.exec();
    }
    auto mnt = m_db.prepare(QStringLiteral("INSERT INTO procfs_mounts(snapshot_id, mount_id, parent_id, device, root, mount_point,"
                                           " options, fstype, source, super_options) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (const MountEntry &m : s.mounts) {
        mnt.bind(1, sid).bind(2, m.mountId).bind(3, m.parentId).bind(4, nz(m.device)).bind(5, nz(m.root)).bind(6, nz(m.mountPoint));
        mnt.bind(7, nz(m.options)).bind(8, nz(m.fstype)).bind(9, nz(m.source)).bind(10, nz(m.superOptions));
        mnt.exec();
    }
    auto nfs = m_db.prepare(QStringLiteral("INSERT INTO procfs_nfs_mounts(snapshot_id, device, mount_point, fstype, options, age_s,"
                                           " ops, timeouts, summary) VALUES (?,?,?,?,?,?,?,?,?)"));
    for (const NfsMountStats &n : s.nfsMounts) {
        nfs.bind(1, sid).bind(2, nz(n.device)).bind(3, nz(n.mountPoint)).bind(4, nz(n.fstype)).bind(5, nz(n.options));
        opt(nfs, 6, n.ageS);
        nfs.bind(7, n.ops).bind(8, n.timeouts).bind(9, n.summaryJson.isEmpty() ? QStringLiteral("{}") : n.summaryJson);
        nfs.exec();
    }
    auto sock = m_db.prepare(QStringLiteral("INSERT INTO procfs_sockets(snapshot_id, proto, local_address, local_port, state, uid, inode)"
                                            " VALUES (?,?,?,?,?,?,?)"));
    for (const ListeningSocket &k : s.sockets) {
        sock.bind(1, sid).bind(2, k.proto).bind(3, k.localAddress).bind(4, k.localPort).bind(5, k.state);
        opt(sock, 6, k.uid);
        sock.bind(7, k.inode);
        sock.exec();
    }
    auto svc = m_db.prepare(QStringLiteral("INSERT INTO procfs_services(snapshot_id, name, state) VALUES (?,?,?)"));
    for (const ServiceState &v : s.services) {
        svc.bind(1, sid).bind(2, v.name).bind(3, v.state);
        svc.exec();
    }
    BlockerEvidenceStore(m_db).save(sid, s.evidence);
    addTimelineEvent(s, sid, collectionId, hostId);
    tx.commit();
    return sid;
}

void SnapshotStore::addTimelineEvent(const ProcfsSample &s, qint64 snapshotId, qint64 collectionId, qint64 hostId)
{
    // Each snapshot is a point on the timeline with its D and zombie counts:
    // the rise and fall of D tasks across samples is the shape of a hang.
    qint64 inD = 0, zombies = 0;
    for (const ProcTask &t : s.tasks) {
        if (t.state == QLatin1String("Z") || t.isZombieInDisguise())
            ++zombies;
        else if (t.isReallyD())
            ++inD;
    }
    TimelineEvent e;
    e.hostId = hostId;
    e.collectionId = collectionId;
    e.atUs = s.takenUs;
    e.kind = inD > 0 ? QStringLiteral("snapshot-d-state") : QStringLiteral("snapshot");
    e.source = QStringLiteral("procfs");
    e.summary = QStringLiteral("snapshot %1: %2 tasks, %3 in D, %4 zombie(s)").arg(s.index).arg(s.tasks.size()).arg(inD).arg(zombies);
    if (s.load1 >= 0)
        e.summary += QStringLiteral(", load %1").arg(s.load1, 0, 'f', 2);
    e.detail = s.problems.isEmpty() ? QString() : s.problems.join(QLatin1Char('\n'));
    e.refKind = QStringLiteral("snapshot");
    e.refId = snapshotId;
    EventStore(m_db).add(e);
}

QList<SnapshotInfo> SnapshotStore::query(const QString &where, qint64 arg) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT s.id, s.collection_id, s.host_id, COALESCE(h.name, ''), s.artifact_id, s.sample_index, s.taken_us, s.uptime_s,"
        " s.boot_time_us, s.load1, s.load5, s.load15, s.procs_running, s.procs_blocked, s.kernel, s.hostname, s.problems,"
        " (SELECT COUNT(*) FROM procfs_tasks t WHERE t.snapshot_id = s.id)"
        " FROM procfs_snapshots s LEFT JOIN hosts h ON h.id = s.host_id ") + where
        + QStringLiteral(" ORDER BY s.taken_us, s.id"));
    if (where.contains(QLatin1Char('?')))
        st.bind(1, arg);
    QList<SnapshotInfo> out;
    while (st.step()) {
        SnapshotInfo i;
        i.id = st.int64(0);
        i.collectionId = st.int64(1);
        i.hostId = st.int64(2);
        i.hostName = st.text(3);
        i.artifactId = st.int64(4);
        i.sampleIndex = int(st.int64(5));
        i.takenUs = st.int64(6);
        i.uptimeS = st.isNull(7) ? -1 : st.real(7);
        i.bootTimeUs = st.int64(8);
        i.load1 = st.isNull(9) ? -1 : st.real(9);
        i.load5 = st.isNull(10) ? -1 : st.real(10);
        i.load15 = st.isNull(11) ? -1 : st.real(11);
        i.procsRunning = st.isNull(12) ? -1 : st.int64(12);
        i.procsBlocked = st.isNull(13) ? -1 : st.int64(13);
        i.kernel = st.text(14);
        i.hostname = st.text(15);
        const QString p = st.text(16);
        i.problems = p.isEmpty() ? QStringList() : p.split(QLatin1Char('\n'));
        i.taskCount = st.int64(17);
        out.append(i);
    }
    return out;
}

std::optional<SnapshotInfo> SnapshotStore::byId(qint64 id) const
{
    const auto l = query(QStringLiteral("WHERE s.id = ?"), id);
    return l.isEmpty() ? std::nullopt : std::optional<SnapshotInfo>(l.first());
}

QString SnapshotStore::changeStamp() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM procfs_snapshots"));
    st.step();
    return QStringLiteral("%1:%2").arg(st.int64(0)).arg(st.int64(1));
}

QList<SnapshotInfo> SnapshotStore::list(qint64 hostId) const
{
    return hostId ? query(QStringLiteral("WHERE s.host_id = ?"), hostId) : query(QString(), 0);
}

QList<SnapshotInfo> SnapshotStore::forCollection(qint64 collectionId) const
{
    return query(QStringLiteral("WHERE s.collection_id = ?"), collectionId);
}

std::optional<SnapshotInfo> SnapshotStore::latest(qint64 hostId) const
{
    const auto l = list(hostId);
    return l.isEmpty() ? std::nullopt : std::optional<SnapshotInfo>(l.last());
}

SnapshotInfo SnapshotStore::resolve(qint64 id) const
{
    const auto s = id ? byId(id) : latest();
    if (!s)
        throw CaseError(id ? QStringLiteral("no snapshot with id %1").arg(id) : QStringLiteral("the case holds no procfs snapshot"));
    return *s;
}

QStringList SnapshotStore::stackFrames(qint64 stackId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT frames FROM procfs_stacks WHERE id = ?"));
    st.bind(1, stackId);
    if (!st.step())
        return {};
    const QString f = st.text(0);
    return f.isEmpty() ? QStringList() : f.split(QLatin1Char('\n'));
}

qint64 SnapshotStore::stackIdForSignature(const QString &signature) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT id FROM procfs_stacks WHERE signature = ?"));
    st.bind(1, signature);
    return st.step() ? st.int64(0) : 0;
}

QList<ListeningSocket> SnapshotStore::sockets(qint64 snapshotId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT proto, local_address, local_port, state, uid, inode FROM procfs_sockets WHERE snapshot_id = ?"));
    st.bind(1, snapshotId);
    QList<ListeningSocket> out;
    while (st.step())
        out.append({st.text(0), st.text(1), int(st.int64(2)), st.text(3), st.isNull(4) ? -1 : st.int64(4), st.int64(5)});
    return out;
}

QList<CgroupMemory> SnapshotStore::cgroups(qint64 snapshotId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT path, version, memory_limit, memory_usage, memory_peak, oom_events, oom_kills, under_oom"
                                          " FROM procfs_cgroups WHERE snapshot_id = ?"));
    st.bind(1, snapshotId);
    QList<CgroupMemory> out;
    auto n = [&](int c) { return st.isNull(c) ? qint64(-1) : st.int64(c); };
    while (st.step())
        out.append({st.text(0), int(st.int64(1)), n(2), n(3), n(4), n(5), n(6), n(7)});
    return out;
}

QList<ServiceState> SnapshotStore::services(qint64 snapshotId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT name, state FROM procfs_services WHERE snapshot_id = ?"));
    st.bind(1, snapshotId);
    QList<ServiceState> out;
    while (st.step())
        out.append({st.text(0), st.text(1)});
    return out;
}

QList<HostValue> SnapshotStore::values(qint64 snapshotId, const QString &section) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT section, key, value, number FROM procfs_host_values WHERE snapshot_id = ?1"
                                          " AND (?2 = '' OR section = ?2)"));
    st.bind(1, snapshotId).bind(2, section.isNull() ? QStringLiteral("") : section);
    QList<HostValue> out;
    while (st.step())
        out.append({st.text(0), st.text(1), st.text(2), st.isNull(3) ? 0 : st.real(3), !st.isNull(3)});
    return out;
}
