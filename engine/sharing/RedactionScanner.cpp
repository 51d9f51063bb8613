#include "RedactionScanner.h"

#include "IpAddressText.h"
#include "PseudonymMap.h"
#include "util/CaseError.h"

#include <algorithm>
#include <vector>

namespace {
const QRegularExpression &fingerprintRe()
{
    // OpenSSH: "SHA256:" + 43 base64 characters, or "MD5:" + 16 hex pairs.
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9+/_])(?:(?i:SHA256):([A-Za-z0-9+/]{43})|(?i:MD5):((?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2}))(?![A-Za-z0-9+/_:])"));
    return re;
}
const QRegularExpression &publicKeyRe()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9_-])(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com)"
        "[ \\t]+(AAAA[A-Za-z0-9+/]{12,}={0,3})(?![A-Za-z0-9+/=])"));
    return re;
}
const QRegularExpression &emailRe()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})(?![A-Za-z0-9])"));
    return re;
}
const QRegularExpression &ipv4Re()
{
    // Not followed by more digits, but possibly by one ".port" (tcpdump: "10.1.84.31.2049").
    static const QRegularExpression re(QStringLiteral(
        "(?<![0-9.])((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})"
        "(?![0-9]|\\.[0-9]+\\.[0-9]|\\.[0-9]{6})"));
    return re;
}
const QRegularExpression &procNetRe()
{
    // /proc/net/{tcp,udp} "0100007F:1F90": little-endian hex IPv4 and port.
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Fa-f])([0-9A-F]{8}):([0-9A-F]{4})(?![0-9A-Fa-f])"));
    return re;
}
const QRegularExpression &macRe()
{
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2})(?![0-9A-Fa-f:])"));
    return re;
}
const QRegularExpression &ipv6CandidateRe()
{
    // A run of hex digits, colons and dots with at least two colons; which
    // part of it is an address IpAddressText decides.
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Za-z_:.])[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?![0-9A-Za-z_])"));
    return re;
}

QString latin1View(const QString &s)
{
    return QString::fromLatin1(s.toUtf8());
}

// Drops matches that touch text shaped like a pseudonym (host-1, user-2,
// host-1.domain-1.invalid, email-1@example.org...). One pass over the text
// finds the pseudonym-shaped spans (in order, not overlapping); each match is
// then looked up among them: linear in the text, whatever the match count.
QList<RedactionScanner::Match> withoutPseudonyms(const QString &text, QList<RedactionScanner::Match> matches)
{
    if (matches.isEmpty())
        return matches;
    std::vector<std::pair<qsizetype, qsizetype>> spans; // start, end
    for (auto it = PseudonymMap::shapeRe().globalMatch(text); it.hasNext();) {
        const auto s = it.next();
        spans.emplace_back(s.capturedStart(), s.capturedEnd());
    }
    if (spans.empty())
        return matches;
    matches.removeIf([&](const RedactionScanner::Match &m) {
        // The first span ending after the match starts; it touches the match
        // if it also starts before the match ends.
        const auto it = std::upper_bound(spans.begin(), spans.end(), m.start,
                                         [](qsizetype start, const auto &span) { return start < span.second; });
        return it != spans.end() && it->first < m.start + m.length;
    });
    return matches;
}

bool isHostLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    return std::all_of(label.begin(), label.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
    });
}
}

RedactionScanner::RedactionScanner(const Options &options) : m_options(options)
{
    if (m_options.profile != QLatin1String("standard") && m_options.profile != QLatin1String("strict"))
        throw CaseError(QStringLiteral("unknown redaction profile '%1' (standard, strict)").arg(m_options.profile));
    for (const QString &p : options.patterns) {
        QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid())
            throw CaseError(QStringLiteral("invalid redaction pattern '%1': %2").arg(p, re.errorString()));
        m_patterns.append(re);
    }
}

