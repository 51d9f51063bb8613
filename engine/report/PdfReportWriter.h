#pragma once

#include "ReportDocument.h"

#include <QByteArray>

// Lays a report out as A4 PDF pages with PdfCanvas (headings, wrapped
// paragraphs, bullet lists, tables with wrapped cells, page breaks). Needs no
// display or Qt Gui, so casectl can write PDFs on a headless machine.
class PdfReportWriter
{
public:
    static QByteArray write(const ReportDocument &doc);
};
