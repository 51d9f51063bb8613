#include "MarkdownReportWriter.h"

#include "ReportText.h"

namespace {
QString cell(const QString &s)
{
    return ReportText::markdownInline(s);
}

QString block(const ReportBlock &b)
{
    QString out;
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        if (b.authored) {
            out = ReportText::visible(b.text);
        } else {
            const QStringList lines = b.text.split(QLatin1Char('\n'));
            QStringList escaped;
            for (const QString &l : lines)
                escaped.append(ReportText::markdownInline(l));
            out = escaped.join(QStringLiteral("  \n"));
        }
        out += QLatin1Char('\n');
        break;
    case ReportBlock::Kind::Prompt:
        out = QLatin1Char('_') + ReportText::markdownInline(b.text) + QStringLiteral("_\n");
        break;
    case ReportBlock::Kind::Bullets:
        for (const QString &i : b.items)
            out += QStringLiteral("- ") + ReportText::markdownInline(i) + QLatin1Char('\n');
        break;
    case ReportBlock::Kind::Table: {
        QStringList head;
        for (const QString &h : b.header)
            head.append(cell(h));
        out += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
        for (qsizetype i = 0; i < b.header.size(); ++i)
            out += QStringLiteral(" --- |");
        out += QLatin1Char('\n');
        for (const QStringList &row : b.rows) {
            QStringList cells;
            for (qsizetype i = 0; i < b.header.size(); ++i)
                cells.append(cell(row.value(i)));
            out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
        break;
    }
    case ReportBlock::Kind::Preformatted: {
        // A fence longer than any backtick run inside keeps the text literal.
        int longest = 0, run = 0;
        for (const QChar c : b.text) {
            run = c == QLatin1Char('`') ? run + 1 : 0;
            longest = qMax(longest, run);
        }
        const QString fence(qMax(3, longest + 1), QLatin1Char('`'));
        out = fence + QLatin1Char('\n') + ReportText::visible(b.text) + QLatin1Char('\n') + fence + QLatin1Char('\n');
        break;
    }
    }
    return out;
}
}

QString MarkdownReportWriter::write(const ReportDocument &doc)
{
    QString out = QStringLiteral("# ") + ReportText::markdownInline(doc.title) + QStringLiteral("\n\n");
    out += QLatin1Char('_') + ReportText::markdownInline(doc.subtitle) + QStringLiteral("_\n");
    for (const ReportSection &s : doc.sections) {
        out += QLatin1Char('\n') + QString(s.level, QLatin1Char('#')) + QLatin1Char(' ') + ReportText::markdownInline(s.heading) + QStringLiteral("\n");
        for (const ReportBlock &b : s.blocks)
            out += QLatin1Char('\n') + block(b);
    }
    return out;
}
