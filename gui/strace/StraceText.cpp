#include "StraceText.h"

#include <QDateTime>
#include <QTimeZone>

namespace {
// Times before this are strace -r offsets (relative to the first line), not
// microseconds since the epoch.
constexpr qint64 kRelativeLimitUs = 10LL * 365 * 24 * 3600 * 1000000;
}

QString StraceText::duration(qint64 us)
{
    if (us < 0)
        return QStringLiteral("?");
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us);
    if (us < 1000000)
        return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 2 : 1);
    if (us < 60LL * 1000000)
        return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', 3);
    const qint64 s = us / 1000000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString StraceText::duration(const std::optional<qint64> &us)
{
    return us ? duration(*us) : QString();
}

QString StraceText::time(const std::optional<qint64> &value)
{
    if (!value)
        return {};
    const qint64 us = *value;
    const QString frac = QStringLiteral("%1").arg(((us % 1000000) + 1000000) % 1000000, 6, 10, QLatin1Char('0'));
    if (us < kRelativeLimitUs)
        return QStringLiteral("+%1.%2 s").arg(us / 1000000).arg(frac);
    return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
           + QLatin1Char('.') + frac;
}

QString StraceText::oneLine(const QString &text, int maxChars)
{
    QString out;
    out.reserve(qMin(int(text.size()), maxChars) + 8);
    for (const QChar c : text) {
        if (out.size() >= maxChars) {
            out += QStringLiteral("…");
            break;
        }
        switch (c.unicode()) {
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}
