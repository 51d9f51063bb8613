#include "HostSpec.h"

#include <stdexcept>

HostSpec HostSpec::parse(const QString &text)
{
    HostSpec spec;
    QString rest = text.trimmed();
    if (rest.startsWith(QLatin1String("ssh://")))
        rest = rest.mid(6);
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        spec.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            throw std::invalid_argument("host spec: missing ']'");
        spec.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (after.startsWith(QLatin1Char(':')))
            portText = after.mid(1);
        else if (!after.isEmpty())
            throw std::invalid_argument("host spec: unexpected text after ']'");
    } else if (rest.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        spec.host = rest.left(colon);
        portText = rest.mid(colon + 1);
    } else {
        spec.host = rest; // a name, or a bare IPv6 address
    }
    if (!portText.isEmpty() || rest.endsWith(QLatin1Char(':'))) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            throw std::invalid_argument("host spec: bad port");
        spec.port = port;
    }
    if (spec.host.isEmpty())
        throw std::invalid_argument("host spec: empty host name");
    for (QChar c : std::as_const(spec.host)) {
        if (c.isSpace() || c.unicode() < 0x20 || c == QLatin1Char('\'') || c == QLatin1Char('"'))
            throw std::invalid_argument("host spec: invalid character in host name");
    }
    if (at >= 0 && spec.user.isEmpty())
        throw std::invalid_argument("host spec: empty user name");
    return spec;
}

QString HostSpec::toString() const
{
    QString s;
    if (!user.isEmpty())
        s += user + QLatin1Char('@');
    s += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        s += QLatin1Char(':') + QString::number(port);
    return s;
}
