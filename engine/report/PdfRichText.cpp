#include "PdfRichText.h"

#include "ReportText.h"

namespace PdfRichText {
namespace {
using Font = PdfCanvas::Font;

struct Word
{
    Font font;
    QString text;
    bool spaceBefore;
};

QList<Word> wordsOf(const QList<NoteMarkdown::Span> &spans, Font base)
{
    QList<Word> words;
    bool pendingSpace = false; // whitespace seen since the last word
    for (const NoteMarkdown::Span &s : spans) {
        const Font font = fontFor(s.style, base);
        QString current;
        bool currentSpace = false;
        const QString text = ReportText::visible(s.text);
        for (const QChar c : text) {
            if (c.isSpace()) {
                if (!current.isEmpty()) {
                    words.append({font, current, currentSpace});
                    current.clear();
                }
                pendingSpace = true;
                continue;
            }
            if (current.isEmpty()) {
                if (!pendingSpace && !words.isEmpty() && words.last().font == font) {
                    // Same font, nothing between it and the previous span's last word: one word.
                    const Word previous = words.takeLast();
                    current = previous.text;
                    currentSpace = previous.spaceBefore;
                } else {
                    currentSpace = pendingSpace;
                }
                pendingSpace = false;
            }
            current += c;
        }
        if (!current.isEmpty())
            words.append({font, current, currentSpace});
    }
    return words;
}
}

Font fontFor(NoteMarkdown::Span::Style style, Font base)
{
    switch (style) {
    case NoteMarkdown::Span::Style::Strong:
        return Font::Bold;
    case NoteMarkdown::Span::Style::Emphasis:
        return Font::Italic;
    case NoteMarkdown::Span::Style::Code:
        return Font::Mono;
    case NoteMarkdown::Span::Style::Plain:
        break;
    }
    return base;
}

QList<Line> wrap(const QList<NoteMarkdown::Span> &spans, double size, double width, Font base)
{
    QList<Line> lines;
    Line current;
    double x = 0;
    const double space = PdfCanvas::textWidth(QStringLiteral(" "), base, size);
    for (Word w : wordsOf(spans, base)) {
        double wordWidth = PdfCanvas::textWidth(w.text, w.font, size);
        const double gap = (w.spaceBefore && !current.isEmpty()) ? space : 0;
        if (!current.isEmpty() && x + gap + wordWidth > width) {
            lines.append(current);
            current.clear();
            x = 0;
        }
        // A word longer than a line is broken.
        while (wordWidth > width && w.text.size() > 1) {
            qsizetype n = 1;
            while (n < w.text.size() && PdfCanvas::textWidth(w.text.left(n + 1), w.font, size) <= width)
                ++n;
            current.append({w.font, w.text.left(n), 0});
            lines.append(current);
            current.clear();
            w.text = w.text.mid(n);
            wordWidth = PdfCanvas::textWidth(w.text, w.font, size);
            x = 0;
        }
        const double g = (w.spaceBefore && !current.isEmpty()) ? space : 0;
        current.append({w.font, w.text, x + g});
        x += g + wordWidth;
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines.append(current);
    return lines;
}

}
