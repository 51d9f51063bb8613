#include "RefKindTables.h"

QString RefKindTables::exactOrSuffix(const QString &base) const
{
    const QStringList forms{base + QLatin1Char('s'), base, base + QStringLiteral("es")};
    for (const QString &form : forms)
        if (m_tables.contains(form))
            return form;
    for (const QString &form : forms) {
        QStringList hits;
        for (const QString &t : m_tables)
            if (t.endsWith(QLatin1Char('_') + form))
                hits.append(t);
        if (hits.size() == 1)
            return hits.first();
        if (hits.size() > 1)
            return {};
    }
    return {};
}

QString RefKindTables::tableFor(const QString &refKind) const
{
    QStringList words = refKind.toLower().split(QLatin1Char('-'), Qt::SkipEmptyParts);
    while (!words.isEmpty()) {
        const QString table = exactOrSuffix(words.join(QLatin1Char('_')));
        if (!table.isEmpty())
            return table;
        words.removeFirst();
    }
    return {};
}
