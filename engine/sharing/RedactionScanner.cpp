#include "RedactionScanner.h"

#include "util/CaseError.h"

#include <QFile>
#include <QSet>

namespace {
bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
}

QList<RedactionScanner::Hit> RedactionScanner::scan(const QByteArray &bytes, const QList<PseudonymMap::Entry> &originals)
{
    const QByteArray lower = bytes.toLower();
    QList<Hit> hits;
    QSet<QByteArray> done;
    for (const PseudonymMap::Entry &e : originals) {
        const QByteArray needle = e.original.toUtf8().toLower();
        if (needle.isEmpty() || done.contains(needle))
            continue;
        done.insert(needle);
        qint64 count = 0;
        for (qsizetype at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
            const bool before = at > 0 && isWordByte(lower.at(at - 1)) && isWordByte(needle.front());
            const qsizetype end = at + needle.size();
            const bool after = end < lower.size() && isWordByte(lower.at(end)) && isWordByte(needle.back());
            if (!before && !after)
                ++count;
        }
        if (count)
            hits.append({e.kind, e.original, count});
    }
    return hits;
}

QList<RedactionScanner::Hit> RedactionScanner::scanFile(const QString &path, const QList<PseudonymMap::Entry> &originals)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw CaseError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return scan(f.readAll(), originals);
}
