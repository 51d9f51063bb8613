#include "StraceQuery.h"

#include "StraceLogSearch.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace {

const QLatin1String kCallColumns(
    "c.id, c.trace_id, t.name, c.line, c.pid, c.time_us, c.kind, c.syscall, c.args, c.ret, c.ret_text, c.errno, "
    "c.duration_us, c.unfinished, c.fd, c.fd_path, t.time_style, t.artifact_id, COALESCE(h.name, ''), t.collection_id");

QJsonValue intOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? QJsonValue() : QJsonValue(st.int64(col));
}

QJsonValue textOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? QJsonValue() : QJsonValue(st.text(col));
}

QString timeText(const QJsonValue &us, const QString &style)
{
    if (us.isNull() || us.isUndefined())
        return {};
    const qint64 v = qint64(us.toDouble());
    const QString frac = QStringLiteral("%1").arg(v % 1000000, 6, 10, QLatin1Char('0'));
    if (style == QLatin1String("r"))
        return QStringLiteral("+%1.%2").arg(v / 1000000).arg(frac);
    return QDateTime::fromMSecsSinceEpoch(v / 1000, QTimeZone::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
           + QLatin1Char('.') + frac + QLatin1Char('Z');
}

QJsonObject callRow(const SqliteStatement &st)
{
    static const char *const kUnfinished[] = {"", "trace-ended", "detached", "process-ended"};
    QJsonObject o;
    o.insert(QStringLiteral("call_id"), st.int64(0));
    o.insert(QStringLiteral("trace_id"), st.int64(1));
    o.insert(QStringLiteral("trace"), st.text(2));
    o.insert(QStringLiteral("line"), st.int64(3));
    o.insert(QStringLiteral("pid"), st.int64(4));
    o.insert(QStringLiteral("time_us"), intOrNull(st, 5));
    o.insert(QStringLiteral("time"), timeText(intOrNull(st, 5), st.text(16)));
    o.insert(QStringLiteral("signal"), st.int64(6) == 1);
    o.insert(QStringLiteral("syscall"), st.text(7));
    o.insert(QStringLiteral("args"), st.text(8));
    o.insert(QStringLiteral("ret"), intOrNull(st, 9));
    o.insert(QStringLiteral("ret_text"), textOrNull(st, 10));
    o.insert(QStringLiteral("errno"), textOrNull(st, 11));
    o.insert(QStringLiteral("duration_us"), intOrNull(st, 12));
    const int unf = int(qBound(qint64(0), st.int64(13), qint64(3)));
    o.insert(QStringLiteral("unfinished"), unf != 0);
    if (unf)
        o.insert(QStringLiteral("unfinished_reason"), QLatin1String(kUnfinished[unf]));
    o.insert(QStringLiteral("fd"), intOrNull(st, 14));
    o.insert(QStringLiteral("fd_path"), textOrNull(st, 15));
    o.insert(QStringLiteral("artifact_id"), intOrNull(st, 17));
    o.insert(QStringLiteral("host"), st.text(18));
    o.insert(QStringLiteral("collection_id"), intOrNull(st, 19));
    return o;
}

} // namespace

QString StraceQuery::traceFilter() const
{
    return QStringLiteral("(?1 = 0 OR t.collection_id = ?1)");
}

QString StraceQuery::formatCall(const QJsonObject &r)
{
    const QString name = r.value(QStringLiteral("syscall")).toString();
    const QString args = r.value(QStringLiteral("args")).toString();
    if (r.value(QStringLiteral("signal")).toBool())
        return QStringLiteral("--- %1 %2 ---").arg(name, args);
    if (r.value(QStringLiteral("unfinished")).toBool()) {
        const QString why = r.value(QStringLiteral("unfinished_reason")).toString();
        return QStringLiteral("%1(%2 <unfinished ...>%3").arg(name, args,
            why == QLatin1String("detached") ? QStringLiteral(" <detached ...>") : QString());
    }
    QString ret = r.value(QStringLiteral("ret_text")).toString();
    if (ret.isEmpty()) {
        const QJsonValue v = r.value(QStringLiteral("ret"));
        ret = v.isNull() ? QStringLiteral("?") : QString::number(qint64(v.toDouble()));
        if (!r.value(QStringLiteral("fd_path")).isNull() && !args.contains(QLatin1Char('<')))
            ret += QLatin1Char('<') + r.value(QStringLiteral("fd_path")).toString() + QLatin1Char('>');
    }
    QString s = QStringLiteral("%1(%2) = %3").arg(name, args, ret);
    if (!r.value(QStringLiteral("errno")).isNull())
        s += QLatin1Char(' ') + r.value(QStringLiteral("errno")).toString();
    return s;
}

