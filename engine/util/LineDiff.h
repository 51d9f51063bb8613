#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A line-by-line difference of two texts (longest common subsequence, like
// diff(1) without context trimming): what the notes history shows between
// two versions of a note. Texts of more than kMaxCells line pairs are not
// aligned line by line; the whole changed middle is reported as removed and
// added, which is still correct, only coarser.
class LineDiff
{
public:
    enum class Op { Same, Removed, Added };
    struct Line
    {
        Op op = Op::Same;
        QString text;
    };
    struct Stats
    {
        int added = 0;
        int removed = 0;
    };

    static constexpr qint64 kMaxCells = 4'000'000;

    static QList<Line> compare(const QString &before, const QString &after);
    static Stats stats(const QList<Line> &lines);
    // "+ added", "- removed", "  same" lines, as unified diff bodies read.
    static QString toText(const QList<Line> &lines);
};
