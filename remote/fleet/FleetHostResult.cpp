#include "FleetHostResult.h"

QString FleetHostResult::statusName(Status s)
{
    switch (s) {
    case Status::Ok: return QStringLiteral("ok");
    case Status::Failed: return QStringLiteral("failed");
    case Status::TimedOut: return QStringLiteral("timed out");
    case Status::Refused: return QStringLiteral("refused");
    case Status::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

QJsonObject FleetHostResult::toJson() const
{
    QJsonObject o = details;
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("status"), statusName(status));
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("duration_ms"), durationMs);
    if (!hostKey.isEmpty())
        o.insert(QStringLiteral("host_key"), QJsonObject{{QStringLiteral("type"), hostKey.type},
                                                         {QStringLiteral("sha256"), hostKey.sha256}});
    return o;
}
