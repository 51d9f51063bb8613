#pragma once

#include "StackGroup.h"
#include "procfs/ProcTask.h"

#include <QList>
#include <QMap>

// Groups tasks by identical kernel stacks. Offsets (+0x129/0x1e0) are ignored
// by default, so the same code path on slightly different entry points still
// groups; keepOffsets groups by the exact frames.
class StackGrouper
{
public:
    struct Options
    {
        bool keepOffsets = false;
        bool includeNoStack = true; // group tasks whose stack was read empty ("no-stack:empty")
    };

    // Largest group first, then by signature. Tasks whose stack could not be
    // read (not permitted, vanished, unreadable) are in no group: they are no
    // stack, see notRead().
    static QList<StackGroup> group(const QList<ProcTask> &tasks, const Options &options);
    static QList<StackGroup> group(const QList<ProcTask> &tasks) { return group(tasks, Options{}); }
    // Whether the task's kernel stack was read (possibly empty).
    static bool wasRead(const ProcTask &task);
    // "not read (permission)", "not read (vanished)", "not read (error)" -> tasks.
    static QMap<QString, int> notRead(const QList<ProcTask> &tasks);
    static QString notReadLabel(const QString &stackStatus);
    // The signature a task groups under with these options.
    static QString keyOf(const ProcTask &task, const Options &options, QStringList *frames = nullptr);
};
