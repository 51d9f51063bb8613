#include "PseudonymMap.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/TimeUtil.h"

#include <QSet>

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
        m_counts[e.kind] += 1;
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
    if (kind == QLatin1String("host"))
        return QStringLiteral("host-%1").arg(n);
    if (kind == QLatin1String("user"))
        return QStringLiteral("user-%1").arg(n);
    return QStringLiteral("redacted-%1").arg(n);
}

QString PseudonymMap::pseudonymFor(const QString &kind, const QString &original)
{
    const QString key = kind + QLatin1Char('\n') + keyOf(original);
    const auto it = m_byKey.constFind(key);
    if (it != m_byKey.constEnd())
        return *it;
    QString p;
    do {
        p = make(kind, ++m_counts[kind]);
    } while (m_pseudonyms.contains(p.toLower()));
    m_byKey.insert(key, p);
    m_entries.append({kind, original, p});
    m_pseudonyms.insert(p.toLower());
    return p;
}
