#pragma once

#include <QByteArray>
#include <QString>

// /proc/PID/task/TID/stat. comm sits between the first '(' and the LAST ')',
// so names holding ')', spaces or newlines parse exactly.
struct ProcStatLine
{
    qint64 pid = 0;
    QString comm;
    QString state;
    qint64 ppid = 0;
    qint64 utime = 0;
    qint64 stime = 0;
    qint64 threads = 0;
    qint64 startTicks = 0;

    // Returns false for text that is not a stat line (truncated, garbage).
    static bool parse(QByteArrayView text, ProcStatLine *out);
};
