#pragma once

#include <QString>

// One line of a kernel log (dmesg or journalctl -k -o short-monotonic).
struct KernelLogLine
{
    qint64 seq = 0;          // 0-based line number in the log
    double monotonicS = -1;  // seconds since boot as printed; -1 when the line has none
    qint64 atUs = 0;         // wall clock through the boot time; 0 when unknown
    bool timeOutOfRange = false; // the printed seconds since boot are beyond any real uptime: atUs stays 0
    QString text;            // message without the timestamp (and without "host kernel: ")
};

// A recognised kernel-log event spanning one or more lines.
struct KernelLogEvent
{
    QString kind;       // hung-task, oom-kill, nfs-not-responding, nfs-ok, lockd-not-responding, lockd-ok,
                        // soft-lockup, hard-lockup, rcu-stall, srcu-stall, oops, bug, panic
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    qint64 atUs = 0;
    double monotonicS = -1;
    QString summary;
    QString detail;     // the lines that belong to it (the hung task's stack, the OOM report...)
    qint64 pid = 0;     // the task it names, 0 if none
    QString comm;
    QString server;     // nfs/lockd server
    QString cgroup;     // OOM: the memory cgroup
};
