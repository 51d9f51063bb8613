#include "HtmlReportWriter.h"

#include "NoteMarkdown.h"
#include "ReportText.h"

namespace {
using ReportText::html;

QString spansHtml(const QList<NoteMarkdown::Span> &spans)
{
    QString out;
    for (const NoteMarkdown::Span &s : spans) {
        switch (s.style) {
        case NoteMarkdown::Span::Style::Plain:
            out += html(s.text);
            break;
        case NoteMarkdown::Span::Style::Strong:
            out += QStringLiteral("<strong>") + html(s.text) + QStringLiteral("</strong>");
            break;
        case NoteMarkdown::Span::Style::Emphasis:
            out += QStringLiteral("<em>") + html(s.text) + QStringLiteral("</em>");
            break;
        case NoteMarkdown::Span::Style::Code:
            out += QStringLiteral("<code>") + html(s.text) + QStringLiteral("</code>");
            break;
        }
    }
    return out;
}

// A note's Markdown, rendered: structure from NoteMarkdown, every piece of text escaped.
QString noteHtml(const QString &markdown)
{
    QString out = QStringLiteral("<div class=\"note\">\n");
    QString openList; // "ul" or "ol" while a list is open
    auto closeList = [&] {
        if (!openList.isEmpty())
            out += QStringLiteral("</%1>\n").arg(openList);
        openList.clear();
    };
    auto list = [&](const QString &tag) {
        if (openList != tag) {
            closeList();
            out += QStringLiteral("<%1>\n").arg(tag);
            openList = tag;
        }
    };
    for (const NoteMarkdown::Block &b : NoteMarkdown::parse(markdown)) {
        using Kind = NoteMarkdown::Block::Kind;
        switch (b.kind) {
        case Kind::Bullet:
            list(QStringLiteral("ul"));
            out += QStringLiteral("<li>") + spansHtml(b.spans) + QStringLiteral("</li>\n");
            continue;
        case Kind::Numbered:
            list(QStringLiteral("ol"));
            out += QStringLiteral("<li value=\"%1\">").arg(b.number) + spansHtml(b.spans) + QStringLiteral("</li>\n");
            continue;
        default:
            closeList();
        }
        switch (b.kind) {
        case Kind::Heading:
            out += QStringLiteral("<p class=\"note-heading\"><strong>") + spansHtml(b.spans) + QStringLiteral("</strong></p>\n");
            break;
        case Kind::Quote:
            out += QStringLiteral("<blockquote>") + spansHtml(b.spans) + QStringLiteral("</blockquote>\n");
            break;
        case Kind::Code:
            out += QStringLiteral("<pre>") + html(b.code) + QStringLiteral("</pre>\n");
            break;
        default:
            out += QStringLiteral("<p>") + spansHtml(b.spans) + QStringLiteral("</p>\n");
        }
    }
    closeList();
    return out + QStringLiteral("</div>\n");
}

QString paragraphs(const QString &text, const QString &cls = {})
{
    QString out;
    const QString open = cls.isEmpty() ? QStringLiteral("<p>") : QStringLiteral("<p class=\"%1\">").arg(cls);
    for (const QString &para : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        QString escaped = html(para.trimmed());
        escaped.replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
        out += open + escaped + QStringLiteral("</p>\n");
    }
    return out;
}

QString block(const ReportBlock &b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        return b.authored ? noteHtml(b.text) : paragraphs(b.text);
    case ReportBlock::Kind::Prompt:
        return paragraphs(b.text, QStringLiteral("prompt"));
    case ReportBlock::Kind::Bullets: {
        QString out = QStringLiteral("<ul>\n");
        for (const QString &i : b.items)
            out += QStringLiteral("<li>") + html(i) + QStringLiteral("</li>\n");
        return out + QStringLiteral("</ul>\n");
    }
    case ReportBlock::Kind::Table: {
        QString out = QStringLiteral("<table>\n<thead><tr>");
        for (const QString &h : b.header)
            out += QStringLiteral("<th>") + html(h) + QStringLiteral("</th>");
        out += QStringLiteral("</tr></thead>\n<tbody>\n");
        for (const QStringList &row : b.rows) {
            out += QStringLiteral("<tr>");
            for (qsizetype i = 0; i < b.header.size(); ++i)
                out += QStringLiteral("<td>") + html(row.value(i)) + QStringLiteral("</td>");
            out += QStringLiteral("</tr>\n");
        }
        return out + QStringLiteral("</tbody>\n</table>\n");
    }
    case ReportBlock::Kind::Preformatted:
        return QStringLiteral("<pre>") + html(b.text) + QStringLiteral("</pre>\n");
    }
    return {};
}
}

QString HtmlReportWriter::write(const ReportDocument &doc)
{
    QString out = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"generator\" content=\"Casebook\">\n<title>%2</title>\n<style>\n"
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n"
        "h1{margin-bottom:0}.subtitle{color:#666;margin-top:.2em}\n"
        "h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}\n"
        "table{border-collapse:collapse;margin:.6em 0;font-size:90%}\n"
        "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top;word-break:break-word}\n"
        "th{background:#f3f3f3}.prompt{color:#777;font-style:italic}\n"
        "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}\n"
        "code{background:#f3f3f3;padding:0 .2em;font-size:95%}\n"
        "blockquote{margin:.4em 0;padding-left:.8em;border-left:3px solid #ccc;color:#444}\n"
        ".note{margin:.4em 0}\n"
        "</style>\n</head>\n<body>\n")
        .arg(html(doc.lang), html(doc.title));
    out += QStringLiteral("<h1>") + html(doc.title) + QStringLiteral("</h1>\n<p class=\"subtitle\">") + html(doc.subtitle)
        + QStringLiteral("</p>\n");
    for (const ReportSection &s : doc.sections) {
        const QString tag = s.level >= 3 ? QStringLiteral("h3") : QStringLiteral("h2");
        out += QStringLiteral("<section id=\"%1\">\n<%2>").arg(html(s.id), tag) + html(s.heading)
            + QStringLiteral("</%1>\n").arg(tag);
        for (const ReportBlock &b : s.blocks)
            out += block(b);
        out += QStringLiteral("</section>\n");
    }
    return out + QStringLiteral("</body>\n</html>\n");
}
