#pragma once

#include "BlockerRuleSet.h"
#include "procfs/ProcTask.h"
#include "procfs/SnapshotStore.h"

#include <QHash>
#include <QList>
#include <QString>

class SqliteDatabase;

// What the edge sources read: one host's latest procfs collection (its
// samples, the last one's tasks of interest) and the window of time the
// other evidence (kernel log, strace, captures) is taken from.
struct BlockerInputs
{
    SqliteDatabase *db = nullptr;
    qint64 hostId = 0;
    QString hostName;
    const BlockerRuleSet *rules = nullptr;
    QList<SnapshotInfo> samples;  // of the latest procfs collection, oldest first; may be empty
    QList<ProcTask> tasks;        // of the last sample: tasks in D, zombies and their threads
    QHash<qint64, int> taskNode;  // tid -> node index, filled by the stack source
    qint64 windowStartUs = 0;     // evidence older than this is not about the hang
    qint64 windowEndUs = 0;

    const SnapshotInfo *last() const { return samples.isEmpty() ? nullptr : &samples.last(); }
};