bool RedactionScanner::isSystemAccount(const QString &name)
{
    static const QStringList system{QStringLiteral("root"), QStringLiteral("nobody"), QStringLiteral("daemon"), QStringLiteral("bin"),
                                    QStringLiteral("sys"), QStringLiteral("www-data"), QStringLiteral("unknown"), QStringLiteral("casebook"),
                                    QStringLiteral("local"), QStringLiteral("localhost"), QStringLiteral("localhost.localdomain")};
    return name.size() < 3 || system.contains(name.toLower());
}

bool RedactionScanner::addLiteral(const QString &kind, const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || m_literals.contains(v.toLower()) || PseudonymMap::looksLikePseudonym(v))
        return false;
    m_literals.insert(v.toLower(), {kind, v});
    m_dirty = true;
    return true;
}

bool RedactionScanner::addDomain(const QString &domain)
{
    const QString d = domain.toLower();
    if (d.isEmpty() || m_domains.contains(d) || PseudonymMap::looksLikePseudonym(d))
        return false;
    m_domains.insert(d);
    m_dirty = true;
    return true;
}

QList<QPair<QString, QString>> RedactionScanner::known() const
{
    QList<QPair<QString, QString>> out;
    for (auto it = m_literals.constBegin(); it != m_literals.constEnd(); ++it)
        out.append(*it);
    for (const QString &d : m_domains)
        out.append({QStringLiteral("domain"), d});
    return out;
}

QPair<QString, QString> RedactionScanner::splitFqdn(const QString &name)
{
    QString n = name;
    while (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    const qsizetype dot = n.indexOf(QLatin1Char('.'));
    if (dot <= 0 || !isHostLabel(QStringView(n).left(dot)) || !isDomainSuffix(n.mid(dot + 1)))
        return {};
    return {n.left(dot), n.mid(dot + 1)};
}

bool RedactionScanner::isDomainSuffix(const QString &domain)
{
    // Last parts of file names and unit names, never top-level domains here.
    static const QSet<QString> notTld{
        QStringLiteral("log"), QStringLiteral("txt"), QStringLiteral("conf"), QStringLiteral("cfg"), QStringLiteral("ini"),
        QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("yml"), QStringLiteral("xml"), QStringLiteral("csv"),
        QStringLiteral("tsv"), QStringLiteral("gz"), QStringLiteral("tgz"), QStringLiteral("bz2"), QStringLiteral("xz"),
        QStringLiteral("zst"), QStringLiteral("zip"), QStringLiteral("tar"), QStringLiteral("pcap"), QStringLiteral("pcapng"),
        QStringLiteral("cap"), QStringLiteral("sh"), QStringLiteral("py"), QStringLiteral("pl"), QStringLiteral("rb"),
        QStringLiteral("js"), QStringLiteral("ts"), QStringLiteral("php"), QStringLiteral("html"), QStringLiteral("htm"),
        QStringLiteral("css"), QStringLiteral("md"), QStringLiteral("so"), QStringLiteral("ko"), QStringLiteral("service"),
        QStringLiteral("socket"), QStringLiteral("mount"), QStringLiteral("automount"), QStringLiteral("target"),
        QStringLiteral("timer"), QStringLiteral("path"), QStringLiteral("slice"), QStringLiteral("scope"), QStringLiteral("swap"),
        QStringLiteral("pid"), QStringLiteral("lock"), QStringLiteral("sock"), QStringLiteral("tmp"), QStringLiteral("bak"),
        QStringLiteral("old"), QStringLiteral("orig"), QStringLiteral("new"), QStringLiteral("swp"), QStringLiteral("img"),
        QStringLiteral("iso"), QStringLiteral("deb"), QStringLiteral("rpm"), QStringLiteral("pem"), QStringLiteral("crt"),
        QStringLiteral("key"), QStringLiteral("pub"), QStringLiteral("db"), QStringLiteral("sqlite"), QStringLiteral("casebook"),
        QStringLiteral("out"), QStringLiteral("err"), QStringLiteral("core"), QStringLiteral("dump"), QStringLiteral("bin"),
        QStringLiteral("exe"), QStringLiteral("dll"), QStringLiteral("jar"), QStringLiteral("war"), QStringLiteral("class"),
        QStringLiteral("cpp"), QStringLiteral("hpp"), QStringLiteral("cc"), QStringLiteral("go"), QStringLiteral("rs"),
        QStringLiteral("java"), QStringLiteral("diff"), QStringLiteral("patch"), QStringLiteral("rej"), QStringLiteral("part"),
        QStringLiteral("d"), QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("svg")};
    const QStringList labels = domain.split(QLatin1Char('.'));
    for (const QString &l : labels)
        if (!isHostLabel(l))
            return false;
    const QString tld = labels.last().toLower();
    const bool alphabetic = std::all_of(tld.begin(), tld.end(), [](QChar c) { return c >= u'a' && c <= u'z'; });
    return alphabetic && tld.size() >= 2 && !notTld.contains(tld);
}

void RedactionScanner::rebuild() const
{
    auto alternation = [](QStringList keys) {
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
        for (QString &k : keys)
            k = QRegularExpression::escape(k);
        return keys.isEmpty() ? QStringLiteral("(?!)") : keys.join(QLatin1Char('|'));
    };
    QStringList keys = m_literals.keys(), keysBytes;
    m_literalsBytes.clear();
    for (const QString &k : keys) {
        m_literalsBytes.insert(latin1View(k), m_literals.value(k));
        keysBytes.append(latin1View(k));
    }
    // A name, then any ".label"s: a known host name followed by its domain is taken whole.
    const QString names = QStringLiteral("(?<![A-Za-z0-9_])(%1)((?:\\.[A-Za-z0-9_-]+)*)(?![A-Za-z0-9_])");
    m_namesRe = QRegularExpression(names.arg(alternation(keys)), QRegularExpression::CaseInsensitiveOption);
    m_namesBytesRe = QRegularExpression(names.arg(alternation(keysBytes)), QRegularExpression::CaseInsensitiveOption);
    m_domainsRe = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9_-])((?:[A-Za-z0-9_-]+\\.)*)(%1)(?![A-Za-z0-9_-])").arg(alternation(m_domains.values())),
                                     QRegularExpression::CaseInsensitiveOption);
    m_dirty = false;
}

