#pragma once

#include <QList>
#include <QString>

// Evidence a procfs snapshot reads for the waits-for graph: who holds and who
// waits on file locks, what the involved processes have open, whether a
// thread moves at all (context switches), which signals wait for delivery,
// the cgroups of a zombie leader's threads and the NFS per-op counters.
// Everything comes from /proc (and the cgroup files under /sys/fs/cgroup):
// nothing is ever stat'ed or read on the filesystems the tasks wait on.

// One line of /proc/locks, or one `lock:` line of /proc/PID/fdinfo/N.
struct FileLock
{
    QString source;         // proc-locks, fdinfo
    qint64 lockId = 0;      // the number before ':'; a waiter carries its blocker's
    bool isWaiter = false;  // a "->" line
    int waitDepth = 0;      // 1: waits on the holder; 2: behind the waiter above it...
    QString kind;           // POSIX, FLOCK, OFDLCK, LEASE, DELEG...
    QString type;           // ADVISORY, MANDATORY, ACTIVE, BREAKING...
    QString mode;           // READ, WRITE, UNLCK...
    qint64 pid = -1;        // as printed; -1 = OFD lock / none
    qint64 fd = -1;         // fdinfo rows: the fd
    qint64 ownerPid = -1;   // fdinfo rows: the process whose fdinfo it is
    QString device;         // "major:minor" in decimal, as mountinfo prints it
    qint64 inode = -1;
    qint64 start = 0;
    qint64 end = -1;        // -1 = EOF
    QString raw;

    bool isExclusive() const { return mode == QLatin1String("WRITE"); }
};

// Where an fd points (readlink only).
struct FdTarget
{
    qint64 pid = 0;
    qint64 tid = 0;         // != 0 when read through a thread (zombie leader)
    qint64 fd = 0;
    QString target;
    QString kind;           // path, socket, pipe, anon-inode, fuse-device, deleted, other
    qint64 mntId = -1;      // from fdinfo; -1 = not read
    qint64 inode = -1;
    QString flags;          // octal, from fdinfo
    qint64 pos = -1;

    // socket:[123] / pipe:[123] -> 123; -1 otherwise.
    qint64 bracketInode() const;
    static QString kindOf(const QString &target);
};

// A process whose fds the snapshot read, and why.
struct InvolvedProcess
{
    qint64 pid = 0;
    QString reason; // d-state, lock, fuse-server, zombie-leader
};

// Scheduler counters and signal masks of one thread.
struct TaskSched
{
    qint64 pid = 0;
    qint64 tid = 0;
    qint64 voluntary = -1;     // voluntary_ctxt_switches; -1 = not read
    qint64 nonvoluntary = -1;
    qint64 runNs = -1;         // schedstat: time on CPU
    qint64 waitNs = -1;        // schedstat: time runnable, waiting for a CPU
    qint64 timeslices = -1;
    QString sigPnd;            // hex mask as printed (bit N-1 = signal N)
    QString shdPnd;
    QString sigBlk;

    // Whether signal sig (1..64) is set in a status mask.
    static bool maskHas(const QString &hexMask, int sig);
    bool pending(int sig) const { return maskHas(sigPnd, sig) || maskHas(shdPnd, sig); }
    qint64 switches() const { return voluntary < 0 || nonvoluntary < 0 ? -1 : voluntary + nonvoluntary; }
};

// One line of /proc/PID/task/TID/cgroup.
struct TaskCgroup
{
    qint64 pid = 0;
    qint64 tid = 0;
    int hierarchy = 0;      // 0 = cgroup v2
    QString controllers;
    QString path;
};

// One per-op line of an NFS mount in /proc/self/mountstats.
struct NfsOpStats
{
    QString mountPoint;
    QString server;
    QString exportPath;
    QString op;
    qint64 ops = 0;
    qint64 transmissions = -1;
    qint64 timeouts = -1;
    qint64 bytesSent = -1;
    qint64 bytesReceived = -1;
    qint64 queueMs = -1;
    qint64 rttMs = -1;
    qint64 executeMs = -1;
    qint64 errors = -1;
};

struct BlockerEvidence
{
    QList<FileLock> locks;
    QList<FdTarget> fds;
    QList<InvolvedProcess> involved;
    QList<TaskSched> sched;
    QList<TaskCgroup> taskCgroups;
    QList<NfsOpStats> nfsOps;
};
