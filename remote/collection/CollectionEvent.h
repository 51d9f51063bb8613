#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One step of a collection as it happens, for progress displays: casectl
// prints them on stderr (as JSON lines with --json), the Collect dialog shows
// them per host. Emitted on worker threads by FleetCollection.
struct CollectionEvent
{
    enum class Kind {
        HostStarted,       // the host's turn came (a job slot is free)
        HostConnected,     // connected and authenticated; message: host key
        CollectorStarted,  // collector: its kind
        CollectorProgress, // message, percent (-1 unknown); throttled
        CollectorFinished, // message: how its collection ended (complete, partial...)
        CollectorFailed,   // message: the error
        HostFinished,      // status: ok, failed, timed out, refused, cancelled; message: error
        Done,              // every host is finished; message: summary
    };

    Kind kind = Kind::HostStarted;
    int hostIndex = -1;  // position in the host list; -1 for Done
    QString host;
    QString collector;   // kind of collector for Collector* events
    QString message;
    QString status;      // HostFinished
    QString errorKind;   // HostFinished when the connection failed (FleetHostResult::errorKind)
    int percent = -1;
    qint64 timeUs = 0;   // wall clock, microseconds since the epoch (UTC)

    static QString kindName(Kind kind); // host-started, host-connected, collector-started...
    // One line for a terminal, without the host name (not escaped).
    QString text() const;
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(CollectionEvent)
