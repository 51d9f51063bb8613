#include "Redactor.h"

#include "util/CaseError.h"

#include <algorithm>
#include <functional>

namespace {
const QRegularExpression &ipv4Re()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![0-9.])((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})(?![0-9]|\\.[0-9])"));
    return re;
}
const QRegularExpression &procNetRe()
{
    // /proc/net/{tcp,udp} "0100007F:1F90": little-endian hex IPv4 and port.
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Fa-f])([0-9A-F]{8}):([0-9A-F]{4})(?![0-9A-Fa-f])"));
    return re;
}
const QRegularExpression &ipv6Re()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![0-9A-Za-z:])("
        "(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
        "|(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}"
        "|(?:[0-9A-Fa-f]{1,4}:){2,7}:"
        "|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}"
        ")(?![0-9A-Za-z:])"));
    return re;
}
const QRegularExpression &macRe()
{
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2})(?![0-9A-Fa-f:])"));
    return re;
}
const QRegularExpression &emailRe()
{
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})(?![A-Za-z0-9])"));
    return re;
}

bool keepIpv4(const QString &ip)
{
    return ip.startsWith(QLatin1String("127.")) || ip == QLatin1String("0.0.0.0") || ip.startsWith(QLatin1String("255."))
        || ip.startsWith(QLatin1String("192.0.2.")) || ip.startsWith(QLatin1String("198.51.100."))
        || ip.startsWith(QLatin1String("203.0.113."));
}

QString latin1View(const QString &s)
{
    return QString::fromLatin1(s.toUtf8());
}
}

Redactor::Redactor(PseudonymMap &map, const Options &options) : m_map(map), m_options(options)
{
    if (!profiles().contains(m_options.profile))
        throw CaseError(QStringLiteral("unknown redaction profile '%1' (standard, strict)").arg(m_options.profile));
    for (const QString &t : options.terms)
        if (!t.trimmed().isEmpty())
            m_literals.insert(t.trimmed().toLower(), {QStringLiteral("term"), t.trimmed()});
    for (const QString &p : options.patterns) {
        QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid())
            throw CaseError(QStringLiteral("invalid redaction pattern '%1': %2").arg(p, re.errorString()));
        m_patterns.append(re);
    }
}

bool Redactor::isSystemAccount(const QString &user)
{
    static const QStringList system{QStringLiteral("root"), QStringLiteral("nobody"), QStringLiteral("daemon"), QStringLiteral("bin"),
                                    QStringLiteral("sys"), QStringLiteral("www-data"), QStringLiteral("unknown"), QStringLiteral("casebook"),
                                    QStringLiteral("local"), QStringLiteral("localhost"), QStringLiteral("localhost.localdomain")};
    return user.size() < 3 || system.contains(user.toLower());
}

void Redactor::addHost(const QString &raw)
{
    QString name = raw.trimmed();
    // "user@host:port" as a host entry may be named.
    if (name.contains(QLatin1Char('@'))) {
        addUser(name.section(QLatin1Char('@'), 0, 0));
        name = name.section(QLatin1Char('@'), 1);
    }
    if (name.count(QLatin1Char(':')) == 1)
        name = name.section(QLatin1Char(':'), 0, 0);
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (isSystemAccount(name) || ipv4Re().match(name).capturedLength(0) == name.size()
        || ipv6Re().match(name).capturedLength(0) == name.size())
        return; // addresses are caught by the address rules
    if (m_literals.contains(name.toLower()) || m_map.isPseudonym(name))
        return;
    m_literals.insert(name.toLower(), {QStringLiteral("host"), name});
    m_map.pseudonymFor(QStringLiteral("host"), name); // numbered in discovery order
    // The short name of a fully qualified one too.
    const QString shortName = name.section(QLatin1Char('.'), 0, 0);
    if (shortName != name && !isSystemAccount(shortName) && !m_literals.contains(shortName.toLower()) && !m_map.isPseudonym(shortName))
        m_literals.insert(shortName.toLower(), {QStringLiteral("host"), shortName});
    m_dirty = true;
}

void Redactor::addUser(const QString &raw)
{
    const QString name = raw.trimmed();
    if (isSystemAccount(name) || m_literals.contains(name.toLower()) || m_map.isPseudonym(name))
        return;
    m_literals.insert(name.toLower(), {QStringLiteral("user"), name});
    m_map.pseudonymFor(QStringLiteral("user"), name);
    m_dirty = true;
}

void Redactor::addPrincipal(const QString &principal)
{
    const QString p = principal.trimmed();
    if (p.isEmpty())
        return;
    if (p.contains(QLatin1Char('@'))) {
        addUser(p.section(QLatin1Char('@'), 0, 0));
        addHost(p.section(QLatin1Char('@'), 1));
    } else {
        addUser(p);
    }
}

