#pragma once

#include "transport/Transport.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// How one host of a fan-out ended.
struct FleetHostResult
{
    enum class Status { Ok, Failed, TimedOut, Refused, Cancelled };

    int index = 0;          // position in the host list
    QString host;           // as the user named it
    Status status = Status::Failed;
    QString error;          // user-presentable when not Ok
    HostKeyInfo hostKey;    // empty for local or when the connection failed early
    qint64 durationMs = 0;
    QJsonObject details;    // what the job reported (exit code, output, collection ids...)

    static QString statusName(Status s); // ok, failed, timed out, refused, cancelled
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(FleetHostResult)
