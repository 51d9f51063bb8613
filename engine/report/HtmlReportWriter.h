#pragma once

#include "ReportDocument.h"

// Renders a report as one self-contained HTML file: inline style only, no
// scripts, no external resources (a Content-Security-Policy forbids them),
// every piece of text escaped.
class HtmlReportWriter
{
public:
    static QString write(const ReportDocument &doc);
};
