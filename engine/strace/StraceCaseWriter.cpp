#include "StraceCaseWriter.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"
#include "util/SaturatingMath.h"

#include <sqlite3.h>

#include <algorithm>

namespace {

void bindView(sqlite3_stmt *st, int i, QByteArrayView v)
{
    if (v.data())
        sqlite3_bind_text64(st, i, v.data(), sqlite3_uint64(v.size()), SQLITE_STATIC, SQLITE_UTF8);
    else
        sqlite3_bind_null(st, i);
}

bool isForkLike(QByteArrayView n)
{
    return n == "clone" || n == "clone3" || n == "fork" || n == "vfork";
}

}

StraceCaseWriter::StraceCaseWriter(SqliteDatabase &db, qint64 collectionId, qint64 hostId)
    : m_db(db), m_collectionId(collectionId), m_hostId(hostId)
{
    static const char sql[] =
        "INSERT INTO strace_calls(trace_id, line, pid, time_us, kind, syscall, args, ret, ret_text, errno, "
        "duration_us, unfinished, fd, fd_path, fd_inferred) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)";
    if (sqlite3_prepare_v3(m_db.handle(), sql, int(sizeof sql - 1), SQLITE_PREPARE_PERSISTENT, &m_insertCall, nullptr) != SQLITE_OK)
        throw CaseError(QStringLiteral("SQL error: %1").arg(m_db.errorMessage()));
    // A bigger page cache keeps a batch's pages in memory until its commit.
    m_savedCacheSize = m_db.queryInt(QStringLiteral("PRAGMA cache_size"), -2000);
    m_db.exec(QStringLiteral("PRAGMA cache_size=%1").arg(-kCacheKiB));
    begin();
}

StraceCaseWriter::~StraceCaseWriter()
{
    sqlite3_finalize(m_insertCall);
    try {
        commit(); // keep the evidence stored so far
        m_db.exec(QStringLiteral("PRAGMA cache_size=%1").arg(m_savedCacheSize));
    } catch (...) {
    }
}

void StraceCaseWriter::begin()
{
    if (!m_db.inTransaction())
        m_tx = std::make_unique<SqliteTransaction>(m_db);
    m_rowsInBatch = 0;
    m_batchTimer.start();
}

void StraceCaseWriter::commit()
{
    if (m_tx) {
        m_tx->commit();
        m_tx.reset();
    }
}

void StraceCaseWriter::maybeCommit()
{
    if (m_rowsInBatch >= kBatchRows || m_batchTimer.elapsed() >= kBatchMs) {
        commit();
        begin();
    }
}

qint64 StraceCaseWriter::beginTrace(const QString &name, qint64 filePid, qint64 artifactId)
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO strace_traces(collection_id, host_id, artifact_id, name, file_pid) VALUES (?,?,?,?,?)"));
    st.bindIdOrNull(1, m_collectionId).bindIdOrNull(2, m_hostId).bindIdOrNull(3, artifactId).bind(4, name);
    if (filePid > 0)
        st.bind(5, filePid);
    else
        st.bindNull(5);
    st.exec();
    m_traceId = m_db.lastInsertRowId();
    m_traceCalls = m_traceUnfinished = m_firstCallId = m_lastCallId = 0;
    m_slowest.clear();
    return m_traceId;
}

void StraceCaseWriter::account(const StraceCall &c, qint64 id)
{
    const QByteArray raw = QByteArray::fromRawData(c.name.data(), c.name.size());
    auto it = m_syscallIds.constFind(raw);
    int sid;
    if (it == m_syscallIds.cend()) {
        if (m_syscallNames.size() >= 65535)
            return; // not a real strace log; the rows are still stored
        sid = int(m_syscallNames.size());
        m_syscallNames.append(c.name.toByteArray());
        m_syscallIds.insert(m_syscallNames.last(), sid);
    } else {
        sid = *it;
    }
    Stat &st = m_stats[(quint64(c.pid) << 16) | quint64(sid)];
    ++st.calls;
    if (!c.errnoName.isEmpty())
        ++st.errors;
    if (c.durationUs >= 0) {
        st.totalUs = SaturatingMath::add(st.totalUs, c.durationUs);
        st.maxUs = qMax(st.maxUs, c.durationUs);
        if (m_slowest.size() < size_t(kSlowestKept) || c.durationUs > m_slowest.front().first) {
            auto greater = std::greater<std::pair<qint64, qint64>>();
            if (m_slowest.size() >= size_t(kSlowestKept)) {
                std::pop_heap(m_slowest.begin(), m_slowest.end(), greater);
                m_slowest.pop_back();
            }
            m_slowest.emplace_back(c.durationUs, id);
            std::push_heap(m_slowest.begin(), m_slowest.end(), greater);
        }
    }
    if (m_stats.size() > kMaxStatKeys)
        flushStats();
}

