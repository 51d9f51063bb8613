#include "CollectionEvent.h"

#include "util/TimeUtil.h"

QString CollectionEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::HostStarted: return QStringLiteral("host-started");
    case Kind::HostConnected: return QStringLiteral("host-connected");
    case Kind::CollectorStarted: return QStringLiteral("collector-started");
    case Kind::CollectorProgress: return QStringLiteral("collector-progress");
    case Kind::CollectorFinished: return QStringLiteral("collector-finished");
    case Kind::CollectorFailed: return QStringLiteral("collector-failed");
    case Kind::HostFinished: return QStringLiteral("host-finished");
    case Kind::Done: return QStringLiteral("done");
    }
    return QStringLiteral("unknown");
}

QString CollectionEvent::text() const
{
    const QString percentText = percent >= 0 ? QStringLiteral(" (%1%)").arg(percent) : QString();
    switch (kind) {
    case Kind::HostStarted: return QStringLiteral("connecting");
    case Kind::HostConnected:
        return message.isEmpty() ? QStringLiteral("connected") : QStringLiteral("connected (%1)").arg(message);
    case Kind::CollectorStarted: return QStringLiteral("%1: started").arg(collector);
    case Kind::CollectorProgress: return QStringLiteral("%1: %2%3").arg(collector, message, percentText);
    case Kind::CollectorFinished: return QStringLiteral("%1: %2").arg(collector, message.isEmpty() ? QStringLiteral("done") : message);
    case Kind::CollectorFailed: return QStringLiteral("%1: failed: %2").arg(collector, message);
    case Kind::HostFinished:
        return message.isEmpty() ? status : QStringLiteral("%1: %2").arg(status, message);
    case Kind::Done: return message;
    }
    return message;
}

QJsonObject CollectionEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), kindName(kind)}, {QStringLiteral("time"), TimeUtil::isoUtc(timeUs)}};
    if (hostIndex >= 0)
        o.insert(QStringLiteral("index"), hostIndex);
    if (!host.isEmpty())
        o.insert(QStringLiteral("host"), host);
    if (!collector.isEmpty())
        o.insert(QStringLiteral("collector"), collector);
    if (!status.isEmpty())
        o.insert(QStringLiteral("status"), status);
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!errorKind.isEmpty())
        o.insert(QStringLiteral("error_kind"), errorKind);
    if (kind == Kind::CollectorProgress && percent >= 0)
        o.insert(QStringLiteral("percent"), percent);
    return o;
}
