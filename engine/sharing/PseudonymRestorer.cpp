#include "PseudonymRestorer.h"

#include "PseudonymMap.h"

#include <QStringList>
#include <algorithm>

namespace {
// IPv4 in /proc/net/tcp form: little-endian hex, as the Redactor writes it.
QString procHex(const QString &ip)
{
    const QStringList p = ip.split(QLatin1Char('.'));
    if (p.size() != 4)
        return {};
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | p.at(i).toUInt();
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')).toUpper();
}
}

PseudonymRestorer::PseudonymRestorer(SqliteDatabase &db)
{
    PseudonymMap map;
    map.load(db);
    QStringList alternatives;
    auto add = [&](const QString &pseudonym, const QString &original) {
        if (pseudonym.isEmpty() || m_originals.contains(pseudonym.toLower()))
            return;
        m_originals.insert(pseudonym.toLower(), original);
        alternatives.append(QRegularExpression::escape(pseudonym));
    };
    for (const PseudonymMap::Entry &e : map.entries()) {
        add(e.pseudonym, e.original);
        if (e.kind == QLatin1String("ip"))
            add(procHex(e.pseudonym), procHex(e.original));
    }
    std::sort(alternatives.begin(), alternatives.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    if (!alternatives.isEmpty())
        m_re = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9_])(%1)(?![A-Za-z0-9_])").arg(alternatives.join(QLatin1Char('|'))),
                                  QRegularExpression::CaseInsensitiveOption);
}

QString PseudonymRestorer::restore(const QString &text) const
{
    if (isEmpty())
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = m_re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(1) - last);
        out += m_originals.value(m.captured(1).toLower());
        last = m.capturedEnd(1);
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

QByteArray PseudonymRestorer::restoreBytes(const QByteArray &bytes) const
{
    return isEmpty() ? bytes : restore(QString::fromLatin1(bytes)).toLatin1();
}
