#pragma once

#include <QList>
#include <QString>

// What `casectl collect ... --strace-pid/--strace-cmd` asked for.
struct StraceCaptureOptions
{
    QList<qint64> pids;      // attach to these (strace -p), or
    QString command;         // run this under strace (sh -c)
    int durationSeconds = 10;
    qint64 maxBytes = 256LL << 20; // the log is cut (strace stopped) beyond this

    // The POSIX shell script run on the host: starts `strace -f -tt -T -yy`
    // (times in UTC), stops it with SIGINT after the duration or the size cap
    // (strace then detaches from its tracees), and prints where the log is.
    QString script() const;
};
