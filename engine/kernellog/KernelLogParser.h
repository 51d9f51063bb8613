#pragma once

#include "KernelLogLine.h"
#include "util/CancelToken.h"
#include "util/TimeLimits.h"

#include <QByteArray>
#include <QStringList>
#include <functional>

// Parses a kernel log into lines (wall-clock time = boot time + the printed
// seconds since boot) and recognised events. Accepts plain dmesg output,
// journalctl -k -o short-monotonic, and the kernel-log collector's output
// (a "CASEBOOK-KLOG 1" header giving the boot time). Binary junk and
// truncated lines are kept as text, never fatal.
class KernelLogParser
{
public:
    std::function<void(const KernelLogLine &)> onLine;
    std::function<void(const KernelLogEvent &)> onEvent;
    std::function<void()> onFinished;
    std::function<void(const QString &)> onFailed;

    // bootTimeUs: wall-clock boot time when the data carries none (0 = unknown).
    void parse(QByteArrayView data, qint64 bootTimeUs = 0, const CancelToken &cancel = {});

    // Boot time and source found in the collector header (after parse);
    // source "none" when no source could be read.
    qint64 bootTimeUs() const { return m_bootUs; }
    const QString &source() const { return m_source; }
    // The header's "unreadable SOURCE: WHY" lines ("dmesg: Operation not
    // permitted") and its "user UID NAME" line (-1 / empty when absent).
    const QStringList &unreadable() const { return m_unreadable; }
    qint64 readAsUid() const { return m_readAsUid; }
    const QString &readAsName() const { return m_readAsName; }

    // Lines whose seconds since boot are beyond any real uptime (flagged
    // timeOutOfRange, without a wall-clock time), in the last parse.
    qint64 outOfRangeTimes() const { return m_outOfRangeTimes; }

    static constexpr int kMaxLines = 2000000;
    // Longest uptime taken as real (about 3000 years); later "[seconds]" are hostile or corrupt.
    static constexpr qint64 kMaxUptimeUs = TimeLimits::kMaxEpochSeconds * 1000000;

private:
    qint64 m_bootUs = 0;
    qint64 m_outOfRangeTimes = 0;
    QString m_source;
    QStringList m_unreadable;
    qint64 m_readAsUid = -1;
    QString m_readAsName;
};
