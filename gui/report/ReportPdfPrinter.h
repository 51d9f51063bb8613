#pragma once

#include <QString>

// Prints Markdown (an edited report draft) to a PDF file through QTextDocument
// and QPdfWriter: raw HTML in the Markdown is not interpreted.
class ReportPdfPrinter
{
public:
    static void markdownToPdf(const QString &markdown, const QString &title, const QString &path);
    // The same Markdown as one self-contained HTML file (no scripts, no
    // external resources).
    static QString markdownToHtml(const QString &markdown, const QString &title);
};
