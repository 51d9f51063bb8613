#pragma once

#include <QtNumeric>
#include <cmath>
#include <limits>

// Integer arithmetic on values from untrusted input (times, durations,
// counters): results that do not fit in qint64 stop at its limits instead of
// overflowing (undefined behaviour). Callers that must tell the user flag the
// value themselves; these only keep the arithmetic defined.
namespace SaturatingMath {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

inline qint64 add(qint64 a, qint64 b)
{
    qint64 r;
    if (qAddOverflow(a, b, &r))
        return b > 0 ? kMax : kMin;
    return r;
}

inline qint64 sub(qint64 a, qint64 b)
{
    qint64 r;
    if (qSubOverflow(a, b, &r))
        return b < 0 ? kMax : kMin;
    return r;
}

inline qint64 mul(qint64 a, qint64 b)
{
    qint64 r;
    if (qMulOverflow(a, b, &r))
        return (a < 0) != (b < 0) ? kMin : kMax;
    return r;
}

// v as qint64 when it is finite and within [lo, hi] (bounds of at most 2^62
// in magnitude); false otherwise (the cast of a double out of range is undefined).
inline bool toInt64(double v, qint64 lo, qint64 hi, qint64 &out)
{
    if (!std::isfinite(v) || v < double(lo) || v > double(hi))
        return false;
    out = qint64(v);
    return true;
}
}
