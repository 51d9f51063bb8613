#pragma once

#include <QString>

// Identifies a running process across pid reuse: pid + boot-relative start
// time + machine. Used to tell whether the writer of a "running" collection is
// still alive, or crashed and left it incomplete.
struct ProcessIdentity
{
    qint64 pid = 0;
    QString startTime; // field 22 of /proc/PID/stat
    QString machine;   // hostname

    static ProcessIdentity current();
    // True if this identity names a live process on this machine.
    bool isAlive() const;
    static QString startTimeOf(qint64 pid);
};
