#include "StraceQuery.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace {

const QLatin1String kCallColumns(
    "c.id, c.trace_id, t.name, c.line, c.pid, c.time_us, c.kind, c.syscall, c.args, c.ret, c.ret_text, c.errno, "
    "c.duration_us, c.unfinished, c.fd, c.fd_path, t.time_style, t.artifact_id, COALESCE(h.name, ''), t.collection_id, "
    "c.fd_inferred");

std::optional<qint64> intOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? std::nullopt : std::optional<qint64>(st.int64(col));
}

std::optional<QString> textOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? std::nullopt : std::optional<QString>(st.text(col));
}

QString timeText(const std::optional<qint64> &us, const QString &style)
{
    if (!us)
        return {};
    const qint64 v = *us;
    const QString frac = QStringLiteral("%1").arg(v % 1000000, 6, 10, QLatin1Char('0'));
    if (style == QLatin1String("r"))
        return QStringLiteral("+%1.%2").arg(v / 1000000).arg(frac);
    return QDateTime::fromMSecsSinceEpoch(v / 1000, QTimeZone::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
           + QLatin1Char('.') + frac + QLatin1Char('Z');
}

StraceCallRow callRow(const SqliteStatement &st)
{
    StraceCallRow r;
    r.callId = st.int64(0);
    r.traceId = st.int64(1);
    r.trace = st.text(2);
    r.line = st.int64(3);
    r.pid = st.int64(4);
    r.timeUs = intOrNull(st, 5);
    r.time = timeText(r.timeUs, st.text(16));
    r.signal = st.int64(6) == 1;
    r.syscall = st.text(7);
    r.args = st.text(8);
    r.ret = intOrNull(st, 9);
    r.retText = textOrNull(st, 10);
    r.errnoName = textOrNull(st, 11);
    r.durationUs = intOrNull(st, 12);
    r.unfinished = int(qBound(qint64(0), st.int64(13), qint64(3)));
    r.fd = intOrNull(st, 14);
    r.fdPath = textOrNull(st, 15);
    r.artifactId = intOrNull(st, 17);
    r.host = st.text(18);
    r.collectionId = intOrNull(st, 19);
    r.fdInferred = st.int64(20) != 0;
    return r;
}

template <typename Row, typename Make>
QList<Row> rows(SqliteStatement &st, Make make)
{
    QList<Row> out;
    while (st.step())
        out.append(make(st));
    return out;
}

} // namespace

QString StraceQuery::traceFilter() const
{
    return QStringLiteral("(?1 = 0 OR t.collection_id = ?1)");
}

QList<StraceTraceRow> StraceQuery::traces() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT t.id, t.collection_id, COALESCE(h.name, ''), t.name, t.file_pid, t.time_style, t.has_durations, t.lines, "
        "t.bytes, t.calls, t.unfinished, t.unparsed, t.first_us, t.last_us, t.detached, t.truncated_tail, t.status, "
        "a.id, a.sha256 FROM strace_traces t LEFT JOIN hosts h ON h.id = t.host_id "
        "LEFT JOIN artifacts a ON a.id = t.artifact_id WHERE ") + traceFilter() + QStringLiteral(" ORDER BY t.id"));
    st.bind(1, m_collectionId);
    return rows<StraceTraceRow>(st, [](const SqliteStatement &st) {
        StraceTraceRow r;
        r.traceId = st.int64(0);
        r.collectionId = st.int64(1);
        r.host = st.text(2);
        r.name = st.text(3);
        r.filePid = intOrNull(st, 4);
        r.timeStyle = st.text(5);
        r.hasDurations = st.int64(6) != 0;
        r.lines = st.int64(7);
        r.bytes = st.int64(8);
        r.calls = st.int64(9);
        r.unfinished = st.int64(10);
        r.unparsed = st.int64(11);
        r.firstUs = intOrNull(st, 12);
        r.lastUs = intOrNull(st, 13);
        r.detached = st.int64(14) != 0;
        r.truncatedTail = st.int64(15) != 0;
        r.status = st.text(16);
        r.artifactId = intOrNull(st, 17);
        r.sha256 = st.text(18);
        return r;
    });
}

QList<StraceSummaryRow> StraceQuery::summary(bool perProcess) const
{
    const QString group = perProcess ? QStringLiteral("s.pid, s.syscall") : QStringLiteral("s.syscall");
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1, SUM(s.calls), SUM(s.errors), SUM(s.total_us), MAX(s.max_us) "
        "FROM strace_traces t JOIN strace_stats s ON s.trace_id = t.id WHERE %2 GROUP BY %1").arg(group, traceFilter()));
    st.bind(1, m_collectionId);
    struct Row { qint64 pid; QString name; qint64 calls, errors, total, max; };
    QList<Row> rows;
    QHash<qint64, qint64> totals;
    while (st.step()) {
        int i = 0;
        Row r;
        r.pid = perProcess ? st.int64(i++) : -1;
        r.name = st.text(i++);
        r.calls = st.int64(i++);
        r.errors = st.int64(i++);
        r.total = st.int64(i++);
        r.max = st.int64(i++);
        totals[r.pid] += r.total;
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.pid != b.pid)
            return a.pid < b.pid;
        if (a.total != b.total)
            return a.total > b.total;
        if (a.calls != b.calls)
            return a.calls > b.calls;
        return a.name < b.name;
    });
    QList<StraceSummaryRow> out;
    out.reserve(rows.size());
    for (const Row &r : rows) {
        const qint64 all = totals.value(r.pid);
        StraceSummaryRow o;
        o.pid = r.pid;
        o.syscall = r.name;
        o.calls = r.calls;
        o.errors = r.errors;
        o.totalUs = r.total;
        o.avgUs = r.calls ? r.total / r.calls : 0;
        o.maxUs = r.max;
        o.pctTime = all > 0 ? 100.0 * double(r.total) / double(all) : 0.0;
        out.append(o);
    }
    return out;
}

