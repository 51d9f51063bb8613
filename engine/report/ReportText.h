#pragma once

#include <QString>

// Helpers the report writers share for untrusted text.
namespace ReportText {
// Control characters (except newline and tab) made visible as \xNN, so a
// hostile name cannot hide or reorder text in any output format.
QString visible(const QString &text);
// Backslash-escapes every character Markdown would interpret inline, and
// writes newlines as spaces (for table cells and list items).
QString markdownInline(const QString &text);
// HTML-escaped (& < > " '), control characters visible.
QString html(const QString &text);
}
