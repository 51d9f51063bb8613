#include "StraceCallLookup.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QJsonValue>

namespace {
QJsonValue intOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? QJsonValue() : QJsonValue(st.int64(col));
}
QJsonValue textOrNull(const SqliteStatement &st, int col)
{
    return st.isNull(col) ? QJsonValue() : QJsonValue(st.text(col));
}
}

QJsonObject StraceCallLookup::call(SqliteDatabase &db, qint64 callId)
{
    SqliteStatement st = db.prepare(QStringLiteral(
        "SELECT c.id, c.trace_id, t.name, c.line, c.pid, c.time_us, c.kind, c.syscall, c.args, c.ret, c.ret_text, "
        "c.errno, c.duration_us, c.unfinished, c.fd, c.fd_path, t.artifact_id, COALESCE(h.name, ''), t.collection_id "
        "FROM strace_calls c JOIN strace_traces t ON t.id = c.trace_id LEFT JOIN hosts h ON h.id = t.host_id "
        "WHERE c.id = ?1"));
    st.bind(1, callId);
    if (!st.step())
        return {};
    static const char *const kReasons[] = {"", "trace-ended", "detached", "process-ended"};
    const int unfinished = int(qBound(qint64(0), st.int64(13), qint64(3)));
    QJsonObject o{{QStringLiteral("call_id"), st.int64(0)},
                  {QStringLiteral("trace_id"), st.int64(1)},
                  {QStringLiteral("trace"), st.text(2)},
                  {QStringLiteral("line"), st.int64(3)},
                  {QStringLiteral("pid"), st.int64(4)},
                  {QStringLiteral("time_us"), intOrNull(st, 5)},
                  {QStringLiteral("signal"), st.int64(6) == 1},
                  {QStringLiteral("syscall"), st.text(7)},
                  {QStringLiteral("args"), st.text(8)},
                  {QStringLiteral("ret"), intOrNull(st, 9)},
                  {QStringLiteral("ret_text"), textOrNull(st, 10)},
                  {QStringLiteral("errno"), textOrNull(st, 11)},
                  {QStringLiteral("duration_us"), intOrNull(st, 12)},
                  {QStringLiteral("unfinished"), unfinished != 0},
                  {QStringLiteral("fd"), intOrNull(st, 14)},
                  {QStringLiteral("fd_path"), textOrNull(st, 15)},
                  {QStringLiteral("artifact_id"), intOrNull(st, 16)},
                  {QStringLiteral("host"), st.text(17)},
                  {QStringLiteral("collection_id"), intOrNull(st, 18)}};
    if (unfinished)
        o.insert(QStringLiteral("unfinished_reason"), QLatin1String(kReasons[unfinished]));
    return o;
}
