#include "NoteMarkdown.h"

#include <QRegularExpression>

namespace NoteMarkdown {
namespace {

using Style = Span::Style;

void append(QList<Span> &spans, Style style, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!spans.isEmpty() && spans.last().style == style)
        spans.last().text += text;
    else
        spans.append({style, text});
}

bool isPunctuation(QChar c)
{
    return c.isPunct() || c.isSymbol();
}

// A closing delimiter run of `delim` at or after `from`, not preceded by
// whitespace, within the same text. -1 if none.
qsizetype findClosing(const QString &text, qsizetype from, const QString &delim)
{
    qsizetype at = from;
    while ((at = text.indexOf(delim, at)) >= 0) {
        if (at > from && !text.at(at - 1).isSpace() && text.at(at - 1) != QLatin1Char('\\'))
            return at;
        at += delim.size();
    }
    return -1;
}

const QRegularExpression &headingPattern()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$"));
    return re;
}
const QRegularExpression &bulletPattern()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}[-*+]\\s+(.*)$"));
    return re;
}
const QRegularExpression &numberedPattern()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(\\d{1,9})[.)]\\s+(.*)$"));
    return re;
}
const QRegularExpression &fencePattern()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(```+|~~~+)"));
    return re;
}

} // namespace

QList<Span> parseInline(const QString &text)
{
    QList<Span> spans;
    QString plain;
    auto flush = [&] {
        append(spans, Style::Plain, plain);
        plain.clear();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n && isPunctuation(text.at(i + 1))) {
            plain += text.at(i + 1);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            qsizetype run = 0;
            while (i + run < n && text.at(i + run) == QLatin1Char('`'))
                ++run;
            const QString fence(run, QLatin1Char('`'));
            const qsizetype close = text.indexOf(fence, i + run);
            if (close > 0) {
                flush();
                QString code = text.mid(i + run, close - i - run);
                if (code.size() >= 2 && code.front() == QLatin1Char(' ') && code.back() == QLatin1Char(' '))
                    code = code.mid(1, code.size() - 2);
                append(spans, Style::Code, code);
                i = close + run;
                continue;
            }
            plain += fence;
            i += run;
            continue;
        }
        if ((c == QLatin1Char('*') || c == QLatin1Char('_')) && i + 1 < n) {
            const bool strong = text.at(i + 1) == c;
            const QString delim = strong ? QString(2, c) : QString(c);
            const qsizetype start = i + delim.size();
            // Opening: not followed by whitespace; an underscore not inside a word.
            const bool leftOk = start < n && !text.at(start).isSpace()
                && (c == QLatin1Char('*') || i == 0 || !text.at(i - 1).isLetterOrNumber());
            if (leftOk) {
                const qsizetype close = findClosing(text, start, delim);
                const bool rightOk = close > 0
                    && (c == QLatin1Char('*') || close + delim.size() >= n || !text.at(close + delim.size()).isLetterOrNumber());
                if (rightOk) {
                    flush();
                    const QList<Span> inner = parseInline(text.mid(start, close - start));
                    for (const Span &s : inner)
                        append(spans, s.style == Style::Plain ? (strong ? Style::Strong : Style::Emphasis) : s.style, s.text);
                    i = close + delim.size();
                    continue;
                }
            }
        }
        if (c == QLatin1Char('[') && !(i + 1 < n && text.at(i + 1) == QLatin1Char('['))) {
            // [text](target): the text, then the target in parentheses.
            const qsizetype closeText = text.indexOf(QLatin1Char(']'), i + 1);
            if (closeText > i && closeText + 1 < n && text.at(closeText + 1) == QLatin1Char('(')) {
                const qsizetype closeTarget = text.indexOf(QLatin1Char(')'), closeText + 2);
                if (closeTarget > closeText) {
                    flush();
                    const QString label = text.mid(i + 1, closeText - i - 1);
                    const QString target = text.mid(closeText + 2, closeTarget - closeText - 2).trimmed();
                    for (const Span &s : parseInline(label))
                        append(spans, s.style, s.text);
                    if (!target.isEmpty() && target != label)
                        append(spans, Style::Plain, QStringLiteral(" (") + target + QLatin1Char(')'));
                    i = closeTarget + 1;
                    continue;
                }
            }
        }
        plain += c;
        ++i;
    }
    flush();
    return spans;
}

QString plainText(const QList<Span> &spans)
{
    QString out;
    for (const Span &s : spans)
        out += s.text;
    return out;
}

QList<Block> parse(const QString &markdown)
{
    QList<Block> blocks;
    QString paragraph;
    Block::Kind paragraphKind = Block::Kind::Paragraph;
    int number = 0;
    auto flush = [&] {
        if (!paragraph.trimmed().isEmpty())
            blocks.append({paragraphKind, parseInline(paragraph.trimmed()), {}, number});
        paragraph.clear();
        paragraphKind = Block::Kind::Paragraph;
        number = 0;
    };
    auto start = [&](Block::Kind kind, const QString &text, int num = 0) {
        flush();
        paragraphKind = kind;
        paragraph = text;
        number = num;
    };

    QString normalized = markdown;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QRegularExpressionMatch fence = fencePattern().match(line);
        if (fence.hasMatch()) {
            flush();
            const QString marker = fence.captured(1);
            QStringList code;
            qsizetype j = i + 1;
            for (; j < lines.size(); ++j) {
                if (lines.at(j).trimmed().startsWith(marker))
                    break;
                code.append(lines.at(j));
            }
            blocks.append({Block::Kind::Code, {}, code.join(QLatin1Char('\n')), 0});
            i = j; // the closing fence (or the end)
            continue;
        }
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        if (paragraph.isEmpty() && line.startsWith(QLatin1String("    "))) {
            QStringList code;
            qsizetype j = i;
            for (; j < lines.size() && (lines.at(j).startsWith(QLatin1String("    ")) || lines.at(j).trimmed().isEmpty()); ++j)
                code.append(lines.at(j).mid(4));
            while (!code.isEmpty() && code.last().trimmed().isEmpty())
                code.removeLast();
            blocks.append({Block::Kind::Code, {}, code.join(QLatin1Char('\n')), 0});
            i = j - 1;
            continue;
        }
        if (const QRegularExpressionMatch m = headingPattern().match(line); m.hasMatch()) {
            start(Block::Kind::Heading, m.captured(2));
            flush();
            continue;
        }
        if (const QRegularExpressionMatch m = bulletPattern().match(line); m.hasMatch()) {
            start(Block::Kind::Bullet, m.captured(1));
            continue;
        }
        if (const QRegularExpressionMatch m = numberedPattern().match(line); m.hasMatch()) {
            start(Block::Kind::Numbered, m.captured(2), m.captured(1).toInt());
            continue;
        }
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('>'))) {
            const QString text = trimmed.mid(1).trimmed();
            if (paragraphKind == Block::Kind::Quote && !paragraph.isEmpty())
                paragraph += QLatin1Char(' ') + text;
            else
                start(Block::Kind::Quote, text);
            continue;
        }
        // A continuation line joins the paragraph or list item it follows.
        paragraph += (paragraph.isEmpty() ? QString() : QStringLiteral(" ")) + trimmed;
    }
    flush();
    return blocks;
}

}