QJsonArray StraceQuery::traces() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT t.id, t.collection_id, COALESCE(h.name, ''), t.name, t.file_pid, t.time_style, t.has_durations, t.lines, "
        "t.bytes, t.calls, t.unfinished, t.unparsed, t.first_us, t.last_us, t.detached, t.truncated_tail, t.status, "
        "a.id, a.sha256 FROM strace_traces t LEFT JOIN hosts h ON h.id = t.host_id "
        "LEFT JOIN artifacts a ON a.id = t.artifact_id WHERE ") + traceFilter() + QStringLiteral(" ORDER BY t.id"));
    st.bind(1, m_collectionId);
    QJsonArray out;
    while (st.step()) {
        out.append(QJsonObject{
            {QStringLiteral("trace_id"), st.int64(0)},     {QStringLiteral("collection_id"), st.int64(1)},
            {QStringLiteral("host"), st.text(2)},          {QStringLiteral("name"), st.text(3)},
            {QStringLiteral("file_pid"), intOrNull(st, 4)}, {QStringLiteral("time_style"), st.text(5)},
            {QStringLiteral("has_durations"), st.int64(6) != 0}, {QStringLiteral("lines"), st.int64(7)},
            {QStringLiteral("bytes"), st.int64(8)},        {QStringLiteral("calls"), st.int64(9)},
            {QStringLiteral("unfinished"), st.int64(10)},  {QStringLiteral("unparsed"), st.int64(11)},
            {QStringLiteral("first_us"), intOrNull(st, 12)}, {QStringLiteral("last_us"), intOrNull(st, 13)},
            {QStringLiteral("detached"), st.int64(14) != 0}, {QStringLiteral("truncated_tail"), st.int64(15) != 0},
            {QStringLiteral("status"), st.text(16)},       {QStringLiteral("artifact_id"), intOrNull(st, 17)},
            {QStringLiteral("sha256"), st.text(18)}});
    }
    return out;
}

QJsonArray StraceQuery::summary(bool perProcess) const
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
    QJsonArray out;
    for (const Row &r : rows) {
        const qint64 all = totals.value(r.pid);
        out.append(QJsonObject{{QStringLiteral("pid"), r.pid},
                               {QStringLiteral("syscall"), r.name},
                               {QStringLiteral("calls"), r.calls},
                               {QStringLiteral("errors"), r.errors},
                               {QStringLiteral("total_us"), r.total},
                               {QStringLiteral("avg_us"), r.calls ? r.total / r.calls : 0},
                               {QStringLiteral("max_us"), r.max},
                               {QStringLiteral("pct_time"), all > 0 ? 100.0 * double(r.total) / double(all) : 0.0}});
    }
    return out;
}

QJsonArray StraceQuery::hung() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id AND c.unfinished <> 0 "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 AND c.unfinished <> 3 "
        "ORDER BY c.duration_us DESC NULLS LAST, c.id").arg(kCallColumns, traceFilter()));
    st.bind(1, m_collectionId);
    QJsonArray out;
    while (st.step())
        out.append(callRow(st));
    return out;
}

QJsonArray StraceQuery::slowest(int limit) const
{
    if (limit <= 20) { // kept while importing: no scan of strace_calls
        SqliteStatement top = m_db.prepare(QStringLiteral(
            "SELECT %1 FROM strace_traces t JOIN strace_slowest s ON s.trace_id = t.id JOIN strace_calls c ON c.id = s.call_id "
            "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 ORDER BY s.duration_us DESC, c.id LIMIT ?2").arg(kCallColumns, traceFilter()));
        top.bind(1, m_collectionId).bind(2, limit);
        QJsonArray out;
        while (top.step())
            out.append(callRow(top));
        return out;
    }
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 AND c.kind = 0 AND c.unfinished = 0 "
        "AND c.duration_us IS NOT NULL ORDER BY c.duration_us DESC, c.id LIMIT ?2").arg(kCallColumns, traceFilter()));
    st.bind(1, m_collectionId).bind(2, limit);
    QJsonArray out;
    while (st.step())
        out.append(callRow(st));
    return out;
}

