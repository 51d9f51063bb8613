#include "PdfCanvas.h"

#include <array>

namespace {
// Advance widths (1/1000 em) of ASCII 32..126 from the Adobe core font metrics.
constexpr std::array<short, 95> kHelvetica{
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584};
constexpr std::array<short, 95> kHelveticaBold{
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584};

// WinAnsiEncoding 0x80..0x9F.
constexpr std::array<char16_t, 32> kWinAnsiHigh{
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

unsigned char toWinAnsi(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x20 && u < 0x7f)
        return static_cast<unsigned char>(u);
    if (u >= 0xa0 && u <= 0xff)
        return static_cast<unsigned char>(u);
    for (size_t i = 0; i < kWinAnsiHigh.size(); ++i)
        if (kWinAnsiHigh[i] && kWinAnsiHigh[i] == u)
            return static_cast<unsigned char>(0x80 + i);
    if (u == u'\t')
        return ' ';
    return '?';
}

const char *fontName(PdfCanvas::Font f)
{
    switch (f) {
    case PdfCanvas::Font::Regular: return "F1";
    case PdfCanvas::Font::Bold: return "F2";
    case PdfCanvas::Font::Italic: return "F3";
    case PdfCanvas::Font::Mono: return "F4";
    }
    return "F1";
}

QByteArray num(double v)
{
    return QByteArray::number(v, 'f', 2);
}
}

void PdfCanvas::newPage()
{
    m_pages.append(QByteArray());
}

QByteArray PdfCanvas::encode(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const unsigned char b = toWinAnsi(c);
        if (b == '(' || b == ')' || b == '\\') {
            out += '\\';
            out += char(b);
        } else if (b >= 0x80) {
            out += '\\';
            out += QByteArray::number(b, 8).rightJustified(3, '0');
        } else {
            out += char(b);
        }
    }
    return out;
}

void PdfCanvas::text(double x, double y, Font font, double size, const QString &t)
{
    if (m_pages.isEmpty())
        newPage();
    QByteArray &p = m_pages.last();
    p += "BT /" + QByteArray(fontName(font)) + ' ' + num(size) + " Tf " + num(x) + ' ' + num(kPageHeight - y) + " Td ("
        + encode(t) + ") Tj ET\n";
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double width, double gray)
{
    if (m_pages.isEmpty())
        newPage();
    m_pages.last() += num(gray) + " G " + num(width) + " w " + num(x1) + ' ' + num(kPageHeight - y1) + " m " + num(x2) + ' '
        + num(kPageHeight - y2) + " l S\n";
}

void PdfCanvas::rect(double x, double y, double w, double h, double gray)
{
    if (m_pages.isEmpty())
        newPage();
    m_pages.last() += num(gray) + " g " + num(x) + ' ' + num(kPageHeight - y - h) + ' ' + num(w) + ' ' + num(h) + " re f 0 g\n";
}

double PdfCanvas::textWidth(const QString &t, Font font, double size)
{
    double units = 0;
    for (const QChar c : t) {
        const unsigned char b = toWinAnsi(c);
        if (font == Font::Mono)
            units += 600;
        else if (b >= 32 && b < 127)
            units += (font == Font::Bold ? kHelveticaBold : kHelvetica)[b - 32];
        else
            units += font == Font::Bold ? 611 : 556; // accented letters, approximately
    }
    return units * size / 1000.0;
}

QStringList PdfCanvas::wrap(const QString &text, Font font, double size, double width)
{
    QStringList lines;
    for (const QString &para : text.split(QLatin1Char('\n'))) {
        QString current;
        const QStringList words = para.split(QLatin1Char(' '));
        for (QString word : words) {
            const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
            if (textWidth(candidate, font, size) <= width) {
                current = candidate;
                continue;
            }
            if (!current.isEmpty())
                lines.append(current);
            current.clear();
            // Break a word that does not fit on a line of its own.
            while (textWidth(word, font, size) > width && word.size() > 1) {
                qsizetype n = 1;
                while (n < word.size() && textWidth(word.left(n + 1), font, size) <= width)
                    ++n;
                lines.append(word.left(n));
                word = word.mid(n);
            }
            current = word;
        }
        lines.append(current);
    }
    return lines;
}

QByteArray PdfCanvas::finish(const QString &title) const
{
    QList<QByteArray> pages = m_pages;
    if (pages.isEmpty())
        pages.append(QByteArray());
    // Objects: 1 catalog, 2 pages, 3..6 fonts, 7 info, then page + content per page.
    QList<QByteArray> objects;
    QByteArray kids;
    const int firstPage = 8;
    for (int i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(firstPage + 2 * i) + " 0 R ";
    objects.append("<< /Type /Catalog /Pages 2 0 R >>");
    objects.append("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>");
    for (const char *base : {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Courier"})
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /" + QByteArray(base) + " /Encoding /WinAnsiEncoding >>");
    // Title as UTF-16BE hex string: safe for any text.
    QByteArray utf16("FEFF");
    for (const QChar c : title)
        utf16 += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    objects.append("<< /Title <" + utf16 + "> /Producer (Casebook) >>");
    for (int i = 0; i < pages.size(); ++i) {
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageWidth) + ' ' + num(kPageHeight)
                       + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R >> >> /Contents "
                       + QByteArray::number(firstPage + 2 * i + 1) + " 0 R >>");
        objects.append("<< /Length " + QByteArray::number(pages.at(i).size()) + " >>\nstream\n" + pages.at(i) + "endstream");
    }
    QByteArray out("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 7 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}
