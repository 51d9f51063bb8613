#include "NetworkText.h"

#include "util/TimeUtil.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QTimeZone>

QString NetworkText::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1024 ? 0 : 1);
}

QString NetworkText::duration(qint64 us)
{
    const QLocale l;
    if (us < 0)
        us = 0;
    if (us < 1000)
        return tr("%1 ms").arg(l.toString(double(us) / 1000.0, 'f', 3));
    if (us < 1000000)
        return tr("%1 ms").arg(l.toString(double(us) / 1000.0, 'f', 1));
    if (us < 120 * 1000000LL)
        return tr("%1 s").arg(l.toString(double(us) / 1e6, 'f', 2));
    const qint64 s = us / 1000000;
    if (s < 7200)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString NetworkText::millis(const QJsonValue &us)
{
    if (us.isNull() || us.isUndefined())
        return QStringLiteral("–");
    return QLocale().toString(double(us.toInteger()) / 1000.0, 'f', 3);
}

QString NetworkText::clock(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString NetworkText::endpoint(const QString &address, qint64 port, qint64 ipVersion)
{
    const QString a = oneLine(address);
    if (port < 0)
        return a;
    return ipVersion == 6 ? QStringLiteral("[%1]:%2").arg(a).arg(port) : QStringLiteral("%1:%2").arg(a).arg(port);
}

QString NetworkText::service(qint64 port, const QString &protocol)
{
    const bool tcp = protocol == QLatin1String("tcp");
    switch (port) {
    case 22: return tcp ? QStringLiteral("ssh") : QString();
    case 53: return QStringLiteral("dns");
    case 80: return tcp ? QStringLiteral("http") : QString();
    case 111: return QStringLiteral("portmapper");
    case 443: return tcp ? QStringLiteral("https") : QString();
    case 662: return QStringLiteral("status (statd)");
    case 875: return QStringLiteral("rquotad");
    case 2049: return QStringLiteral("nfs");
    case 4045: return QStringLiteral("nlockmgr (lockd)");
    case 20048: return QStringLiteral("mountd");
    }
    return {};
}

QString NetworkText::rpcProgram(const QJsonObject &row)
{
    return QStringLiteral("%1 v%2 (%3)").arg(text(row, "program_name")).arg(integer(row, "version")).arg(integer(row, "program"));
}

qint64 NetworkText::integer(const QJsonObject &row, const char *key)
{
    return row.value(QLatin1String(key)).toInteger();
}

QString NetworkText::text(const QJsonObject &row, const char *key)
{
    const QJsonValue v = row.value(QLatin1String(key));
    return oneLine(v.isString() ? v.toString() : v.toVariant().toString());
}

QString NetworkText::oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
