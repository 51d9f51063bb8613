#include "Redactor.h"

#include "IpAddressText.h"
#include "util/OperatorIdentity.h"

#include <algorithm>

namespace {
// A first label worth replacing wherever it stands alone: "fs-backup-3" or
// "ns1", not "mail" or "www".
bool looksLikeHostLabel(const QString &label)
{
    return !Redactor::isSystemAccount(label)
        && std::any_of(label.begin(), label.end(), [](QChar c) { return c.isDigit() || c == u'-'; });
}
}

Redactor::Redactor(PseudonymMap &map, const Options &options)
    : m_map(map), m_options(options), m_scanner({options.profile, options.patterns, options.keepHostKeys})
{
    for (const QString &t : options.terms)
        m_scanner.addLiteral(QStringLiteral("term"), t);
}

void Redactor::addHost(const QString &raw)
{
    QString name = raw.trimmed();
    // "user@host:port" as a host entry may be named.
    if (name.contains(QLatin1Char('@'))) {
        addUser(name.section(QLatin1Char('@'), 0, 0));
        name = name.section(QLatin1Char('@'), 1);
    }
    if (name.startsWith(QLatin1Char('[')) && name.contains(QLatin1Char(']')))
        name = name.mid(1, name.indexOf(QLatin1Char(']')) - 1);
    else if (name.count(QLatin1Char(':')) == 1)
        name = name.section(QLatin1Char(':'), 0, 0);
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (isSystemAccount(name) || IpAddressText::isIpv4(name) || !IpAddressText::canonicalIpv6(name).isNull())
        return; // addresses are caught by the address rules
    const auto [label, domain] = RedactionScanner::splitFqdn(name);
    if (label.isEmpty()) {
        if (m_scanner.addLiteral(QStringLiteral("host"), name))
            m_map.pseudonymFor(QStringLiteral("host"), name); // numbered in discovery order
        return;
    }
    // Fully qualified: the whole name, its first label alone (same host-N) and its domain.
    m_scanner.addLiteral(QStringLiteral("host"), name);
    if (!isSystemAccount(label))
        m_scanner.addLiteral(QStringLiteral("host"), label);
    m_scanner.addDomain(domain);
    m_map.fqdnPseudonym(label, domain);
}

void Redactor::addUser(const QString &raw)
{
    const QString name = raw.trimmed();
    if (!isSystemAccount(name) && m_scanner.addLiteral(QStringLiteral("user"), name))
        m_map.pseudonymFor(QStringLiteral("user"), name);
}

void Redactor::addPrincipal(const QString &principal)
{
    const QString p = principal.trimmed();
    if (p.isEmpty())
        return;
    // "account@host" or "Display Name <account@host>" (OperatorIdentity).
    const OperatorIdentity::Parts parts = OperatorIdentity::parse(p);
    addUser(parts.account);
    if (!parts.host.isEmpty())
        addHost(parts.host);
    if (!parts.displayName.isEmpty())
        addUser(parts.displayName);
}

void Redactor::addFingerprint(const QString &fingerprint)
{
    if (m_options.keepHostKeys)
        return;
    QString digest = fingerprint.trimmed();
    for (const QLatin1String prefix : {QLatin1String("SHA256:"), QLatin1String("MD5:")})
        if (digest.startsWith(prefix, Qt::CaseInsensitive))
            digest = digest.mid(prefix.size());
    if (digest.size() >= 16 && m_scanner.addLiteral(QStringLiteral("fingerprint"), digest))
        m_map.pseudonymFor(QStringLiteral("fingerprint"), digest);
}

int Redactor::originalValues() const
{
    QSet<QString> all = m_seen;
    for (const auto &[kind, original] : m_scanner.known())
        all.insert(kind + QLatin1Char('\n') + original.toLower());
    return int(all.size());
}

void Redactor::note(const QString &kind, const QString &original)
{
    m_seen.insert(kind + QLatin1Char('\n') + original.toLower());
}

QString Redactor::replacement(const RedactionScanner::Match &m)
{
    note(m.kind, m.original);
    if (m.kind == QLatin1String("fqdn")) {
        // A name first seen here teaches its domain, and a label that reads
        // like a host name, to the rest of the export.
        m_scanner.addDomain(m.domain);
        if (!m_scanner.knowsLiteral(m.label) && looksLikeHostLabel(m.label))
            m_scanner.addLiteral(QStringLiteral("host"), m.label);
        return m_map.fqdnPseudonym(m.label, m.domain);
    }
    if (m.kind == QLatin1String("ip-hex")) {
        // The pseudonym address in the same little-endian hex form.
        return IpAddressText::toProcNetHex(m_map.pseudonymFor(QStringLiteral("ip"), m.original));
    }
    return m_map.pseudonymFor(m.kind, m.original);
}

QByteArray Redactor::redactBytes(const QByteArray &bytes)
{
    // Large texts go through the rules a block of whole lines at a time (the
    // rules never match across a line end, and every look-behind and
    // look-ahead treats a line end like the start or end of the text), so
    // memory stays a few blocks whatever the size. User patterns may span
    // lines or use ^ and $: then the text is taken whole.
    if (bytes.size() <= kBlockBytes || !linesAreIndependent())
        return apply(QString::fromLatin1(bytes), true).toLatin1();
    QList<qsizetype> cuts{0};
    for (qsizetype at = kBlockBytes; at < bytes.size();) {
        const qsizetype nl = bytes.indexOf('\n', at);
        if (nl < 0)
            break;
        cuts.append(nl + 1);
        at = nl + 1 + kBlockBytes;
    }
    cuts.append(bytes.size());
    QByteArray text = bytes;
    for (int pass = 0; pass < 4; ++pass) {
        const qsizetype known = m_scanner.known().size();
        QByteArray out;
        out.reserve(text.size() + text.size() / 16);
        QList<qsizetype> outCuts{0};
        for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
            out += applyRules(QString::fromLatin1(QByteArrayView(text).sliced(cuts[i], cuts[i + 1] - cuts[i])), true).toLatin1();
            outCuts.append(out.size());
        }
        text = std::move(out);
        cuts = std::move(outCuts);
        if (m_scanner.known().size() == known)
            break;
    }
    return text;
}

QString Redactor::apply(const QString &input, bool bytes)
{
    // Replacing a name can teach the scanner more (the first label of a fully
    // qualified name under a known domain is a host name from then on), so
    // occurrences the earlier rules already passed need another pass. Each
    // further pass needs a newly learnt value; a few always suffice.
    QString text = input;
    for (int pass = 0; pass < 4; ++pass) {
        const qsizetype known = m_scanner.known().size();
        text = applyRules(text, bytes);
        if (m_scanner.known().size() == known)
            break;
    }
    return text;
}

QString Redactor::applyRules(const QString &input, bool bytes)
{
    QString text = input;
    for (const RedactionScanner::Rule rule : m_scanner.rules()) {
        const QList<RedactionScanner::Match> matches = m_scanner.find(rule, text, bytes);
        if (matches.isEmpty())
            continue;
        QString out;
        out.reserve(text.size());
        qsizetype last = 0;
        for (const RedactionScanner::Match &m : matches) {
            out += QStringView(text).mid(last, m.start - last);
            out += replacement(m);
            last = m.start + m.length;
            ++m_replacements;
        }
        out += QStringView(text).mid(last);
        text = out;
    }
    return text;
}

QString Redactor::redact(const QString &text)
{
    return apply(text, false);
}


