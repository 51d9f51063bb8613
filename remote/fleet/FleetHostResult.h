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
    QString errorKind;      // when the connection failed: host-key-changed, host-key-unknown, auth, timeout, cancelled, connect, protocol
    HostKeyInfo hostKey;    // empty for local or when the connection failed early
    qint64 durationMs = 0;
    QJsonObject details;    // what the job reported (exit code, output, collection ids...)

    static QString statusName(Status s); // ok, failed, timed out, refused, cancelled
    QJsonObject toJson() const;
    // "3 hosts: 2 ok, 1 refused" for the end of a fan-out.
    static QString summary(const QList<FleetHostResult> &results);
};

Q_DECLARE_METATYPE(FleetHostResult)
