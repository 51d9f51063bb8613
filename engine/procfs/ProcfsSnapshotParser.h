#pragma once

#include "ProcfsSample.h"
#include "util/CancelToken.h"
#include "util/TimeLimits.h"

#include <QByteArray>
#include <QHash>
#include <functional>

// Parses the output of the procfs snapshot script (stdout and stderr) into
// samples: one onSample call per sample, then onFinished, or onFailed when
// the data is not a snapshot at all. A stream cut short gives its samples so
// far, the last one flagged in problems. Never throws on hostile input.
class ProcfsSnapshotParser
{
public:
    std::function<void(const ProcfsSample &)> onSample;
    std::function<void()> onFinished;
    std::function<void(const QString &)> onFailed;

    void parse(QByteArrayView out, QByteArrayView err, const CancelToken &cancel = {});

    static constexpr int kClockTicks = 100; // USER_HZ on every Linux ABI
    // A task start (stat field 22, ticks since boot) later than any real
    // uptime is corrupt or hostile: it gets no wall-clock start.
    static constexpr qint64 kMaxStartTicks = TimeLimits::kMaxEpochSeconds * kClockTicks;
    // Bounds of the fd targets kept per sample (the script reads the same).
    static constexpr int kMaxInvolved = 64;
    static constexpr int kMaxFdsPerProcess = 1024;

private:
    struct Host
    {
        QString kernel, hostname, os;
        QList<HostValue> values;
        QHash<qint64, QString> users;
        qint64 uid = -1;
        QString userName;
    };
    int m_format = 1;
    // Per sample: what the blocker evidence sections leave for finishSample.
    struct SampleEvidence
    {
        QHash<qint64, qsizetype> schedByTid;
        QByteArray links;                        // the LINKS body: fd targets of the involved processes
        QHash<QPair<qint64, qint64>, FdTarget> fdinfo; // (pid, fd)
        bool sawInvolved = false;
    };
    SampleEvidence m_evidence;
    TaskSched &schedOf(ProcfsSample &s, qint64 pid, qint64 tid);
    void parseEvidenceSection(const QByteArray &name, const QByteArray &body, ProcfsSample &s);
    void finishEvidence(ProcfsSample &s);
    void parseHost(const QByteArray &name, const QByteArray &body, Host &host);
    void parseSection(const QByteArray &name, const QByteArray &body, ProcfsSample &s, QHash<qint64, qsizetype> &byTid,
                      QHash<qint64, QByteArray> &stackErrors);
    void finishSample(ProcfsSample &s, QHash<qint64, qsizetype> &byTid, QHash<qint64, QByteArray> &stackErrors,
                      const Host &host, bool complete);
};
