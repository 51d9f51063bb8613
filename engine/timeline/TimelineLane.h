#pragma once

#include <QList>
#include <QString>

// One horizontal lane of the timeline: a host and a source.
struct TimelineLane
{
    qint64 hostId = 0;
    QString hostName; // empty for case-wide items (notes, markers without host)
    QString source;

    bool operator==(const TimelineLane &other) const { return hostId == other.hostId && source == other.source; }
};