QList<RedactionScanner::Rule> RedactionScanner::rules() const
{
    QList<Rule> out{Rule::Names, Rule::Domains, Rule::Patterns};
    if (!m_options.keepHostKeys)
        out << Rule::Fingerprints << Rule::Keys;
    out << Rule::Emails << Rule::Ipv4 << Rule::ProcNet;
    if (m_options.profile == QLatin1String("strict"))
        out << Rule::Mac;
    out << Rule::Ipv6;
    return out;
}

QList<RedactionScanner::Match> RedactionScanner::findAll(const QString &text, bool bytes) const
{
    QList<Match> out;
    for (Rule r : rules())
        out += find(r, text, bytes);
    return out;
}

QList<RedactionScanner::Match> RedactionScanner::findNames(const QString &text, bool bytes) const
{
    QList<Match> out;
    const auto &byKey = bytes ? m_literalsBytes : m_literals;
    for (auto it = (bytes ? m_namesBytesRe : m_namesRe).globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const auto [kind, value] = byKey.value(m.captured(1).toLower());
        if (kind.isEmpty())
            continue;
        Match match{m.capturedStart(1), m.capturedLength(1), kind, value, {}, {}};
        if (kind == QLatin1String("host")) {
            // The longest "name.domain" that reads as a host in a domain
            // ("db-prod-07.corp.example.com", not "db-prod-07.log").
            QStringList suffix = m.captured(2).split(QLatin1Char('.'), Qt::SkipEmptyParts);
            for (; !suffix.isEmpty(); suffix.removeLast()) {
                const QString full = m.captured(1) + QLatin1Char('.') + suffix.join(QLatin1Char('.'));
                const auto [label, domain] = splitFqdn(full);
                // A domain seen first here needs two labels ("corp.example.com", not "lan").
                if (!label.isEmpty() && (knowsDomain(domain) || domain.contains(QLatin1Char('.')))) {
                    match = {m.capturedStart(1), full.size(), QStringLiteral("fqdn"), full, label, domain};
                    break;
                }
            }
            if (match.kind == QLatin1String("host")) {
                const auto [label, domain] = splitFqdn(value);
                if (!label.isEmpty())
                    match = {match.start, match.length, QStringLiteral("fqdn"), value, label, domain};
            }
        }
        out.append(match);
    }
    return out;
}

