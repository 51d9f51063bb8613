#include "PdfReportWriter.h"

#include "NoteMarkdown.h"
#include "PdfCanvas.h"
#include "PdfRichText.h"
#include "PdfTableLayout.h"
#include "ReportText.h"

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

    void richLines(const QList<NoteMarkdown::Span> &spans, double size, double indent = 0, const QString &bullet = {},
                   Font base = Font::Regular)
    {
        const double lead = size * 1.3;
        const QList<PdfRichText::Line> wrapped = PdfRichText::wrap(spans, size, kWidth - indent, base);
        for (qsizetype i = 0; i < wrapped.size(); ++i) {
            ensure(lead);
            y += lead;
            if (i == 0 && !bullet.isEmpty())
                canvas.text(kMargin + indent - PdfCanvas::textWidth(bullet, Font::Regular, size) - 4, y, Font::Regular, size, bullet);
            for (const PdfRichText::Run &r : wrapped.at(i))
                canvas.text(kMargin + indent + r.x, y, r.font, size, r.text);
        }
    }

    // A note's Markdown, rendered: headings bold, lists with markers, code in
    // a monospaced font, inline code, strong and emphasis in their fonts.
    void note(const QString &markdown)
    {
        for (const NoteMarkdown::Block &b : NoteMarkdown::parse(markdown)) {
            using Kind = NoteMarkdown::Block::Kind;
            switch (b.kind) {
            case Kind::Paragraph:
                richLines(b.spans, 10);
                y += 3;
                break;
            case Kind::Heading:
                y += 2;
                richLines(b.spans, 10.5, 0, {}, Font::Bold);
                y += 2;
                break;
            case Kind::Bullet:
                richLines(b.spans, 10, 14, QString(QChar(0x2022)));
                break;
            case Kind::Numbered:
                richLines(b.spans, 10, 20, QString::number(b.number) + QLatin1Char('.'));
                break;
            case Kind::Quote:
                richLines(b.spans, 10, 12, {}, Font::Italic);
                y += 3;
                break;
            case Kind::Code:
                lines(b.code, Font::Mono, 8.5, 8);
                y += 3;
                break;
            }
        }
    }

    void table(const ReportBlock &b)
    {
        const qsizetype n = b.header.size();
        if (n == 0)
            return;
        const double size = PdfTableLayout::fontSizeFor(n);
        const double pad = PdfTableLayout::kPadding, lead = size * 1.25;
        const QList<double> widths = PdfTableLayout::columnWidths(b.header, b.rows, size, kWidth);
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
                if (b.authored)
                    l.note(b.text);
                else
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
