#pragma once

#include "StraceLine.h"

#include <QDateTime>
#include <QTimeZone>
#include <optional>

// Turns strace timestamps into Casebook times (microseconds since the epoch,
// UTC). -ttt is already absolute. -t/-tt print only the time of day in the
// traced host's zone: the day comes from a reference instant at or after the
// trace (the file's modification time, or the collection's end), and a jump
// back of more than 12 hours is taken as midnight passing. -r prints deltas:
// times stay relative to the first line (the trace says nothing absolute).
class StraceClock
{
public:
    explicit StraceClock(const QDateTime &reference = QDateTime::currentDateTimeUtc(),
                         const QTimeZone &zone = QTimeZone::systemTimeZone());

    // The day the trace starts, in the clock's zone, when the user knows it
    // (casectl import --date): -t/-tt times are then not guessed from the reference.
    void setStartDate(const QDate &day);

    // "Europe/Berlin", "UTC", "+02:00", "-0530", "UTC+2"; nullopt if not a zone.
    static std::optional<QTimeZone> parseZone(const QString &text);

    // Absolute (or, for -r, relative) microseconds for a line; false without a timestamp.
    // Always within +-kLimitUs (hostile sums and dates are capped there), so
    // differences of times and -T durations cannot overflow.
    bool timeOf(const StraceLine &line, qint64 &us);

    static constexpr qint64 kLimitUs = 200000000000LL * 1000000; // about year 8300

private:
    QDateTime m_reference;
    QTimeZone m_zone;
    bool m_dayKnown = false;
    qint64 m_dayStartUs = 0;
    qint64 m_lastTodUs = -1;
    qint64 m_relativeUs = 0;
};
