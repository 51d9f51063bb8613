#include "HtmlScan.h"

#include <QRegularExpression>

namespace {
QString decode(const QString &s)
{
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) != QLatin1Char('&')) {
            out += s.at(i);
            continue;
        }
        const qsizetype semi = s.indexOf(QLatin1Char(';'), i);
        if (semi < 0 || semi - i > 10) {
            out += s.at(i);
            continue;
        }
        const QString ent = s.mid(i + 1, semi - i - 1);
        if (ent == QLatin1String("lt")) out += QLatin1Char('<');
        else if (ent == QLatin1String("gt")) out += QLatin1Char('>');
        else if (ent == QLatin1String("amp")) out += QLatin1Char('&');
        else if (ent == QLatin1String("quot")) out += QLatin1Char('"');
        else if (ent.startsWith(QLatin1String("#x"))) out += QChar(ent.mid(2).toUShort(nullptr, 16));
        else if (ent.startsWith(QLatin1Char('#'))) out += QChar(ent.mid(1).toUShort());
        else { out += s.mid(i, semi - i + 1); }
        i = semi;
    }
    return out;
}
}

HtmlScan HtmlScan::parse(const QString &html)
{
    HtmlScan r;
    static const QRegularExpression name(QStringLiteral("^<\\s*(/?)\\s*([A-Za-z!][A-Za-z0-9-]*)"));
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
        if (lt < 0) {
            r.text += decode(html.mid(i));
            break;
        }
        r.text += decode(html.mid(i, lt - i));
        const qsizetype gt = html.indexOf(QLatin1Char('>'), lt);
        if (gt < 0) {
            r.wellFormed = false;
            break;
        }
        const QString tag = html.mid(lt, gt - lt + 1);
        const auto m = name.match(tag);
        if (m.hasMatch()) {
            r.tags.append(m.captured(1) + m.captured(2).toLower());
            r.attributes.append(tag.mid(m.capturedLength(0), tag.size() - m.capturedLength(0) - 1));
        } else {
            r.wellFormed = false;
        }
        i = gt + 1;
    }
    return r;
}
