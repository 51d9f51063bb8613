#include "HumanDuration.h"

#include <limits>

namespace HumanDuration {

QString fromUs(qint64 us)
{
    if (us == std::numeric_limits<qint64>::min())
        us += 1;
    if (us < 0)
        return QLatin1Char('-') + fromUs(-us);
    constexpr qint64 ms = 1000, s = 1000 * ms, min = 60 * s, h = 60 * min, d = 24 * h;
    if (us < ms)
        return QStringLiteral("%1 µs").arg(us);
    if (us < s)
        return QStringLiteral("%1 ms").arg(us / ms);
    if (us < 10 * s)
        return QStringLiteral("%1 s").arg(double(us) / double(s), 0, 'f', 2);
    if (us < min)
        return QStringLiteral("%1 s").arg(double(us) / double(s), 0, 'f', 1);
    if (us < h)
        return QStringLiteral("%1 min %2 s").arg(us / min).arg((us % min) / s);
    if (us < d)
        return QStringLiteral("%1 h %2 min").arg(us / h).arg((us % h) / min, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(us / d).arg((us % d) / h);
}

}
