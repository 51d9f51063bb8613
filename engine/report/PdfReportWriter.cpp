#include "PdfReportWriter.h"

#include "PdfCanvas.h"
#include "ReportText.h"

#include <numeric>

namespace {
using Font = PdfCanvas::Font;
constexpr double kMargin = 50;
constexpr double kWidth = PdfCanvas::kPageWidth - 2 * kMargin;
constexpr double kBottom = PdfCanvas::kPageHeight - kMargin;

class Layout
{
public:
    PdfCanvas canvas;
    double y = kBottom + 1; // forces a first page

    void ensure(double height)
    {
        if (y + height > kBottom) {
            canvas.newPage();
            y = kMargin;
        }
    }

    void lines(const QString &text, Font font, double size, double indent = 0, const QString &bullet = {})
    {
        const double lead = size * 1.3;
        const QStringList wrapped = PdfCanvas::wrap(ReportText::visible(text), font, size, kWidth - indent);
        for (qsizetype i = 0; i < wrapped.size(); ++i) {
            ensure(lead);
            y += lead;
            if (i == 0 && !bullet.isEmpty())
                canvas.text(kMargin + indent - 10, y, font, size, bullet);
            canvas.text(kMargin + indent, y, font, size, wrapped.at(i));
        }
    }

    void table(const ReportBlock &b)
    {
        const qsizetype n = b.header.size();
        if (n == 0)
            return;
        const double size = n >= 6 ? 6.5 : (n >= 4 ? 7.5 : 9);
        const double pad = 3, lead = size * 1.25;
        // Natural column widths, then shrink the widest ones to fit.
        QList<double> natural(n, 0);
        for (qsizetype c = 0; c < n; ++c) {
            natural[c] = PdfCanvas::textWidth(b.header.at(c), Font::Bold, size) + 2 * pad;
            for (const QStringList &row : b.rows)
                natural[c] = qMax(natural[c], PdfCanvas::textWidth(ReportText::visible(row.value(c)), Font::Regular, size) + 2 * pad);
        }
        QList<double> widths = natural;
        const double fair = kWidth / double(n);
        double total = std::accumulate(widths.begin(), widths.end(), 0.0);
        if (total > kWidth) {
            double fixed = 0, flexibleDemand = 0;
            for (double w : natural)
                (w <= fair ? fixed : flexibleDemand) += w;
            const double remaining = kWidth - fixed;
            for (qsizetype c = 0; c < n; ++c)
                if (natural[c] > fair)
                    widths[c] = qMax(fair * 0.5, natural[c] / flexibleDemand * remaining);
            total = std::accumulate(widths.begin(), widths.end(), 0.0);
            for (double &w : widths)
                w *= kWidth / total;
        }
        auto drawRow = [&](const QStringList &cells, Font font, bool shade) {
            QList<QStringList> wrapped;
            qsizetype maxLines = 1;
            for (qsizetype c = 0; c < n; ++c) {
                wrapped.append(PdfCanvas::wrap(ReportText::visible(cells.value(c)), font, size, widths[c] - 2 * pad));
                maxLines = qMax(maxLines, wrapped.last().size());
            }
            const double h = double(maxLines) * lead + 2 * pad;
            ensure(h);
            if (shade)
                canvas.rect(kMargin, y, kWidth, h, 0.93);
            double x = kMargin;
            for (qsizetype c = 0; c < n; ++c) {
                for (qsizetype l = 0; l < wrapped.at(c).size(); ++l)
                    canvas.text(x + pad, y + pad + double(l + 1) * lead - size * 0.25, font, size, wrapped.at(c).at(l));
                x += widths[c];
            }
            y += h;
            canvas.line(kMargin, y, kMargin + kWidth, y, 0.3, 0.7);
        };
        ensure(lead * 3);
        y += 4;
        canvas.line(kMargin, y, kMargin + kWidth, y, 0.3, 0.7);
        drawRow(b.header, Font::Bold, true);
        for (const QStringList &row : b.rows)
            drawRow(row, Font::Regular, false);
        y += 4;
    }
};
}

QByteArray PdfReportWriter::write(const ReportDocument &doc)
{
    Layout l;
    l.lines(doc.title, Font::Bold, 18);
    l.lines(doc.subtitle, Font::Italic, 11);
    l.y += 6;
    for (const ReportSection &s : doc.sections) {
        const double size = s.level >= 3 ? 11.5 : 14;
        l.ensure(size * 4); // keep a heading with what follows
        l.y += size * 0.8;
        l.lines(s.heading, Font::Bold, size);
        if (s.level < 3)
            l.canvas.line(kMargin, l.y + 3, kMargin + kWidth, l.y + 3, 0.5, 0.75);
        l.y += 4;
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Paragraph:
                l.lines(b.text, Font::Regular, 10);
                break;
            case ReportBlock::Kind::Prompt:
                l.lines(b.text, Font::Italic, 10);
                break;
            case ReportBlock::Kind::Bullets:
                for (const QString &i : b.items)
                    l.lines(i, Font::Regular, 10, 14, QString(QChar(0x2022)));
                break;
            case ReportBlock::Kind::Table:
                l.table(b);
                break;
            case ReportBlock::Kind::Preformatted:
                l.lines(b.text, Font::Mono, 8.5);
                break;
            }
            l.y += 4;
        }
    }
    return l.canvas.finish(doc.title);
}