void StraceCaseWriter::flushStats()
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO strace_stats(trace_id, pid, syscall, calls, errors, total_us, max_us) VALUES (?,?,?,?,?,?,?)"));
    for (auto it = m_stats.cbegin(); it != m_stats.cend(); ++it) {
        st.bind(1, m_traceId).bind(2, qint64(it.key() >> 16)).bindText(3, m_syscallNames.at(int(it.key() & 0xffff)))
            .bind(4, it->calls).bind(5, it->errors).bind(6, it->totalUs).bind(7, it->maxUs);
        st.exec();
    }
    m_stats.clear();
}

void StraceCaseWriter::endTrace(const StraceParseStats &s, bool complete)
{
    flushStats();
    {
        SqliteStatement st = m_db.prepare(QStringLiteral("INSERT INTO strace_slowest(trace_id, call_id, duration_us) VALUES (?,?,?)"));
        for (const auto &[duration, id] : m_slowest)
            st.bind(1, m_traceId).bind(2, id).bind(3, duration).exec();
        m_slowest.clear();
    }
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE strace_traces SET time_style = ?, has_durations = ?, lines = ?, bytes = ?, calls = ?, unfinished = ?, "
        "unparsed = ?, first_call_id = ?, last_call_id = ?, first_us = ?, last_us = ?, detached = ?, truncated_tail = ?, "
        "status = ? WHERE id = ?"));
    st.bind(1, s.timeStyle()).bind(2, s.hasDurations ? 1 : 0).bind(3, s.lines).bind(4, s.bytes).bind(5, m_traceCalls)
        .bind(6, m_traceUnfinished).bind(7, s.unparsed).bindIdOrNull(8, m_firstCallId).bindIdOrNull(9, m_lastCallId);
    if (s.hasTime)
        st.bind(10, s.firstUs).bind(11, s.lastUs);
    else
        st.bindNull(10).bindNull(11);
    st.bind(12, s.detached ? 1 : 0).bind(13, s.truncatedTail ? 1 : 0)
        .bind(14, complete ? QStringLiteral("complete") : QStringLiteral("incomplete")).bind(15, m_traceId);
    st.exec();
}

StraceCaseWriter::Proc &StraceCaseWriter::proc(qint64 pid)
{
    auto it = m_procs.find(pid);
    if (it == m_procs.end()) {
        it = m_procs.insert(pid, Proc());
        it->traceId = m_traceId;
    }
    return *it;
}

void StraceCaseWriter::touch(Proc &p, bool hasTime, qint64 us)
{
    if (!hasTime)
        return;
    if (!p.hasTime || us < p.firstUs)
        p.firstUs = us;
    if (!p.hasTime || us > p.lastUs)
        p.lastUs = us;
    p.hasTime = true;
}

