#pragma once

#include <QString>

// Something a collection could not read, counted: "212 kernel stacks not
// permitted", "the kernel log not permitted", "output cut at 512 MiB".
// Stored in collection_gaps (CollectionGapStore).
struct CollectionGap
{
    qint64 snapshotId = 0; // the procfs sample it belongs to; 0 = the collection as a whole
    QString what;          // kernel-stack, fd-table, cmdline, task-stat, kernel-log, output...
    QString reason;        // not-permitted, timed-out, unreadable, cut, vanished, missing
    qint64 count = 0;
    QString detail;        // a first error message, "cut at 512 MiB"...

    // Gaps that make a finished collection 'partial'. A task that vanished
    // while it was read, or a file this kernel does not have (no PSI), was not
    // there to read: recorded, but not a gap of the collection.
    bool makesPartial() const { return reason != QLatin1String("vanished") && reason != QLatin1String("missing"); }
};