void Redactor::rebuild()
{
    QStringList keys = m_literals.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    QStringList alts, altsBytes;
    m_literalsBytes.clear();
    for (const QString &k : keys) {
        alts.append(QRegularExpression::escape(k));
        const QString lb = latin1View(k);
        m_literalsBytes.insert(lb, m_literals.value(k));
        altsBytes.append(QRegularExpression::escape(lb));
    }
    const QString never = QStringLiteral("(?!)");
    m_literalRe = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9_])(%1)(?![A-Za-z0-9_])").arg(alts.isEmpty() ? never : alts.join(QLatin1Char('|'))),
                                     QRegularExpression::CaseInsensitiveOption);
    m_literalBytesRe = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9_])(%1)(?![A-Za-z0-9_])").arg(altsBytes.isEmpty() ? never : altsBytes.join(QLatin1Char('|'))),
                                          QRegularExpression::CaseInsensitiveOption);
    m_dirty = false;
}

QList<PseudonymMap::Entry> Redactor::originals() const
{
    QList<PseudonymMap::Entry> out = m_seenList;
    for (auto it = m_literals.constBegin(); it != m_literals.constEnd(); ++it)
        out.append({it->first, it->second, m_map.pseudonymFor(it->first, it->second)});
    return out;
}

QString Redactor::literalReplace(const QString &text, const QRegularExpression &re, const QHash<QString, QPair<QString, QString>> &byKey)
{
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const auto entry = byKey.value(m.captured(1).toLower());
        if (entry.first.isEmpty())
            continue;
        out += QStringView(text).mid(last, m.capturedStart(1) - last);
        out += m_map.pseudonymFor(entry.first, entry.second);
        last = m.capturedEnd(1);
        ++m_replacements;
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

QString Redactor::apply(const QString &input, bool bytesDomain)
{
    if (m_dirty)
        rebuild();
    QString text = literalReplace(input, bytesDomain ? m_literalBytesRe : m_literalRe, bytesDomain ? m_literalsBytes : m_literals);

    auto replaceAll = [&](const QRegularExpression &re, const std::function<QString(const QRegularExpressionMatch &)> &fn) {
        QString out;
        qsizetype last = 0;
        bool any = false;
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString replacement = fn(m);
            if (replacement.isNull())
                continue;
            out += QStringView(text).mid(last, m.capturedStart(0) - last);
            out += replacement;
            last = m.capturedEnd(0);
            any = true;
            ++m_replacements;
        }
        if (any) {
            out += QStringView(text).mid(last);
            text = out;
        }
    };
    auto note = [&](const QString &kind, const QString &original) {
        const QString key = kind + QLatin1Char('\n') + original;
        if (!m_seen.contains(key)) {
            m_seen.insert(key);
            m_seenList.append({kind, original, m_map.pseudonymFor(kind, original)});
        }
        return m_map.pseudonymFor(kind, original);
    };

    for (const QRegularExpression &re : std::as_const(m_patterns))
        replaceAll(re, [&](const QRegularExpressionMatch &m) {
            return m_map.isPseudonym(m.captured(0)) ? QString() : note(QStringLiteral("term"), m.captured(0));
        });
    replaceAll(emailRe(), [&](const QRegularExpressionMatch &m) {
        return m_map.isPseudonym(m.captured(1)) ? QString() : note(QStringLiteral("email"), m.captured(1));
    });
    replaceAll(ipv4Re(), [&](const QRegularExpressionMatch &m) {
        const QString ip = m.captured(1);
        return keepIpv4(ip) ? QString() : note(QStringLiteral("ip"), ip);
    });
    replaceAll(procNetRe(), [&](const QRegularExpressionMatch &m) {
        bool ok = false;
        const quint32 le = m.captured(1).toUInt(&ok, 16);
        if (!ok)
            return QString();
        const QString ip = QStringLiteral("%1.%2.%3.%4").arg(le & 0xff).arg((le >> 8) & 0xff).arg((le >> 16) & 0xff).arg(le >> 24);
        if (keepIpv4(ip) || (le & 0xff) == 0)
            return QString();
        const QStringList parts = note(QStringLiteral("ip"), ip).split(QLatin1Char('.'));
        if (parts.size() != 4)
            return QString();
        quint32 v = 0;
        for (int i = 3; i >= 0; --i)
            v = (v << 8) | parts.at(i).toUInt();
        m_seenList.append({QStringLiteral("ip-hex"), m.captured(1), QString()});
        return QStringLiteral("%1:%2").arg(v, 8, 16, QLatin1Char('0')).toUpper().arg(m.captured(2));
    });
    if (m_options.profile == QLatin1String("strict"))
        replaceAll(macRe(), [&](const QRegularExpressionMatch &m) {
            const QString mac = m.captured(1).toLower();
            return mac == QLatin1String("00:00:00:00:00:00") || mac == QLatin1String("ff:ff:ff:ff:ff:ff") || mac.startsWith(QLatin1String("02:00:00:00:"))
                ? QString() : note(QStringLiteral("mac"), mac);
        });
    replaceAll(ipv6Re(), [&](const QRegularExpressionMatch &m) {
        const QString ip = m.captured(1);
        const QString lower = ip.toLower();
        if (lower == QLatin1String("::1") || lower == QLatin1String("::") || lower.startsWith(QLatin1String("2001:db8:")))
            return QString();
        return note(QStringLiteral("ipv6"), ip.toLower());
    });
    return text;
}

QString Redactor::redact(const QString &text)
{
    return apply(text, false);
}

QByteArray Redactor::redactBytes(const QByteArray &bytes)
{
    return apply(QString::fromLatin1(bytes), true).toLatin1();
}