void StraceCaseWriter::onCall(const StraceCall &c)
{
    sqlite3_stmt *st = m_insertCall;
    sqlite3_bind_int64(st, 1, m_traceId);
    sqlite3_bind_int64(st, 2, c.line);
    sqlite3_bind_int64(st, 3, c.pid);
    if (c.hasTime)
        sqlite3_bind_int64(st, 4, c.timeUs);
    else
        sqlite3_bind_null(st, 4);
    sqlite3_bind_int(st, 5, c.isSignal ? 1 : 0);
    bindView(st, 6, c.name);
    bindView(st, 7, c.args.data() ? c.args : QByteArrayView(""));
    if (c.retIsNumber)
        sqlite3_bind_int64(st, 8, c.ret);
    else
        sqlite3_bind_null(st, 8);
    bindView(st, 9, c.retText.isEmpty() ? QByteArrayView() : c.retText);
    bindView(st, 10, c.errnoName.isEmpty() ? QByteArrayView() : c.errnoName);
    if (c.durationUs >= 0)
        sqlite3_bind_int64(st, 11, c.durationUs);
    else
        sqlite3_bind_null(st, 11);
    sqlite3_bind_int(st, 12, c.unfinished);
    if (c.fd >= 0)
        sqlite3_bind_int64(st, 13, c.fd);
    else
        sqlite3_bind_null(st, 13);
    bindView(st, 14, c.fd >= 0 ? c.fdPath : QByteArrayView());
    sqlite3_bind_int(st, 15, c.fd >= 0 && c.fdInferred ? 1 : 0);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        throw CaseError(QStringLiteral("storing an strace call: %1").arg(m_db.errorMessage()));
    const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
    if (!m_firstCallId)
        m_firstCallId = id;
    m_lastCallId = id;
    ++m_traceCalls;
    ++m_totalCalls;
    if (c.unfinished) {
        ++m_traceUnfinished;
        ++m_totalUnfinished;
    }

    if (!c.errnoName.isEmpty() && !m_errnos.contains(QByteArray::fromRawData(c.errnoName.data(), c.errnoName.size()))) {
        m_errnos.insert(c.errnoName.toByteArray());
        SqliteStatement e = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO strace_errnos(name, text) VALUES (?,?)"));
        e.bindText(1, c.errnoName).bindText(2, c.errnoText.data() ? c.errnoText : QByteArrayView("")).exec();
    }

    if (!c.isSignal && !c.unfinished)
        account(c, id);
    if (!c.isSignal) {
        Proc &p = proc(c.pid);
        if (p.calls == 0)
            p.traceId = m_traceId; // where its calls are (a clone seen elsewhere may have made it)
        ++p.calls;
        touch(p, c.hasTime, c.timeUs);
        if (c.retIsNumber && c.errnoName.isEmpty() && !c.unfinished) {
            if (c.ret > 0 && isForkLike(c.name)) {
                Proc &child = proc(c.ret);
                child.parentPid = c.pid;
                touch(child, c.hasTime, c.timeUs);
            } else if (c.ret == 0 && (c.name == "execve" || c.name == "execveat")) {
                m_procs[c.pid].exec = c.args.first(qMin<qsizetype>(c.args.size(), 4096)).toByteArray();
            }
        }
    }
    if (++m_rowsInBatch >= kBatchRows || ((m_rowsInBatch & 1023) == 0 && m_batchTimer.elapsed() >= kBatchMs))
        maybeCommit();
}

void StraceCaseWriter::onExit(const StraceExit &x)
{
    Proc &p = proc(x.pid);
    touch(p, x.hasTime, x.timeUs);
    p.exited = true;
    p.exitCode = x.exitCode;
    if (x.killed)
        p.killedBy = x.signal.toByteArray();
    p.core = x.coreDumped;
}

void StraceCaseWriter::onUnparsed(qint64 line, QByteArrayView text, qint64 fullLength)
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO strace_unparsed(trace_id, line, length, text) VALUES (?,?,?,?)"));
    st.bind(1, m_traceId).bind(2, line).bind(3, fullLength).bindBlob(4, text.first(qMin(text.size(), kMaxUnparsedBytes)));
    st.exec();
    ++m_rowsInBatch;
}

void StraceCaseWriter::finish()
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO strace_processes(collection_id, trace_id, pid, parent_pid, exec, first_us, last_us, calls, exit_code, "
        "killed_by, core_dumped) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(collection_id, pid) DO UPDATE SET calls = calls + excluded.calls"));
    for (auto it = m_procs.cbegin(); it != m_procs.cend(); ++it) {
        const Proc &p = *it;
        st.bindIdOrNull(1, m_collectionId).bindIdOrNull(2, p.traceId).bind(3, it.key());
        if (p.parentPid > 0)
            st.bind(4, p.parentPid);
        else
            st.bindNull(4);
        if (p.exec.isEmpty())
            st.bindNull(5);
        else
            st.bindText(5, p.exec);
        if (p.hasTime)
            st.bind(6, p.firstUs).bind(7, p.lastUs);
        else
            st.bindNull(6).bindNull(7);
        st.bind(8, p.calls);
        if (p.exited && p.killedBy.isEmpty())
            st.bind(9, p.exitCode);
        else
            st.bindNull(9);
        if (p.killedBy.isEmpty())
            st.bindNull(10);
        else
            st.bindText(10, p.killedBy);
        st.bind(11, p.core ? 1 : 0);
        st.exec();
    }
    commit();
    begin();
    commit();
}
