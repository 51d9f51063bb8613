#pragma once

#include "casefile/CollectionGap.h"

#include <QByteArray>
#include <QHash>
#include <QList>

// What the snapshot script could not read in one sample, from the read errors
// it reported on stderr per section ("grep: 12/task/12/stack: Permission
// denied", "find: '12/fd': Permission denied", "casebook: timed out after 20 s:
// xargs"), counted per kind of file and reason.
class ProcfsReadErrors
{
public:
    // not-permitted, vanished (a task gone), missing (a host file this kernel
    // lacks), timed-out or unreadable.
    static QString reasonOf(QByteArrayView path, QByteArrayView message);
    // kernel-stack, fd-table, pid-namespace, task-stat, task-status, wchan,
    // cgroup, cmdline, task-owner, or the section's name in lower case.
    static QString whatOf(QByteArrayView section, QByteArrayView path);
    // errorsBySection: stderr of one sample by section name.
    static QList<CollectionGap> gaps(const QHash<QByteArray, QByteArray> &errorsBySection);
};
