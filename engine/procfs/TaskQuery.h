#pragma once

#include "ProcTask.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// Reads the tasks of one snapshot with filters. Every filter left empty/0 is
// not applied.
class TaskQuery
{
public:
    explicit TaskQuery(SqliteDatabase &db) : m_db(db) {}

    TaskQuery &snapshot(qint64 id) { m_snapshot = id; return *this; }
    TaskQuery &state(const QString &letter) { m_state = letter; return *this; }  // stat's letter, e.g. "D"
    TaskQuery &pid(qint64 pid) { m_pid = pid; return *this; }
    TaskQuery &tid(qint64 tid) { m_tid = tid; return *this; }
    TaskQuery &stack(qint64 stackId) { m_stack = stackId; return *this; }
    TaskQuery &commContains(const QString &text) { m_comm = text; return *this; }
    TaskQuery &limit(int n) { m_limit = n; return *this; }

    QList<ProcTask> run() const;
    static ProcTask byId(SqliteDatabase &db, qint64 taskId);

private:
    SqliteDatabase &m_db;
    qint64 m_snapshot = 0;
    QString m_state;
    qint64 m_pid = 0;
    qint64 m_tid = 0;
    qint64 m_stack = 0;
    QString m_comm;
    int m_limit = -1;
};
