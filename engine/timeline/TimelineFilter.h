#pragma once

#include <QSet>
#include <QString>

// What the timeline shows. Empty sets mean "all".
struct TimelineFilter
{
    QSet<QString> sources; // lane sources to show
    QSet<qint64> hostIds;  // hosts to show (0 = items without a host)
    QString text;          // case-insensitive substring of summary or kind

    bool operator==(const TimelineFilter &other) const = default;
};