QList<RedactionScanner::Match> RedactionScanner::findDomains(const QString &text) const
{
    QList<Match> out;
    if (m_domains.isEmpty())
        return out;
    for (auto it = m_domainsRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString prefix = m.captured(1);
        if (prefix.isEmpty()) {
            // A domain on its own; one label alone ("lan") is too common a word.
            if (m.captured(2).contains(QLatin1Char('.')))
                out.append({m.capturedStart(2), m.capturedLength(2), QStringLiteral("domain"), m.captured(2), {}, {}});
            continue;
        }
        const QString full = m.captured(0);
        const qsizetype dot = full.indexOf(QLatin1Char('.'));
        if (PseudonymMap::looksLikePseudonym(full.left(dot))) // "host-1.corp.example.com": only the domain is left
            out.append({m.capturedStart(0) + dot + 1, full.size() - dot - 1, QStringLiteral("domain"), full.mid(dot + 1), {}, {}});
        else
            out.append({m.capturedStart(0), full.size(), QStringLiteral("fqdn"), full, full.left(dot), full.mid(dot + 1)});
    }
    return out;
}

QList<RedactionScanner::Match> RedactionScanner::findEmails(const QString &text) const
{
    QList<Match> out;
    for (auto it = emailRe().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (PseudonymMap::looksLikePseudonym(m.captured(0)))
            continue; // "email-2@example.org" is ours, whatever follows it ("-node-1")
        if (!PseudonymMap::looksLikePseudonym(m.captured(2))) {
            out.append({m.capturedStart(0), m.capturedLength(0), QStringLiteral("email"), m.captured(0), {}, {}});
            continue;
        }
        // "someone@host-1.domain-1.invalid": a login on a redacted host.
        const QString local = m.captured(1);
        if (!PseudonymMap::looksLikePseudonym(local) && !isSystemAccount(local))
            out.append({m.capturedStart(1), m.capturedLength(1), QStringLiteral("user"), local, {}, {}});
    }
    return out;
}

namespace {
bool inIpv6Run(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u'.' || c == u':';
}
bool isWordOrDot(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':' || c == u'.';
}
}

QList<RedactionScanner::Match> RedactionScanner::findIpv6(const QString &text) const
{
    QList<Match> out;
    // What globalMatch of ipv6CandidateRe() finds, without trying it at every
    // position: its look-behind only holds at the start of a run of hex
    // digits, dots and colons, and it needs two colons in that run. So it is
    // tried anchored at the start of each run with two colons.
    const QChar *d = text.constData();
    const qsizetype n = text.size();
    for (qsizetype colon = text.indexOf(QLatin1Char(':')); colon >= 0;) {
        qsizetype start = colon, end = colon + 1;
        while (start > 0 && inIpv6Run(d[start - 1]))
            --start;
        int colons = 0;
        for (qsizetype i = start; i < n && inIpv6Run(d[i]); ++i, end = i)
            colons += d[i] == u':';
        colon = end < n ? text.indexOf(QLatin1Char(':'), end) : -1;
        if (colons < 2 || (start > 0 && isWordOrDot(d[start - 1])))
            continue;
        const auto m = ipv6CandidateRe().match(text, start, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption | QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!m.hasMatch())
            continue;
        const qsizetype length = IpAddressText::ipv6Length(QStringView(text).mid(m.capturedStart(0), m.capturedLength(0)));
        if (length == 0)
            continue;
        const QString canonical = IpAddressText::canonicalIpv6(QStringView(text).mid(m.capturedStart(0), length));
        if (!IpAddressText::keepIpv6(canonical))
            out.append({m.capturedStart(0), length, QStringLiteral("ipv6"), canonical, {}, {}});
    }
    return out;
}

