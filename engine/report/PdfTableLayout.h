#pragma once

#include "PdfCanvas.h"

#include <QList>
#include <QStringList>

// Column widths of a report table on a PDF page. Every column gets at least
// the width of its short cells (a time, a state: never wrapped), of the
// longest word of its long cells (capped, so a 64-digit hash cannot claim the
// page) and of its header's longest word; what is left goes to the columns in
// proportion to how much more they would need to show their text unwrapped.
// A table that fits unwrapped keeps its natural widths.
namespace PdfTableLayout {
constexpr double kPadding = 3;
constexpr double kMinColumn = 28;
constexpr double kMaxWordClaim = 110;

double fontSizeFor(qsizetype columns);
QList<double> columnWidths(const QStringList &header, const QList<QStringList> &rows, double fontSize, double totalWidth);
}
