#include "IpAddressText.h"

#include <QList>

namespace {
bool isDottedQuad(QStringView s)
{
    const auto parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (QStringView p : parts) {
        bool ok = false;
        if (p.isEmpty() || p.size() > 3 || p.toUInt(&ok) > 255 || !ok)
            return false;
    }
    return true;
}

// Hex groups of one side of "::"; false when one is not 1-4 hex digits.
bool parseGroups(QStringView s, QList<quint16> &out)
{
    if (s.isEmpty())
        return true;
    for (QStringView g : s.split(QLatin1Char(':'))) {
        bool ok = false;
        const uint v = g.toUInt(&ok, 16);
        if (g.isEmpty() || g.size() > 4 || !ok)
            return false;
        out.append(quint16(v));
    }
    return true;
}
}

bool IpAddressText::isIpv4(QStringView s)
{
    return isDottedQuad(s);
}

QString IpAddressText::fromProcNetHex(QStringView hex)
{
    bool ok = false;
    const quint32 le = hex.toUInt(&ok, 16);
    if (!ok || hex.size() != 8)
        return {};
    return QStringLiteral("%1.%2.%3.%4").arg(le & 0xff).arg((le >> 8) & 0xff).arg((le >> 16) & 0xff).arg(le >> 24);
}

QString IpAddressText::toProcNetHex(const QString &ip)
{
    const QStringList parts = ip.split(QLatin1Char('.'));
    quint32 v = 0;
    for (int i = 3; i >= 0 && parts.size() == 4; --i)
        v = (v << 8) | parts.at(i).toUInt();
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')).toUpper();
}

QString IpAddressText::canonicalIpv6(QStringView s)
{
    QStringView dotted;
    QStringView hex = s;
    if (s.contains(QLatin1Char('.'))) {
        const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
        if (colon < 0 || !isDottedQuad(s.mid(colon + 1)))
            return {};
        dotted = s.mid(colon + 1);
        hex = s.left(colon + 1);
        if (!hex.endsWith(QLatin1String("::")))
            hex.chop(1); // "a:b:1.2.3.4" -> "a:b"
    }
    const int tail = dotted.isEmpty() ? 0 : 2;
    QList<quint16> head, rest;
    const qsizetype gap = hex.indexOf(QLatin1String("::"));
    if (gap >= 0) {
        if (hex.indexOf(QLatin1String("::"), gap + 1) >= 0 || !parseGroups(hex.left(gap), head) || !parseGroups(hex.mid(gap + 2), rest))
            return {};
        if (head.size() + rest.size() + tail > 7)
            return {};
    } else {
        if (!parseGroups(hex, head) || head.size() + tail != 8)
            return {};
    }
    QList<quint16> groups = head;
    while (groups.size() + rest.size() + tail < 8)
        groups.append(0);
    groups += rest;

    // The longest run of two or more zero groups becomes "::" (the first of equals).
    int bestAt = -1, bestLen = 1;
    for (int i = 0; i < groups.size();) {
        int j = i;
        while (j < groups.size() && groups.at(j) == 0)
            ++j;
        if (j - i > bestLen) {
            bestAt = i;
            bestLen = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    QString out;
    for (int i = 0; i < groups.size(); ++i) {
        if (i == bestAt) {
            out += QLatin1String("::");
            i += bestLen - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(QLatin1Char(':')))
            out += QLatin1Char(':');
        out += QString::number(groups.at(i), 16);
    }
    if (!dotted.isEmpty()) {
        if (!out.endsWith(QLatin1Char(':')))
            out += QLatin1Char(':');
        out += dotted;
    }
    return out;
}

qsizetype IpAddressText::ipv6Length(QStringView token)
{
    while (token.endsWith(QLatin1Char('.')) || (token.endsWith(QLatin1Char(':')) && !token.endsWith(QLatin1String("::"))))
        token.chop(1);
    if (!canonicalIpv6(token).isNull())
        return token.size();
    // "fd00:1234::40:40000" (a group cannot have five digits) and tcpdump's
    // "fd00:1234::40.2049": the address, then a port.
    for (const QChar sep : {QLatin1Char(':'), QLatin1Char('.')}) {
        const qsizetype at = token.lastIndexOf(sep);
        if (at <= 0 || token.size() - at - 1 < 1 || token.size() - at - 1 > 5)
            continue;
        bool ok = false;
        const uint port = token.mid(at + 1).toUInt(&ok, 10);
        if (ok && port <= 65535 && !canonicalIpv6(token.left(at)).isNull())
            return at;
    }
    return 0;
}

bool IpAddressText::keepIpv4(const QString &ip)
{
    return ip.startsWith(QLatin1String("127.")) || ip == QLatin1String("0.0.0.0") || ip.startsWith(QLatin1String("255."))
        || ip.startsWith(QLatin1String("192.0.2.")) || ip.startsWith(QLatin1String("198.51.100."))
        || ip.startsWith(QLatin1String("203.0.113."));
}

bool IpAddressText::keepIpv6(const QString &canonical)
{
    if (canonical == QLatin1String("::1") || canonical == QLatin1String("::") || canonical.startsWith(QLatin1String("2001:db8:")))
        return true;
    // Multicast groups (ff02::1, ff02::1:2) name no host; solicited-node ones
    // (ff02::1:ff23:4567) carry the end of an address.
    if (canonical.startsWith(QLatin1String("ff")) && canonical.indexOf(QLatin1Char(':')) == 4 && !canonical.contains(QLatin1String(":1:ff")))
        return true;
    for (const QLatin1String mapped : {QLatin1String("::ffff:"), QLatin1String("::")})
        if (canonical.startsWith(mapped) && canonical.count(QLatin1Char('.')) == 3 && canonical.lastIndexOf(QLatin1Char(':')) == mapped.size() - 1)
            return keepIpv4(canonical.mid(mapped.size()));
    return false;
}