QList<RedactionScanner::Match> RedactionScanner::find(Rule rule, const QString &text, bool bytes) const
{
    if (m_dirty)
        rebuild();
    QList<Match> out;
    auto each = [&](const QRegularExpression &re, int group, const auto &fn) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const int g = m.capturedStart(group) >= 0 ? group : group + 1; // alternatives in fingerprintRe
            const QString v = fn(m, m.captured(g));
            if (!v.isNull())
                out.append({m.capturedStart(g), m.capturedLength(g), QString(), v, {}, {}});
        }
    };
    QString kind;
    switch (rule) {
    case Rule::Names:
        out = findNames(text, bytes);
        break;
    case Rule::Domains:
        out = findDomains(text);
        break;
    case Rule::Patterns:
        kind = QStringLiteral("term");
        for (const QRegularExpression &re : m_patterns)
            each(re, 0, [](const QRegularExpressionMatch &, const QString &v) { return v.isEmpty() ? QString() : v; });
        std::sort(out.begin(), out.end(), [](const Match &a, const Match &b) { return a.start < b.start; });
        // Overlapping matches of different patterns: the first one wins.
        for (qsizetype i = 1; i < out.size();) {
            if (out.at(i).start < out.at(i - 1).start + out.at(i - 1).length)
                out.removeAt(i);
            else
                ++i;
        }
        break;
    // Rules whose matches need a fixed piece of text are not run where it is absent.
    case Rule::Fingerprints:
        kind = QStringLiteral("fingerprint");
        if (text.contains(QLatin1String("sha256:"), Qt::CaseInsensitive) || text.contains(QLatin1String("md5:"), Qt::CaseInsensitive))
            each(fingerprintRe(), 1, [](const QRegularExpressionMatch &, const QString &v) { return v; });
        break;
    case Rule::Keys:
        kind = QStringLiteral("key");
        if (text.contains(QLatin1String("AAAA")))
            each(publicKeyRe(), 1, [](const QRegularExpressionMatch &, const QString &v) { return v; });
        break;
    case Rule::Emails:
        if (text.contains(QLatin1Char('@')))
            out = findEmails(text);
        break;
    case Rule::Ipv4:
        kind = QStringLiteral("ip");
        each(ipv4Re(), 1, [](const QRegularExpressionMatch &, const QString &ip) { return IpAddressText::keepIpv4(ip) ? QString() : ip; });
        break;
    case Rule::ProcNet: {
        kind = QStringLiteral("ip-hex");
        // "0100007F:1F90": the colon is the ninth character; the rule is
        // tried anchored there, past the end of the previous match (as
        // globalMatch would).
        qsizetype from = 0;
        for (qsizetype colon = text.indexOf(QLatin1Char(':'), 8); colon >= 0; colon = text.indexOf(QLatin1Char(':'), colon + 1)) {
            const qsizetype start = colon - 8;
            if (start < from)
                continue;
            const auto m = procNetRe().match(text, start, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption | QRegularExpression::DontCheckSubjectStringMatchOption);
            if (!m.hasMatch())
                continue;
            from = m.capturedEnd(0);
            const QString ip = IpAddressText::fromProcNetHex(m.captured(1));
            if (!(ip.isNull() || IpAddressText::keepIpv4(ip) || ip.startsWith(QLatin1String("0."))))
                out.append({m.capturedStart(1), m.capturedLength(1), QString(), ip, {}, {}});
        }
        break;
    }
    case Rule::Mac:
        kind = QStringLiteral("mac");
        each(macRe(), 1, [](const QRegularExpressionMatch &, const QString &v) {
            const QString mac = v.toLower();
            return mac == QLatin1String("00:00:00:00:00:00") || mac == QLatin1String("ff:ff:ff:ff:ff:ff") || mac.startsWith(QLatin1String("02:00:00:00:"))
                ? QString() : mac;
        });
        break;
    case Rule::Ipv6:
        out = findIpv6(text);
        break;
    }
    if (!kind.isEmpty())
        for (Match &m : out)
            m.kind = kind;
    return withoutPseudonyms(text, out);
}
