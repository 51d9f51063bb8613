#include "StraceClock.h"

#include "util/SaturatingMath.h"

#include <QRegularExpression>

namespace {
constexpr qint64 kDayUs = 86400LL * 1000000;
constexpr qint64 kHalfDayUs = kDayUs / 2;
}

StraceClock::StraceClock(const QDateTime &reference, const QTimeZone &zone)
    : m_reference(reference.isValid() ? reference : QDateTime::currentDateTimeUtc()), m_zone(zone)
{
}

void StraceClock::setStartDate(const QDate &day)
{
    if (!day.isValid())
        return;
    m_dayStartUs = qBound(-kLimitUs, SaturatingMath::mul(QDateTime(day, QTime(0, 0), m_zone).toMSecsSinceEpoch(), 1000), kLimitUs);
    m_dayKnown = true;
}

std::optional<QTimeZone> StraceClock::parseZone(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (t.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 || t == QLatin1String("Z"))
        return QTimeZone(QTimeZone::UTC);
    if (t.startsWith(QLatin1String("UTC"), Qt::CaseInsensitive) || t.startsWith(QLatin1String("GMT"), Qt::CaseInsensitive))
        t = t.mid(3);
    static const QRegularExpression offset(QStringLiteral("^([+-])(\\d{1,2})(?::?(\\d{2}))?$"));
    const QRegularExpressionMatch m = offset.match(t);
    if (m.hasMatch()) {
        const int hours = m.captured(2).toInt(), minutes = m.captured(3).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int seconds = (hours * 3600 + minutes * 60) * (m.captured(1) == QLatin1String("-") ? -1 : 1);
        return QTimeZone::fromSecondsAheadOfUtc(seconds);
    }
    const QTimeZone zone(text.trimmed().toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

bool StraceClock::timeOf(const StraceLine &line, qint64 &us)
{
    switch (line.timeKind) {
    case StraceLine::TimeKind::None:
        return false;
    case StraceLine::TimeKind::Epoch:
        us = qBound(-kLimitUs, line.timeUs, kLimitUs);
        return true;
    case StraceLine::TimeKind::Relative:
        m_relativeUs = qBound(-kLimitUs, SaturatingMath::add(m_relativeUs, line.timeUs), kLimitUs);
        us = m_relativeUs;
        return true;
    case StraceLine::TimeKind::TimeOfDay:
        break;
    }
    const qint64 tod = line.timeUs;
    if (!m_dayKnown) {
        const QDateTime ref = m_reference.toTimeZone(m_zone);
        QDate day = ref.date();
        const qint64 refTod = qint64(ref.time().msecsSinceStartOfDay()) * 1000;
        if (tod > refTod + 3600LL * 1000000) // later in the day than the reference: the day before
            day = day.addDays(-1);
        m_dayStartUs = qBound(-kLimitUs, SaturatingMath::mul(QDateTime(day, QTime(0, 0), m_zone).toMSecsSinceEpoch(), 1000), kLimitUs);
        m_dayKnown = true;
    } else if (tod + kHalfDayUs < m_lastTodUs) {
        m_dayStartUs = qMin(m_dayStartUs + kDayUs, kLimitUs);
    }
    m_lastTodUs = tod;
    us = qMin(m_dayStartUs + tod, kLimitUs);
    return true;
}
