#pragma once

#include <QString>
#include <QStringList>

// One thread of one process as a procfs snapshot saw it.
struct ProcTask
{
    qint64 id = 0;          // procfs_tasks.id once stored
    qint64 snapshotId = 0;
    qint64 pid = 0;         // tgid
    qint64 tid = 0;
    qint64 ppid = 0;
    qint64 uid = -1;        // -1 = unknown
    QString user;
    QString comm;           // exact bytes of comm (UTF-8, lossless for ASCII)
    QString state;          // stat's state letter
    QString statusState;    // status's state letter ('' if unreadable); Z where stat says D = a dead thread
    QString wchan;
    QString stackStatus;    // ok, empty, not-permitted, vanished, unreadable
    QStringList stackRaw;   // frames as read, with offsets
    qint64 stackId = 0;
    QString stackSignature;
    QString cmdline;        // arguments joined by spaces
    QString cmdlineStatus;  // ok, empty, skipped-d-state, unreadable
    QString cgroup;
    qint64 startTicks = -1;
    qint64 startUs = 0;
    qint64 pidns = 0;
    qint64 utimeTicks = 0;
    qint64 stimeTicks = 0;
    qint64 threads = 0;
    int fdTotal = -1;       // -1 = fd table not readable
    int fdInotify = 0;
    int fdEventpoll = 0;
    int fdSocket = 0;
    int fdFile = 0;
    QList<qint64> socketInodes;

    // The state to reason with: status's letter when it says the thread is a
    // zombie (a dead thread that stat still shows as D), else stat's.
    bool isZombieInDisguise() const { return state == QLatin1String("D") && statusState == QLatin1String("Z"); }
    bool isReallyD() const { return state == QLatin1String("D") && statusState != QLatin1String("Z"); }
};
