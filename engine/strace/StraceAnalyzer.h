#pragma once

#include "StraceCallRow.h"

#include <QString>
#include <QStringList>

class SqliteDatabase;

// Turns a collection's strace evidence into findings, each linked to the
// calls and the raw log it rests on: calls still in flight when the trace
// ended or strace detached (hung-syscall; idle waits like epoll_wait are
// grouped at info level), processes killed by a signal, the per-syscall
// summary, the slowest calls and the failed calls. Re-running replaces them.
class StraceAnalyzer
{
public:
    static constexpr int kMaxHungFindings = 100;
    static constexpr int kMaxProcessEvents = 2000; // timeline events 'strace-process' per collection

    explicit StraceAnalyzer(SqliteDatabase &db) : m_db(db) {}
    // Returns the number of findings made.
    int analyse(qint64 collectionId);

    static QStringList findingKinds();
    // True for calls that normally block waiting for work (epoll_wait, wait4, accept...).
    static bool isIdleWait(const QString &syscall, const QString &fdPath);
    // The hung-syscall finding's words: who (a pid, or the unknown process of
    // a log without pids), the call, the fd's path when followed without -y,
    // and the wait, or that it is not known (no timestamps, nothing later).
    static QString hungTitle(const StraceCallRow &call);
    static QString hungDetail(const StraceCallRow &call);

private:
    SqliteDatabase &m_db;
};
