#pragma once

#include <QList>
#include <QString>

// One row of the report's series of events.
struct ReportTimelineItem
{
    qint64 atUs = 0;
    QString source;
    QString host;
    QString text;
    int count = 1;       // > 1: this row stands for repeated events
    qint64 lastUs = 0;   // the last of them
};

// Folds repeated events into one row: events of the same source and host
// whose text differs only in its numbers (eleven "php-fpm worker 4711 hung in
// flock" with other pids) within a window of each other become one row that
// says how many there were and until when. Input and output in time order.
namespace RepeatedEventGrouper {
constexpr qint64 kWindowUs = 15LL * 60 * 1000 * 1000;
QList<ReportTimelineItem> group(const QList<ReportTimelineItem> &sortedItems, qint64 windowUs = kWindowUs);
// The text with every run of digits replaced by '#': what "the same event" means.
QString shapeOf(const QString &text);
}
