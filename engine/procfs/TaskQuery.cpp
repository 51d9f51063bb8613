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
    auto st = m_db.prepare(QStringLiteral("SELECT ") + QLatin1String(kColumns)
                           + QStringLiteral(" FROM procfs_tasks t LEFT JOIN procfs_stacks k ON k.id = t.stack_id"
                                            " WHERE (?1 = 0 OR t.snapshot_id = ?1) AND (?2 = '' OR t.state = ?2)"
                                            " AND (?3 = 0 OR t.pid = ?3) AND (?4 = 0 OR t.tid = ?4) AND (?5 = 0 OR t.stack_id = ?5)"
                                            " AND (?6 = '' OR instr(t.comm, ?6) > 0)"
                                            " ORDER BY t.snapshot_id, t.pid, t.tid LIMIT ?7"));
    st.bind(1, m_snapshot).bind(2, m_state.isNull() ? QStringLiteral("") : m_state).bind(3, m_pid).bind(4, m_tid).bind(5, m_stack);
    st.bind(6, m_comm.isNull() ? QStringLiteral("") : m_comm).bind(7, qint64(m_limit));
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
