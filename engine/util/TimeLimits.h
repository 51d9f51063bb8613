#pragma once

#include <QtGlobal>

// Bounds on times read from evidence (logs, traces, captures).
namespace TimeLimits {
// The latest time evidence may carry, in seconds since the epoch (year 5138).
// Later ones (and spans that long) are corrupt or hostile: parsers reject or
// flag them, and in microseconds every such time, and the difference of two,
// fits in qint64.
constexpr qint64 kMaxEpochSeconds = 100000000000LL;
}
