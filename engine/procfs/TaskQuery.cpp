#include "TaskQuery.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"

namespace {
const char *kColumns =
    "t.id, t.snapshot_id, t.pid, t.tid, t.ppid, t.uid, t.user, t.comm, t.state, t.status_state, t.wchan, t.stack_id,"
    " COALESCE(k.signature, ''), t.stack_status, t.stack_raw, t.cmdline, t.cmdline_status, t.cgroup, t.start_ticks,"
    " t.start_us, t.pidns, t.utime_ticks, t.stime_ticks, t.threads, t.fd_total, t.fd_inotify, t.fd_eventpoll,"
    " t.fd_socket, t.fd_file, t.socket_inodes";

ProcTask readTask(const SqliteStatement &st)
{
    ProcTask t;
    t.id = st.int64(0);
    t.snapshotId = st.int64(1);
    t.pid = st.int64(2);
    t.tid = st.int64(3);
    t.ppid = st.int64(4);
    t.uid = st.isNull(5) ? -1 : st.int64(5);
    t.user = st.text(6);
    t.comm = st.text(7);
    t.state = st.text(8);
    t.statusState = st.text(9);
    t.wchan = st.text(10);
    t.stackId = st.int64(11);
    t.stackSignature = st.text(12);
    t.stackStatus = st.text(13);
    const QString raw = st.text(14);
    t.stackRaw = raw.isEmpty() ? QStringList() : raw.split(QLatin1Char('\n'));
    t.cmdline = st.text(15);
    t.cmdlineStatus = st.text(16);
    t.cgroup = st.text(17);
    t.startTicks = st.isNull(18) ? -1 : st.int64(18);
    t.startUs = st.int64(19);
    t.pidns = st.int64(20);
    t.utimeTicks = st.int64(21);
    t.stimeTicks = st.int64(22);
    t.threads = st.int64(23);
    t.fdTotal = st.isNull(24) ? -1 : int(st.int64(24));
    t.fdInotify = int(st.int64(25));
    t.fdEventpoll = int(st.int64(26));
    t.fdSocket = int(st.int64(27));
    t.fdFile = int(st.int64(28));
    for (const QString &i : st.text(29).split(QLatin1Char(','), Qt::SkipEmptyParts))
        t.socketInodes.append(i.toLongLong());
    return t;
}
}

QList<ProcTask> TaskQuery::run() const
{
    // Only the filters in use appear in the SQL (so SQLite can use the
    // snapshot/state index); values are always bound.
    QStringList where;
    if (m_snapshot) where.append(QStringLiteral("t.snapshot_id = :snapshot"));
    if (!m_state.isEmpty()) where.append(QStringLiteral("t.state = :state"));
    if (m_pid) where.append(QStringLiteral("t.pid = :pid"));
    if (m_tid) where.append(QStringLiteral("t.tid = :tid"));
    if (m_stack) where.append(QStringLiteral("t.stack_id = :stack"));
    if (!m_comm.isEmpty()) where.append(QStringLiteral("instr(t.comm, :comm) > 0"));
    QString sql = QStringLiteral("SELECT ") + QLatin1String(kColumns)
                  + QStringLiteral(" FROM procfs_tasks t LEFT JOIN procfs_stacks k ON k.id = t.stack_id");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY t.snapshot_id, t.pid, t.tid LIMIT :limit");
    auto st = m_db.prepare(sql);
    int i = 1;
    if (m_snapshot) st.bind(i++, m_snapshot);
    if (!m_state.isEmpty()) st.bind(i++, m_state);
    if (m_pid) st.bind(i++, m_pid);
    if (m_tid) st.bind(i++, m_tid);
    if (m_stack) st.bind(i++, m_stack);
    if (!m_comm.isEmpty()) st.bind(i++, m_comm);
    st.bind(i, qint64(m_limit));
    QList<ProcTask> out;
    while (st.step())
        out.append(readTask(st));
    return out;
}

ProcTask TaskQuery::byId(SqliteDatabase &db, qint64 taskId)
{
    auto st = db.prepare(QStringLiteral("SELECT ") + QLatin1String(kColumns)
                         + QStringLiteral(" FROM procfs_tasks t LEFT JOIN procfs_stacks k ON k.id = t.stack_id WHERE t.id = ?"));
    st.bind(1, taskId);
    if (!st.step())
        throw CaseError(QStringLiteral("no task with id %1").arg(taskId));
    return readTask(st);
}
