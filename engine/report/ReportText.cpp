#include "ReportText.h"

namespace ReportText {

QString visible(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0)
            || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (control)
            out += QStringLiteral("\\x%1").arg(int(u), u > 0xff ? 4 : 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString markdownInline(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_{}[]<>#!|~&$");
    const QString v = visible(text);
    QString out;
    out.reserve(v.size() * 2);
    for (const QChar c : v) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            out += QLatin1Char(' ');
        else if (special.contains(c))
            out += QLatin1Char('\\') + c;
        else
            out += c;
    }
    // A leading list or heading marker would start a block.
    if (!out.isEmpty() && (out.front() == QLatin1Char('-') || out.front() == QLatin1Char('+') || out.front() == QLatin1Char('=')))
        out.prepend(QLatin1Char('\\'));
    return out;
}

QString html(const QString &text)
{
    QString out = visible(text).toHtmlEscaped();
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    return out;
}

}
