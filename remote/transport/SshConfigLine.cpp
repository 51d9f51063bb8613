#include "SshConfigLine.h"

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') || c == QLatin1Char('\f');
}

}

std::optional<SshConfigLine> SshConfigLine::parse(const QString &line)
{
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && isSpace(line.at(i)))
        ++i;
    const qsizetype keyStart = i;
    while (i < n && !isSpace(line.at(i)) && line.at(i) != QLatin1Char('='))
        ++i;
    SshConfigLine result;
    result.keyword = line.mid(keyStart, i - keyStart).toLower();
    if (result.keyword.isEmpty() || result.keyword.startsWith(QLatin1Char('#')))
        return std::nullopt;
    // Like strdelim(): whitespace, at most one '=', whitespace.
    while (i < n && isSpace(line.at(i)))
        ++i;
    if (i < n && line.at(i) == QLatin1Char('='))
        ++i;
    // Like argv_split(..., terminate_on_comment=1).
    for (;;) {
        while (i < n && isSpace(line.at(i)))
            ++i;
        if (i >= n || line.at(i) == QLatin1Char('#'))
            break;
        QString arg;
        QChar quote;
        for (; i < n; ++i) {
            const QChar c = line.at(i);
            if (quote.isNull() && isSpace(c))
                break;
            if (c == QLatin1Char('\\') && i + 1 < n) {
                const QChar next = line.at(i + 1);
                if (next == QLatin1Char('\'') || next == QLatin1Char('"') || next == QLatin1Char('\\')
                    || (quote.isNull() && next == QLatin1Char(' '))) {
                    arg += next;
                    ++i;
                    continue;
                }
                arg += c;
            } else if (quote.isNull() && (c == QLatin1Char('"') || c == QLatin1Char('\''))) {
                quote = c;
            } else if (!quote.isNull() && c == quote) {
                quote = QChar();
            } else {
                arg += c;
            }
        }
        if (!quote.isNull())
            return std::nullopt;
        result.args.append(arg);
    }
    if (result.args.isEmpty())
        return std::nullopt;
    return result;
}
