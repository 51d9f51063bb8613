#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// One strace call (or delivered signal) as the case holds it (strace_calls
// with its trace and host), what StraceQuery returns for hung, slowest, grep
// and single calls. toJson() is the `casectl strace --json` shape.
struct StraceCallRow
{
    qint64 callId = 0;
    qint64 traceId = 0;
    QString trace;            // log file name
    qint64 line = 0;          // 1-based line in the raw log where it started
    qint64 pid = 0;           // 0: the log names no process (one unknown process)
    std::optional<qint64> timeUs;
    QString time;             // ISO 8601 UTC, or +s.uuuuuu for strace -r; empty without timestamps
    bool signal = false;
    QString syscall;
    QString args;
    std::optional<qint64> ret;
    std::optional<QString> retText;
    std::optional<QString> errnoName;
    std::optional<qint64> durationUs; // for unfinished calls: the wait until the end of the capture; unset = unknown
    int unfinished = 0;               // StraceCall::Unfinished
    std::optional<qint64> fd;
    std::optional<QString> fdPath;
    bool fdInferred = false;          // fdPath followed from the log's open/dup/socket calls, not printed by strace -y
    std::optional<qint64> artifactId;
    QString host;
    std::optional<qint64> collectionId;

    bool isUnfinished() const { return unfinished != 0; }
    bool isDetached() const;
    // "trace-ended", "detached", "process-ended"; empty for a completed call.
    QString unfinishedReason() const;
    static QString unfinishedReasonName(int unfinished);
    // The call as strace printed it: "flock(11</srv/a>, LOCK_EX) = 0".
    QString formatted() const;
    // "pid 123", or "an unknown process" for a log without pids.
    QString processText() const;
    QJsonObject toJson() const;
};
