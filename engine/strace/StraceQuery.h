#pragma once

#include "StraceCallRow.h"
#include "StraceErrorRow.h"
#include "StraceFdRow.h"
#include "StraceProcessRow.h"
#include "StraceSummaryRow.h"
#include "StraceTraceRow.h"

#include <QJsonArray>
#include <QList>

#include <optional>

class SqliteDatabase;

// Read-only questions about the strace evidence of a case, answered as typed
// rows (used by casectl strace, its --json output through toJson(), the
// analyzer and the workbench). collectionId 0 means every strace trace in the case.
class StraceQuery
{
public:
    explicit StraceQuery(SqliteDatabase &db, qint64 collectionId = 0) : m_db(db), m_collectionId(collectionId) {}

    // Traces: name, host, calls, unparsed, time style, sha256...
    QList<StraceTraceRow> traces() const;
    // Like strace -c: syscall, calls, errors, total/avg/max time, share of time;
    // overall (pid -1) or per process when perProcess.
    QList<StraceSummaryRow> summary(bool perProcess) const;
    // Calls that never completed (trace ended or strace detached), longest wait first.
    QList<StraceCallRow> hung() const;
    QList<StraceCallRow> slowest(int limit = 20) const;
    // Failed calls grouped by errno and syscall.
    QList<StraceErrorRow> errors() const;
    // Processes with parent, exec, exit/kill.
    QList<StraceProcessRow> processes() const;
    // fd -> path (as strace -y printed it, or followed from the log's calls), per process.
    QList<StraceFdRow> fds() const;
    // Calls and signals whose text contains pattern (case-sensitive, like grep -F).
    QList<StraceCallRow> grep(const QString &pattern, int limit = 1000) const;
    // One call by its id (what a finding's 'strace-call' evidence names), in any collection.
    std::optional<StraceCallRow> call(qint64 callId) const;

    // Rows as the JSON array `casectl strace --json` prints.
    template <typename Row>
    static QJsonArray toJson(const QList<Row> &rows)
    {
        QJsonArray a;
        for (const Row &r : rows)
            a.append(r.toJson());
        return a;
    }

private:
    QString traceFilter() const; // SQL fragment on alias t
    SqliteDatabase &m_db;
    qint64 m_collectionId;
};
