#pragma once

#include "BlockerEvidence.h"
#include "BlockerEvidenceSink.h"

#include <QByteArray>

// Parsers of the /proc texts the waits-for graph needs. Each reads untrusted
// text: lines cut short, garbage and numbers too large for 64 bits are
// reported to onUnparsed (or leave the field unread, -1), never trusted.
namespace BlockerEvidenceParser {
// Rows of /proc/locks: holders and their "->" waiters.
void procLocks(QByteArrayView content, BlockerEvidenceSink &sink);
// One /proc/locks style line ("1: -> FLOCK ADVISORY WRITE 42 00:2b:17 0 EOF"),
// without the "lock:" prefix of fdinfo. False when it is not one.
bool lockLine(QByteArrayView line, FileLock *lock);
// The pos/flags/mnt_id/ino lines of /proc/PID/fdinfo/N into *fd, and its
// `lock:` lines to the sink as source 'fdinfo' (fd, ownerPid set).
void fdinfo(QByteArrayView content, FdTarget *fd, BlockerEvidenceSink &sink);
// voluntary_ctxt_switches, nonvoluntary_ctxt_switches, SigPnd, ShdPnd, SigBlk
// lines of /proc/PID/task/TID/status into *sched; false for any other line.
bool statusLine(QByteArrayView line, TaskSched *sched);
// /proc/PID/task/TID/schedstat: "run_ns wait_ns timeslices".
bool schedstat(QByteArrayView content, TaskSched *sched);
// /proc/PID/task/TID/cgroup: "hierarchy:controllers:path" lines.
void taskCgroups(qint64 pid, qint64 tid, QByteArrayView content, BlockerEvidenceSink &sink);
// Per-op counters of every NFS mount in /proc/self/mountstats, bounded:
// kMaxNfsMounts mounts, kMaxOpsPerMount ops each (the rest to onUnparsed).
void nfsOps(QByteArrayView content, BlockerEvidenceSink &sink);
// "major:minor" in decimal from the hex "08:01" of /proc/locks; empty when malformed.
QString deviceFromHex(QByteArrayView hexMajor, QByteArrayView hexMinor);

inline constexpr int kMaxNfsMounts = 256;
inline constexpr int kMaxOpsPerMount = 128;
inline constexpr int kMaxLocks = 100000;
}
