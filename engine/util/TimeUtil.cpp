#include "TimeUtil.h"

#include <QTimeZone>

namespace TimeUtil {

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

qint64 toUs(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() * 1000 : 0;
}

QDateTime fromUs(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::UTC);
}

QString isoUtc(qint64 us)
{
    if (us == 0)
        return {};
    return fromUs(us).toString(Qt::ISODateWithMs);
}

qint64 parseIso(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!dt.isValid())
        return 0;
    if (dt.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('Z')) && !text.contains(QLatin1Char('+')))
        dt.setTimeZone(QTimeZone::UTC);
    return toUs(dt);
}

}
