// libFuzzer target: what a note's text goes through in the engine. The first
// line is a tags field (NoteStore::parseTags); the rest is a note body in
// Markdown, split at a line "--edit--" into two versions whose line diff the
// note history shows. Both go into every report writer (HTML, Markdown, PDF)
// as an authored note, bullets, a table and preformatted text, through the
// ReportText escaping. (Evidence links, [[kind:id]], are parsed only by
// gui/app/EvidenceLink, outside the engine: not fuzzed here.)
#include "FuzzInput.h"
#include "casefile/NoteStore.h"
#include "report/HtmlReportWriter.h"
#include "report/MarkdownReportWriter.h"
#include "report/PdfReportWriter.h"
#include "report/ReportText.h"
#include "util/LineDiff.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView rest = FuzzInput::view(data, size);
    const QStringList tags = NoteStore::parseTags(QString::fromUtf8(FuzzInput::takeLine(rest)));
    const QList<QByteArrayView> versions = FuzzInput::split(rest, "\n--edit--\n");
    const QString before = QString::fromUtf8(versions.first());
    const QString after = QString::fromUtf8(versions.last());

    const QList<LineDiff::Line> diff = LineDiff::compare(before, after);
    LineDiff::stats(diff);
    LineDiff::toText(diff);

    ReportText::visible(after);
    ReportText::markdownInline(after);
    ReportText::html(after);

    ReportDocument doc;
    doc.lang = QStringLiteral("en");
    doc.title = tags.value(0);
    ReportSection section;
    section.id = QStringLiteral("summary");
    section.heading = tags.value(1);
    section.blocks.append(ReportBlock::authoredText(before));
    section.blocks.append(ReportBlock::bullets(after.split(QLatin1Char('\n'))));
    QList<QStringList> rows;
    for (const QString &line : before.split(QLatin1Char('\n')))
        rows.append(line.split(QLatin1Char('|')));
    section.blocks.append(ReportBlock::table(tags, rows));
    section.blocks.append(ReportBlock::preformatted(after));
    doc.sections.append(section);
    HtmlReportWriter::write(doc);
    MarkdownReportWriter::write(doc);
    PdfReportWriter::write(doc);
    return 0;
}
