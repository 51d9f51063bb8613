#pragma once

#include "WaitsForGraph.h"
#include "procfs/ProcTask.h"

#include <QString>

// Shared node helpers of the edge sources: one spelling of a task's key,
// label and evidence link.
namespace BlockerNodes {
QString taskKey(qint64 tid);
QString processKey(qint64 pid);
int ensureTask(WaitsForGraph &graph, const ProcTask &task);
EvidenceRef taskRef(const ProcTask &task);
// The subsystem of a kernel function: its first word ("fsnotify" of
// fsnotify_mark_destroy_workfn), leading underscores dropped.
QString subsystemOf(const QString &function);
// The memory cgroup of /proc/PID/cgroup text: the v1 memory controller's line, else v2's "0::".
QString memoryCgroupOf(const QString &cgroupText);
}
