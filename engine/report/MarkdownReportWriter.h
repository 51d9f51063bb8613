#pragma once

#include "ReportDocument.h"

// Renders a report as Markdown (CommonMark + GitHub tables) for issue trackers
// and wikis. Evidence text is escaped so it reads literally; notes written by
// the user in Markdown are kept as they are.
class MarkdownReportWriter
{
public:
    static QString write(const ReportDocument &doc);
};
