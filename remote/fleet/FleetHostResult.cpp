#include "FleetHostResult.h"

#include <QMap>

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
    if (!errorKind.isEmpty())
        o.insert(QStringLiteral("error_kind"), errorKind);
    o.insert(QStringLiteral("duration_ms"), durationMs);
    if (!hostKey.isEmpty())
        o.insert(QStringLiteral("host_key"), QJsonObject{{QStringLiteral("type"), hostKey.type},
                                                         {QStringLiteral("sha256"), hostKey.sha256}});
    return o;
}

QString FleetHostResult::summary(const QList<FleetHostResult> &results)
{
    QMap<int, int> counts;
    for (const auto &r : results)
        ++counts[int(r.status)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(statusName(Status(it.key())));
    return QStringLiteral("%1 host%2: %3").arg(results.size()).arg(results.size() == 1 ? QString() : QStringLiteral("s"),
                                              parts.join(QLatin1String(", ")));
}
