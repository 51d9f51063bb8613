#pragma once

#include <QString>

#include <optional>

// How the strace pane writes numbers and untrusted text: durations with
// units (µs, ms, s, min, h), times of day or relative offsets, one-line text.
class StraceText
{
public:
    // 37 µs, 2.05 ms, 45.784 s, 12 min 5 s, 3 h 20 min.
    static QString duration(qint64 us);
    // Empty when unknown.
    static QString duration(const std::optional<qint64> &us);
    // ISO 8601 UTC with microseconds for absolute times, +s.uuuuuu for the
    // relative times of strace -r traces; empty for null.
    static QString time(const std::optional<qint64> &us);
    // Text from a trace on one line: newlines, tabs and other control
    // characters shown as escapes, cut at maxChars with an ellipsis.
    static QString oneLine(const QString &text, int maxChars = 2000);
};
