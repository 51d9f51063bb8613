#pragma once

#include "StackGroup.h"
#include "procfs/ProcTask.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Compares kernel stacks: two tasks, two groups, two snapshots of one host,
// or two hosts. Frames compare with offsets removed.
class StackDiff
{
public:
    struct GroupChange
    {
        QString signature;
        QStringList frames;
        int countA = 0;
        int countB = 0;
        QString change; // appeared, cleared, grew, shrank, stayed
        QString topComm;
        QString topWchan;
    };
    struct TaskRef
    {
        qint64 pid = 0;
        qint64 tid = 0;
        QString comm;
        QString state;
        QString signatureA;
        QString signatureB;
    };
    struct Result
    {
        QString kind;          // task, group, snapshot, host
        QString labelA, labelB;
        QStringList framesA, framesB;
        QStringList common;    // frames in both, in A's order
        QStringList onlyA, onlyB;
        int commonOuter = 0;   // length of the shared outermost part (same call path down to here)
        QList<GroupChange> groups;
        QList<TaskRef> appeared, cleared, stayed, changed; // tasks (snapshot diffs of one host)
        QJsonObject toJson() const;
    };

    static Result frames(const QStringList &a, const QStringList &b);
    static Result tasks(const ProcTask &a, const ProcTask &b);
    // Two sets of tasks (groups, snapshots, hosts). Tasks are matched by
    // (pid, tid, start time) when matchTasks is set (same host).
    static Result sets(const QList<ProcTask> &a, const QList<ProcTask> &b, bool matchTasks);
};
