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
    bool keepRunning = false; // --strace-cmd: leave the launched processes running at the end (the command
                              // then runs in the background of the shell strace starts, which strace ends)
    bool decodeFds = true;    // -yy: strace prints each fd's path or endpoint

    // The POSIX shell script run on the host. It starts `strace -f -tt -T -yy
    // -I waiting` (times in UTC; -I so that strace, which blocks fatal signals
    // when started as `-o FILE PROG`, still obeys SIGTERM) in a session of its
    // own (setsid; under `timeout` as a watchdog at the duration + 15 s, in
    // case the script itself is cut off), stops it with SIGTERM at the duration or the size cap (it
    // then detaches from its tracees, writing '<detached ...>'), SIGKILLs it
    // only if it does not stop within 2 s, ends what --strace-cmd launched
    // (its process group) unless keepRunning, and reports on stdout:
    //   casebook: log PATH
    //   casebook: stop duration|size|exited
    //   casebook: stopped-at MICROSECONDS-SINCE-EPOCH (the host's clock)
    //   casebook: strace-killed            (only when SIGTERM was not enough)
    //   casebook: ended-launched           (launched processes were still running: ended)
    QString script() const;
};
