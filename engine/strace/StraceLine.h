#pragma once

#include <QByteArrayView>

// One line of strace text output, parsed in place: every view points into the
// caller's line buffer and is valid only as long as that buffer is.
struct StraceLine
{
    enum class Kind {
        Call,       // name(args) = ret
        Unfinished, // name(args <unfinished ...>
        Detached,   // name(args <detached ...>: strace let go while the call was in progress
        Resumed,    // <... name resumed>args) = ret
        Signal,     // --- SIGCHLD {...} ---  /  --- stopped by SIGSTOP ---
        Exited,     // +++ exited with N +++
        Killed,     // +++ killed by SIGKILL [(core dumped)] +++
        Info,       // strace: Process N attached, [ Process PID=N runs in 32 bit mode. ]
        Unparsed,
    };
    enum class TimeKind { None, TimeOfDay, Epoch, Relative };

    Kind kind = Kind::Unparsed;
    qint64 pid = 0;             // 0 when the line has no pid prefix
    TimeKind timeKind = TimeKind::None;
    bool timeHasFraction = false; // -tt rather than -t
    qint64 timeUs = 0;          // microseconds of day, since the epoch, or relative
    qint64 durationUs = -1;     // -T <secs>, -1 when absent

    QByteArrayView name;        // syscall or signal name
    QByteArrayView args;        // arguments (for Resumed: the tail after 'resumed>')
    QByteArrayView result;      // text after '= ' without errno/duration, e.g. "3</etc/passwd>", "?", "0 (Timeout)"
    bool hasResult = false;
    bool retIsNumber = false;   // result starts with an integer (decimal or 0x hex)
    qint64 ret = 0;
    bool retIsPlain = false;    // result is only that integer
    QByteArrayView retDecoration; // "/etc/passwd" of "3</etc/passwd>"
    QByteArrayView errnoName;   // ENOENT
    QByteArrayView errnoText;   // No such file or directory

    int exitCode = 0;           // Exited
    bool coreDumped = false;    // Killed
    bool outOfRange = false;    // a duration or exit code too large to be real: dropped (-T) or saturated (exit)

    void clear() { *this = StraceLine(); }
};
