#pragma once

#include <QByteArrayView>

// A complete record the strace parser emits: a system call (an unfinished /
// resumed pair already joined) or a delivered signal. Views are valid only
// during the sink callback.
struct StraceCall
{
    enum Unfinished { Completed = 0, TraceEnded = 1, Detached = 2, ProcessEnded = 3 };

    qint64 line = 0;          // 1-based line where the call started
    qint64 pid = 0;
    bool hasTime = false;
    qint64 timeUs = 0;        // start
    bool isSignal = false;
    QByteArrayView name;
    QByteArrayView args;
    bool hasResult = false;
    bool retIsNumber = false;
    qint64 ret = 0;
    QByteArrayView retText;   // empty when the result is a plain integer
    QByteArrayView errnoName;
    QByteArrayView errnoText;
    qint64 durationUs = -1;   // -1 unknown; for unfinished calls the time waited until the end
    int unfinished = Completed;
    qint64 fd = -1;
    QByteArrayView fdPath;
    bool fdInferred = false;  // fdPath followed from earlier open/dup/socket/... calls, not printed by strace -y
};

// '+++ exited with N +++' or '+++ killed by SIGx +++'.
struct StraceExit
{
    qint64 line = 0;
    qint64 pid = 0;
    bool hasTime = false;
    qint64 timeUs = 0;
    bool killed = false;
    int exitCode = 0;
    QByteArrayView signal;
    bool coreDumped = false;
};