QList<StraceCallRow> StraceQuery::hung() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id AND c.unfinished <> 0 "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 AND c.unfinished <> 3 "
        "ORDER BY c.duration_us DESC NULLS LAST, c.id").arg(kCallColumns, traceFilter()));
    st.bind(1, m_collectionId);
    return rows<StraceCallRow>(st, callRow);
}

QList<StraceCallRow> StraceQuery::slowest(int limit) const
{
    if (limit <= 20) { // kept while importing: no scan of strace_calls
        SqliteStatement top = m_db.prepare(QStringLiteral(
            "SELECT %1 FROM strace_traces t JOIN strace_slowest s ON s.trace_id = t.id JOIN strace_calls c ON c.id = s.call_id "
            "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 ORDER BY s.duration_us DESC, c.id LIMIT ?2").arg(kCallColumns, traceFilter()));
        top.bind(1, m_collectionId).bind(2, limit);
        return rows<StraceCallRow>(top, callRow);
    }
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 AND c.kind = 0 AND c.unfinished = 0 "
        "AND c.duration_us IS NOT NULL ORDER BY c.duration_us DESC, c.id LIMIT ?2").arg(kCallColumns, traceFilter()));
    st.bind(1, m_collectionId).bind(2, limit);
    return rows<StraceCallRow>(st, callRow);
}

QList<StraceErrorRow> StraceQuery::errors() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT c.errno, COALESCE(e.text, ''), c.syscall, COUNT(*), MIN(c.id) "
        "FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id AND c.errno IS NOT NULL "
        "LEFT JOIN strace_errnos e ON e.name = c.errno WHERE %1 "
        "GROUP BY c.errno, c.syscall ORDER BY COUNT(*) DESC, c.errno, c.syscall").arg(traceFilter()));
    st.bind(1, m_collectionId);
    return rows<StraceErrorRow>(st, [](const SqliteStatement &st) {
        return StraceErrorRow{st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4)};
    });
}

QList<StraceProcessRow> StraceQuery::processes() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT p.collection_id, p.pid, p.parent_pid, p.exec, p.first_us, p.last_us, p.calls, p.exit_code, p.killed_by, "
        "p.core_dumped, p.trace_id FROM strace_processes p WHERE (?1 = 0 OR p.collection_id = ?1) "
        "ORDER BY p.collection_id, p.pid"));
    st.bind(1, m_collectionId);
    return rows<StraceProcessRow>(st, [](const SqliteStatement &st) {
        StraceProcessRow r;
        r.collectionId = st.int64(0);
        r.pid = st.int64(1);
        r.parentPid = intOrNull(st, 2);
        r.exec = textOrNull(st, 3);
        r.firstUs = intOrNull(st, 4);
        r.lastUs = intOrNull(st, 5);
        r.calls = st.int64(6);
        r.exitCode = intOrNull(st, 7);
        r.killedBy = textOrNull(st, 8);
        r.coreDumped = st.int64(9) != 0;
        r.traceId = intOrNull(st, 10);
        return r;
    });
}

QList<StraceFdRow> StraceQuery::fds() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT c.pid, c.fd, c.fd_path, COUNT(*), MIN(c.time_us), MIN(c.id), MAX(c.fd_inferred) "
        "FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
        "WHERE %1 AND c.fd IS NOT NULL GROUP BY c.pid, c.fd, c.fd_path ORDER BY c.pid, c.fd, MIN(c.id)").arg(traceFilter()));
    st.bind(1, m_collectionId);
    return rows<StraceFdRow>(st, [](const SqliteStatement &st) {
        StraceFdRow r;
        r.pid = st.int64(0);
        r.fd = st.int64(1);
        r.path = st.text(2);
        r.calls = st.int64(3);
        r.firstUs = intOrNull(st, 4);
        r.firstCallId = st.int64(5);
        r.inferred = st.int64(6) != 0;
        return r;
    });
}

QList<StraceCallRow> StraceQuery::grep(const QString &pattern, int limit) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 AND (instr(c.args, ?2) > 0 OR instr(c.syscall, ?2) > 0 "
        "OR instr(COALESCE(c.fd_path, ''), ?2) > 0 OR instr(COALESCE(c.ret_text, ''), ?2) > 0 "
        "OR instr(COALESCE(c.errno, ''), ?2) > 0) ORDER BY t.id, c.line LIMIT ?3").arg(kCallColumns, traceFilter()));
    st.bind(1, m_collectionId).bind(2, pattern).bind(3, limit);
    return rows<StraceCallRow>(st, callRow);
}

std::optional<StraceCallRow> StraceQuery::call(qint64 callId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_calls c JOIN strace_traces t ON t.id = c.trace_id LEFT JOIN hosts h ON h.id = t.host_id "
        "WHERE c.id = ?1").arg(kCallColumns));
    st.bind(1, callId);
    if (!st.step())
        return std::nullopt;
    return callRow(st);
}
