#pragma once

#include "CollectionEvent.h"

#include <QHash>
#include <functional>
#include <mutex>

// Stamps one host's events (index, name, time) and hands them to the sink.
// Called from the collectors' threads of that host at once: serialised here.
// Progress is throttled per collector (at most one every 200 ms, 100 % always
// passes); every other event always passes.
class HostEventEmitter
{
public:
    using Sink = std::function<void(const CollectionEvent &)>;

    HostEventEmitter(int hostIndex, QString host, Sink sink);

    void emitEvent(CollectionEvent::Kind kind, const QString &collector = {}, const QString &message = {}, int percent = -1);
    void progress(const QString &collector, const QString &message, int percent);

private:
    int m_index;
    QString m_host;
    Sink m_sink;
    std::mutex m_mutex;
    QHash<QString, qint64> m_lastProgressUs; // per collector
};
