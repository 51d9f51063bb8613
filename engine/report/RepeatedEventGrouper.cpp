#include "RepeatedEventGrouper.h"

#include <QHash>

namespace RepeatedEventGrouper {

QString shapeOf(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool inDigits = false;
    for (const QChar c : text) {
        if (c.isDigit()) {
            if (!inDigits)
                out += QLatin1Char('#');
            inDigits = true;
        } else {
            out += c;
            inDigits = false;
        }
    }
    return out;
}

QList<ReportTimelineItem> group(const QList<ReportTimelineItem> &sortedItems, qint64 windowUs)
{
    QList<ReportTimelineItem> out;
    QHash<QString, qsizetype> open; // key -> index in out of the group still accepting
    for (const ReportTimelineItem &item : sortedItems) {
        const QString key = item.source + QChar(0x1f) + item.host + QChar(0x1f) + shapeOf(item.text);
        const auto it = open.constFind(key);
        if (it != open.constEnd()) {
            ReportTimelineItem &g = out[*it];
            const qint64 last = g.lastUs ? g.lastUs : g.atUs;
            if (item.atUs - last <= windowUs) {
                ++g.count;
                g.lastUs = item.atUs;
                continue;
            }
        }
        out.append(item);
        out.last().count = 1;
        out.last().lastUs = 0;
        open.insert(key, out.size() - 1);
    }
    return out;
}

}
