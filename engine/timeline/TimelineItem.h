#pragma once

#include <QString>

// One timed thing of a case as the timeline shows it: a row of events,
// findings, collections or notes (and of the other areas' timed tables).
struct TimelineItem
{
    QString origin;   // table it came from: event, finding, collection, note
    qint64 id = 0;    // row id in that table
    qint64 hostId = 0;
    qint64 atUs = 0;
    QString source;   // lane source: kernel-log, marker, finding, collection, note, procfs, strace, pcap...
    QString kind;     // hung-task, marker-detection, critical, procfs...
    QString summary;
    QString refKind;  // evidence it points at (artifact, snapshot, task...), if any
    qint64 refId = 0;
};
