#include "PdfTableLayout.h"

#include "ReportText.h"

#include <QRegularExpression>

#include <numeric>

namespace PdfTableLayout {
namespace {
using Font = PdfCanvas::Font;

double longestWord(const QString &text, Font font, double size)
{
    double widest = 0;
    for (const QString &w : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        widest = qMax(widest, PdfCanvas::textWidth(w, font, size));
    return widest;
}

double sum(const QList<double> &v)
{
    return std::accumulate(v.begin(), v.end(), 0.0);
}
}

double fontSizeFor(qsizetype columns)
{
    return columns >= 6 ? 6.5 : (columns >= 4 ? 7.5 : 9);
}

QList<double> columnWidths(const QStringList &header, const QList<QStringList> &rows, double size, double totalWidth)
{
    const qsizetype n = header.size();
    QList<double> natural(n, 0), minimum(n, 0);
    for (qsizetype c = 0; c < n; ++c) {
        const QString &h = header.at(c);
        natural[c] = PdfCanvas::textWidth(h, Font::Bold, size);
        minimum[c] = longestWord(h, Font::Bold, size);
        for (const QStringList &row : rows) {
            const QString cell = ReportText::visible(row.value(c));
            double cellWidth = 0;
            for (const QString &line : cell.split(QLatin1Char('\n')))
                cellWidth = qMax(cellWidth, PdfCanvas::textWidth(line, Font::Regular, size));
            natural[c] = qMax(natural[c], cellWidth);
            // A short cell (a time, a state) is never wrapped; a long one may
            // wrap between words.
            minimum[c] = qMax(minimum[c], cellWidth <= kMaxWordClaim ? cellWidth : qMin(kMaxWordClaim, longestWord(cell, Font::Regular, size)));
        }
        natural[c] += 2 * kPadding + 1;
        // (+1: wrapping compares widths that are equal only up to rounding)
        minimum[c] = qMax(kMinColumn, qMin(natural[c], minimum[c] + 2 * kPadding + 1));
        natural[c] = qMax(natural[c], minimum[c]);
    }
    if (sum(natural) <= totalWidth)
        return natural;
    const double minimumTotal = sum(minimum);
    if (minimumTotal >= totalWidth) {
        QList<double> scaled = minimum;
        for (double &w : scaled)
            w *= totalWidth / minimumTotal;
        return scaled;
    }
    // Share what is left over the minimums in proportion to the extra each column wants.
    double demand = 0;
    for (qsizetype c = 0; c < n; ++c)
        demand += natural[c] - minimum[c];
    const double spare = totalWidth - minimumTotal;
    QList<double> widths = minimum;
    for (qsizetype c = 0; c < n; ++c)
        widths[c] += demand > 0 ? (natural[c] - minimum[c]) / demand * spare : spare / double(n);
    return widths;
}

}