QJsonArray StraceQuery::errors() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT c.errno, COALESCE(e.text, ''), c.syscall, COUNT(*), MIN(c.id) "
        "FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id AND c.errno IS NOT NULL "
        "LEFT JOIN strace_errnos e ON e.name = c.errno WHERE %1 "
        "GROUP BY c.errno, c.syscall ORDER BY COUNT(*) DESC, c.errno, c.syscall").arg(traceFilter()));
    st.bind(1, m_collectionId);
    QJsonArray out;
    while (st.step())
        out.append(QJsonObject{{QStringLiteral("errno"), st.text(0)},
                               {QStringLiteral("text"), st.text(1)},
                               {QStringLiteral("syscall"), st.text(2)},
                               {QStringLiteral("count"), st.int64(3)},
                               {QStringLiteral("first_call_id"), st.int64(4)}});
    return out;
}

QJsonArray StraceQuery::processes() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT p.collection_id, p.pid, p.parent_pid, p.exec, p.first_us, p.last_us, p.calls, p.exit_code, p.killed_by, "
        "p.core_dumped, p.trace_id FROM strace_processes p WHERE (?1 = 0 OR p.collection_id = ?1) "
        "ORDER BY p.collection_id, p.pid"));
    st.bind(1, m_collectionId);
    QJsonArray out;
    while (st.step())
        out.append(QJsonObject{{QStringLiteral("collection_id"), st.int64(0)},
                               {QStringLiteral("pid"), st.int64(1)},
                               {QStringLiteral("parent_pid"), intOrNull(st, 2)},
                               {QStringLiteral("exec"), textOrNull(st, 3)},
                               {QStringLiteral("first_us"), intOrNull(st, 4)},
                               {QStringLiteral("last_us"), intOrNull(st, 5)},
                               {QStringLiteral("calls"), st.int64(6)},
                               {QStringLiteral("exit_code"), intOrNull(st, 7)},
                               {QStringLiteral("killed_by"), textOrNull(st, 8)},
                               {QStringLiteral("core_dumped"), st.int64(9) != 0},
                               {QStringLiteral("trace_id"), intOrNull(st, 10)}});
    return out;
}

QJsonArray StraceQuery::fds() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT c.pid, c.fd, c.fd_path, COUNT(*), MIN(c.time_us), MIN(c.id) "
        "FROM strace_traces t JOIN strace_calls c ON c.id BETWEEN t.first_call_id AND t.last_call_id AND c.trace_id = t.id "
        "WHERE %1 AND c.fd IS NOT NULL GROUP BY c.pid, c.fd, c.fd_path ORDER BY c.pid, c.fd, MIN(c.id)").arg(traceFilter()));
    st.bind(1, m_collectionId);
    QJsonArray out;
    while (st.step())
        out.append(QJsonObject{{QStringLiteral("pid"), st.int64(0)},
                               {QStringLiteral("fd"), st.int64(1)},
                               {QStringLiteral("path"), st.text(2)},
                               {QStringLiteral("calls"), st.int64(3)},
                               {QStringLiteral("first_us"), intOrNull(st, 4)},
                               {QStringLiteral("first_call_id"), st.int64(5)}});
    return out;
}

QJsonArray StraceQuery::grep(const QString &pattern, int limit) const
{
    return StraceLogSearch(m_db, *this, m_collectionId).grep(pattern, limit);
}

QJsonArray StraceQuery::callsWithText(const QList<qint64> &ids, const QString &pattern, int limit) const
{
    QJsonArray out;
    if (ids.isEmpty() || limit <= 0)
        return out;
    QString list;
    list.reserve(ids.size() * 10 + 2);
    list += QLatin1Char('[');
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            list += QLatin1Char(',');
        list += QString::number(ids[i]);
    }
    list += QLatin1Char(']');
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM json_each(?1) j JOIN strace_calls c ON c.id = j.value JOIN strace_traces t ON t.id = c.trace_id "
        "LEFT JOIN hosts h ON h.id = t.host_id WHERE %2 ORDER BY j.key LIMIT ?3").arg(kCallColumns, StraceLogSearch::rowMatchesSql()));
    st.bind(1, list).bind(2, pattern).bind(3, limit);
    while (st.step())
        out.append(callRow(st));
    return out;
}
