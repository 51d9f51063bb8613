#pragma once

#include <QDateTime>
#include <QString>

// Casebook stores every time as INTEGER microseconds since the Unix epoch, UTC.
namespace TimeUtil {
// The times Casebook computes with: 1970-01-01 to 2200-01-01. A time read
// from a case or a log outside them (a hostile or corrupt value such as
// 9223372036854.775 s) is clamped before any arithmetic or allocation.
constexpr qint64 kEarliestUs = 0;
constexpr qint64 kLatestUs = 7258118400LL * 1000000;
constexpr qint64 clampUs(qint64 us) { return us < kEarliestUs ? kEarliestUs : us > kLatestUs ? kLatestUs : us; }
qint64 nowUs();
qint64 toUs(const QDateTime &dt);
QDateTime fromUs(qint64 us);
// ISO 8601 UTC with milliseconds, e.g. 2026-11-21T11:38:33.120Z; empty for 0.
QString isoUtc(qint64 us);
// Parses ISO 8601 (with or without zone; no zone means UTC). Returns 0 on error.
qint64 parseIso(const QString &text);
}
