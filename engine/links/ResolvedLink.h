#pragma once

#include "LinkKind.h"

#include <QString>

// What a link points at, with the context a pane needs to show it at the
// right row: the host and snapshot of a task or stack, the artifact and line
// of a kernel-log line, the capture of a conversation. Filled by LinkResolver
// (off the GUI thread); the fields a kind does not use stay 0/empty.
struct ResolvedLink
{
    LinkKind kind = LinkKind::Artifact;
    qint64 id = 0;           // the row in the kind's table (task: procfs_tasks.id)
    qint64 hostId = 0;
    QString hostName;
    qint64 collectionId = 0;
    qint64 snapshotId = 0;
    qint64 tid = 0;
    qint64 stackId = 0;
    QString signature;       // stack / group signature
    qint64 artifactId = 0;
    qint64 line = 0;         // 1-based line in the artifact, 0 = none
    qint64 captureId = 0;
    qint64 eventId = 0;
    QString title;           // event: "TIME  SOURCE  KIND" heading
    QString text;            // event: summary and detail (plain text from evidence)
    QString canonical;       // the stable text form, e.g. [[task:web-1/3/4242]]
};
