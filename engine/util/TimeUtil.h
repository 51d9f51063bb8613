#pragma once

#include <QDateTime>
#include <QString>

// Casebook stores every time as INTEGER microseconds since the Unix epoch, UTC.
namespace TimeUtil {
qint64 nowUs();
qint64 toUs(const QDateTime &dt);
QDateTime fromUs(qint64 us);
// ISO 8601 UTC with milliseconds, e.g. 2026-11-21T11:38:33.120Z; empty for 0.
QString isoUtc(qint64 us);
// Parses ISO 8601 (with or without zone; no zone means UTC). Returns 0 on error.
qint64 parseIso(const QString &text);
}
