#include "PseudonymMap.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/TimeUtil.h"

#include <QRegularExpression>

void PseudonymMap::load(SqliteDatabase &db)
{
    SqliteStatement st = db.prepare(QStringLiteral("SELECT kind, original, pseudonym FROM redaction_map ORDER BY created_us, kind, pseudonym"));
    while (st.step()) {
        const Entry e{st.text(0), st.text(1), st.text(2)};
        const QString key = e.kind + QLatin1Char('\n') + keyOf(e.original);
        if (m_byKey.contains(key))
            continue;
        m_byKey.insert(key, e.pseudonym);
        m_entries.append(e);
        m_pseudonyms.insert(e.pseudonym.toLower());
    }
    m_loaded = m_entries.size();
}

void PseudonymMap::saveNew(SqliteDatabase &db) const
{
    SqliteStatement st = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO redaction_map(kind, original, pseudonym, created_us) VALUES (?,?,?,?)"));
    const qint64 now = TimeUtil::nowUs();
    for (qsizetype i = m_loaded; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        st.bind(1, e.kind).bind(2, e.original).bind(3, e.pseudonym).bind(4, now);
        st.exec();
    }
}

const QRegularExpression &PseudonymMap::shapeRe()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9_-])(?:email-[0-9]+@example\\.org"
        "|(?:host|user|redacted|key|fingerprint|ip)-[0-9]+(?:\\.domain-[0-9]+\\.invalid)?"
        "|domain-[0-9]+\\.invalid)(?![A-Za-z0-9_-])"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool PseudonymMap::looksLikePseudonym(const QString &text)
{
    const QRegularExpressionMatch m = shapeRe().match(text);
    return m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() == text.size();
}

QString PseudonymMap::make(const QString &kind, int n) const
{
    if (kind == QLatin1String("ip")) {
        // 254 usable addresses in each of the three documentation networks.
        static const char *nets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
        const int net = (n - 1) / 254, host = (n - 1) % 254 + 1;
        if (net < 3)
            return QLatin1String(nets[net]) + QString::number(host);
        return QStringLiteral("ip-%1").arg(n);
    }
    if (kind == QLatin1String("ipv6"))
        return QStringLiteral("2001:db8::%1").arg(n, 0, 16);
    if (kind == QLatin1String("mac"))
        return QStringLiteral("02:00:00:00:%1:%2").arg((n >> 8) & 0xff, 2, 16, QLatin1Char('0')).arg(n & 0xff, 2, 16, QLatin1Char('0'));
    if (kind == QLatin1String("email"))
        return QStringLiteral("email-%1@example.org").arg(n);
    if (kind == QLatin1String("domain"))
        return QStringLiteral("domain-%1.invalid").arg(n);
    if (kind == QLatin1String("host") || kind == QLatin1String("user") || kind == QLatin1String("fingerprint") || kind == QLatin1String("key"))
        return kind + QLatin1Char('-') + QString::number(n);
    return QStringLiteral("redacted-%1").arg(n);
}

void PseudonymMap::record(const QString &kind, const QString &original, const QString &pseudonym)
{
    m_byKey.insert(kind + QLatin1Char('\n') + keyOf(original), pseudonym);
    m_entries.append({kind, original, pseudonym});
    m_pseudonyms.insert(pseudonym.toLower());
}

QString PseudonymMap::pseudonymFor(const QString &kind, const QString &original)
{
    const auto it = m_byKey.constFind(kind + QLatin1Char('\n') + keyOf(original));
    if (it != m_byKey.constEnd())
        return *it;
    // Numbers already taken (by a loaded map, or by an older export's
    // spelling) are skipped, so numbering has no gaps and no clashes.
    QString p;
    do {
        p = make(kind, ++m_counts[kind]);
    } while (m_pseudonyms.contains(p.toLower()));
    record(kind, original, p);
    return p;
}

QString PseudonymMap::fqdnPseudonym(const QString &label, const QString &domain)
{
    const QString fqdn = label + QLatin1Char('.') + domain;
    const auto it = m_byKey.constFind(QStringLiteral("fqdn\n") + keyOf(fqdn));
    if (it != m_byKey.constEnd())
        return *it;
    const QString p = pseudonymFor(QStringLiteral("host"), label) + QLatin1Char('.') + pseudonymFor(QStringLiteral("domain"), domain);
    record(QStringLiteral("fqdn"), fqdn, p);
    return p;
}
