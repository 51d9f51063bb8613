#include "LineDiff.h"

#include <vector>

namespace {
QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}
}

QList<LineDiff::Line> LineDiff::compare(const QString &before, const QString &after)
{
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    // Common prefix and suffix first: edits to notes are usually local.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    QList<Line> out;
    for (qsizetype i = 0; i < head; ++i)
        out.append({Op::Same, a[i]});
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (n * m > kMaxCells) {
        for (qsizetype i = 0; i < n; ++i)
            out.append({Op::Removed, a[head + i]});
        for (qsizetype j = 0; j < m; ++j)
            out.append({Op::Added, b[head + j]});
    } else {
        // lcs[i][j] = length of the LCS of a[head+i..] and b[head+j..].
        std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
        auto at = [m, &lcs](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.append({Op::Same, a[head + i]});
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out.append({Op::Removed, a[head + i]}); // removals first, as diff(1) prints them
                ++i;
            } else {
                out.append({Op::Added, b[head + j]});
                ++j;
            }
        }
    }
    for (qsizetype i = a.size() - tail; i < a.size(); ++i)
        out.append({Op::Same, a[i]});
    return out;
}

LineDiff::Stats LineDiff::stats(const QList<Line> &lines)
{
    Stats s;
    for (const Line &l : lines) {
        if (l.op == Op::Added)
            ++s.added;
        else if (l.op == Op::Removed)
            ++s.removed;
    }
    return s;
}

QString LineDiff::toText(const QList<Line> &lines)
{
    QString out;
    for (const Line &l : lines) {
        out += l.op == Op::Added ? QLatin1String("+ ") : l.op == Op::Removed ? QLatin1String("- ") : QLatin1String("  ");
        out += l.text;
        out += QLatin1Char('\n');
    }
    return out;
}
