#pragma once

#include "StackDiff.h"
#include "procfs/ProcTask.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// One side of a stack diff, resolved from its text form:
//   task:TID  task:SNAPSHOT/TID  task:HOST/TID   a thread (latest snapshot unless given)
//   group:SIGNATURE  group:SIGNATURE@SNAPSHOT    the tasks sharing that stack
//   snapshot:ID  snapshot:latest                 every task of a snapshot
//   host:NAME                                    every task of that host's latest snapshot
// A numeric part before '/' is a snapshot id, anything else a host name.
struct StackDiffTarget
{
    QString kind;   // task, group, snapshot, host
    QString label;  // canonical form, e.g. "task:3/4242"
    qint64 snapshotId = 0;
    qint64 hostId = 0;
    QList<ProcTask> tasks;

    // Throws CaseError with a user-presentable message for bad or unknown specs.
    static StackDiffTarget resolve(SqliteDatabase &db, const QString &spec);
    // Resolves both sides and compares them; kinds must match.
    static StackDiff::Result diff(SqliteDatabase &db, const QString &a, const QString &b);
};
