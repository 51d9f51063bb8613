#pragma once

#include "StackGroup.h"
#include "procfs/ProcTask.h"

#include <QList>

// Groups tasks by identical kernel stacks. Offsets (+0x129/0x1e0) are ignored
// by default, so the same code path on slightly different entry points still
// groups; keepOffsets groups by the exact frames.
class StackGrouper
{
public:
    struct Options
    {
        bool keepOffsets = false;
        bool includeNoStack = true; // group tasks without stacks by their stack_status
    };

    // Largest group first, then by signature.
    static QList<StackGroup> group(const QList<ProcTask> &tasks, const Options &options);
    static QList<StackGroup> group(const QList<ProcTask> &tasks) { return group(tasks, Options{}); }
    // The signature a task groups under with these options.
    static QString keyOf(const ProcTask &task, const Options &options, QStringList *frames = nullptr);
};
