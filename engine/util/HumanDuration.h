#pragma once

#include <QString>

// Durations as people read them: "850 ms", "12.4 s", "3 min 20 s",
// "4 h 05 min", "16 d 12 h". Never scientific notation; negative durations
// keep their sign.
namespace HumanDuration {
QString fromUs(qint64 us);
inline QString fromSeconds(double seconds) { return fromUs(qint64(seconds * 1e6)); }
}
