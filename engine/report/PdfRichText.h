#pragma once

#include "NoteMarkdown.h"
#include "PdfCanvas.h"

#include <QList>

// Word-wraps styled text (a note's inline Markdown) into lines of runs, each
// run in one font at an x offset from the line's start.
namespace PdfRichText {

struct Run
{
    PdfCanvas::Font font = PdfCanvas::Font::Regular;
    QString text;
    double x = 0;
};
using Line = QList<Run>;

PdfCanvas::Font fontFor(NoteMarkdown::Span::Style style, PdfCanvas::Font base = PdfCanvas::Font::Regular);
QList<Line> wrap(const QList<NoteMarkdown::Span> &spans, double size, double width, PdfCanvas::Font base = PdfCanvas::Font::Regular);

}
