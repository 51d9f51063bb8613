#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class SqliteDatabase;

// Read-only questions about the strace evidence of a case, answered as JSON
// rows (used by casectl strace --json, its text output and the workbench).
// collectionId 0 means every strace trace in the case.
class StraceQuery
{
public:
    explicit StraceQuery(SqliteDatabase &db, qint64 collectionId = 0) : m_db(db), m_collectionId(collectionId) {}

    // Traces: name, host, calls, unparsed, time style, sha256...
    QJsonArray traces() const;
    // Like strace -c: syscall, calls, errors, total_us, avg_us, max_us, pct_time;
    // overall (pid -1) or per process when perProcess.
    QJsonArray summary(bool perProcess) const;
    // Calls that never completed (trace ended or strace detached), longest wait first.
    QJsonArray hung() const;
    QJsonArray slowest(int limit = 20) const;
    // Failed calls grouped by errno and syscall.
    QJsonArray errors() const;
    // Processes with parent, exec, exit/kill.
    QJsonArray processes() const;
    // fd -> path decorations seen, per process.
    QJsonArray fds() const;
    // Calls and signals whose text contains pattern (case-sensitive, like grep -F);
    // searched in the stored raw logs (StraceLogSearch).
    QJsonArray grep(const QString &pattern, int limit = 1000) const;
    // The rows of calls ids (in that order) whose text contains pattern, at most limit.
    QJsonArray callsWithText(const QList<qint64> &ids, const QString &pattern, int limit) const;

    // The call as strace printed it: "flock(11</srv/a>, LOCK_EX) = 0".
    static QString formatCall(const QJsonObject &row);

private:
    QString traceFilter() const; // SQL fragment on alias t
    SqliteDatabase &m_db;
    qint64 m_collectionId;
};
