#pragma once

#include <QList>
#include <QString>

// The Markdown a responder writes in notes, read as structure so that the HTML
// and PDF reports can render it instead of printing the markup. Only a safe
// subset is recognised: paragraphs, headings, bullet and numbered lists,
// quotes, fenced and indented code, and inline code, strong, emphasis and
// links. Raw HTML is text. Everything is plain text again in the result; the
// writers escape it for their format.
namespace NoteMarkdown {

struct Span
{
    enum class Style { Plain, Strong, Emphasis, Code };
    Style style = Style::Plain;
    QString text;
};

struct Block
{
    enum class Kind { Paragraph, Heading, Bullet, Numbered, Quote, Code };
    Kind kind = Kind::Paragraph;
    QList<Span> spans; // all kinds but Code
    QString code;      // Code: the lines, verbatim
    int number = 0;    // Numbered: the item's number
};

QList<Block> parse(const QString &markdown);
// Inline markup of one line or paragraph.
QList<Span> parseInline(const QString &text);
// The text without markup (for a plain-text rendering).
QString plainText(const QList<Span> &spans);

}
