#pragma once

#include "StraceCallRow.h"

#include <QList>
#include <QString>

class SqliteDatabase;
class StraceQuery;

// `casectl strace --grep`: calls and signals whose stored text (syscall,
// args, result text, errno, fd path) contains a fixed string, in (trace,
// line) order. Instead of testing every strace_calls row, it searches the
// trace's raw log as stored in the case (the artifact's bytes, like grep -F),
// maps the matching lines to calls through strace_line_map (a call's start
// line and the line that completed it), and checks only those calls' rows
// with the same test as the row scan, so the result is the row scan's. A
// trace without a complete line map or with a raw log that is not complete
// (older cases, truncated logs) is answered by the row scan.
class StraceLogSearch
{
public:
    StraceLogSearch(SqliteDatabase &db, const StraceQuery &query, qint64 collectionId)
        : m_db(db), m_query(query), m_collectionId(collectionId)
    {
    }

    QList<StraceCallRow> grep(const QString &pattern, int limit) const;

    // The SQL test of one call row (alias c) against the pattern bound as ?2.
    static QString rowMatchesSql();

private:
    struct Trace
    {
        qint64 id = 0;
        qint64 artifactId = 0;
        qint64 calls = 0;
        qint64 lines = 0;
        qint64 bytes = 0;
        qint64 firstCallId = 0;
        qint64 lastCallId = 0;
    };
    // Candidate (line, call id) pairs of a trace in line order, or false
    // when the trace cannot be searched through its log.
    bool candidates(const Trace &t, const QByteArray &pattern, QList<std::pair<qint64, qint64>> &out) const;
    QList<qint64> rowScan(const Trace &t, const QString &pattern, int limit) const;

    SqliteDatabase &m_db;
    const StraceQuery &m_query;
    qint64 m_collectionId;
};
