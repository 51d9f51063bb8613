#pragma once

#include <QtGlobal>

class SqliteDatabase;

// Links kernel-log events that name a task (hung task, OOM victim, soft
// lockup) to that task in the host's latest procfs snapshot, as
// kernel-event-task findings (evidence: the event, the task, its stack).
// Re-running replaces the host's previous correlation findings.
class KernelEventCorrelator
{
public:
    explicit KernelEventCorrelator(SqliteDatabase &db) : m_db(db) {}
    int run(qint64 hostId);

private:
    SqliteDatabase &m_db;
};
