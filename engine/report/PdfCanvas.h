#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A minimal PDF 1.4 writer with the standard Type 1 fonts (no embedding, no
// Qt Gui): pages of positioned text and lines. Text is encoded in
// WinAnsiEncoding; characters outside it print as '?'. Coordinates are points
// from the top-left corner of an A4 page.
class PdfCanvas
{
public:
    enum class Font { Regular, Bold, Italic, Mono };
    static constexpr double kPageWidth = 595.28;
    static constexpr double kPageHeight = 841.89;

    void newPage();
    int pageCount() const { return int(m_pages.size()); }
    // Baseline at y (from the top).
    void text(double x, double y, Font font, double size, const QString &text);
    void line(double x1, double y1, double x2, double y2, double width = 0.5, double gray = 0.6);
    void rect(double x, double y, double w, double h, double gray);

    // Width of text in points.
    static double textWidth(const QString &text, Font font, double size);
    // Word-wraps text (newlines kept) into lines no wider than width; words
    // longer than a line are broken.
    static QStringList wrap(const QString &text, Font font, double size, double width);

    QByteArray finish(const QString &title) const;

private:
    static QByteArray encode(const QString &text);
    QList<QByteArray> m_pages; // content streams
};
