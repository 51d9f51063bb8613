#pragma once

#include "collectors/Collector.h"

#include <QJsonObject>

class CaseFile;
class HostEventEmitter;

// How one collector ran on one host: its result, when it ran (wall clock) and
// how its last collection ended.
struct CollectorOutcome
{
    QString kind;
    CollectorResult result;
    qint64 startedUs = 0;
    qint64 finishedUs = 0;
    QString status; // complete, partial, incomplete, failed (of its last collection); empty if none
    QString note;   // what a partial/incomplete collection misses

    // The collector's summary plus kind, ok, collection_ids, status, note,
    // error, started, finished (ISO 8601 UTC).
    QJsonObject toJson() const;
};

// Runs one collector on a connected transport, writing through caseFile (a
// connection owned by the calling thread), reporting through events. Never
// throws: an exception from the collector becomes a failed outcome.
namespace CollectorRun {
CollectorOutcome run(Collector &collector, Transport &transport, CaseFile &caseFile, qint64 hostId, const QString &hostSpec,
                     HostEventEmitter &events, const CancelToken &cancel);
}
