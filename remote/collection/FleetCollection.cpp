#include "FleetCollection.h"

#include "HostEventEmitter.h"
#include "util/TimeUtil.h"


FleetCollection::FleetCollection(Settings settings, QList<CollectionTarget> targets)
    : m_settings(std::move(settings)), m_targets(std::move(targets))
{
    m_hostCancels.reserve(m_targets.size());
    for (qsizetype i = 0; i < m_targets.size(); ++i)
        m_hostCancels.append(CancelToken());
}

void FleetCollection::cancelAll()
{
    m_cancel.cancel();
    for (const CancelToken &t : std::as_const(m_hostCancels))
        t.cancel();
}

void FleetCollection::cancelHost(int index)
{
    if (index >= 0 && index < m_hostCancels.size())
        m_hostCancels.at(index).cancel();
}

QList<FleetHostResult> FleetCollection::run(const CollectorSet &collectors, const EventSink &events, const HostFinished &hostFinished)
{
    const HostEventEmitter::Sink sink = [this, &events](const CollectionEvent &e) {
        if (!events)
            return;
        std::lock_guard lock(m_eventMutex);
        events(e);
    };
    QStringList hosts;
    for (const CollectionTarget &t : std::as_const(m_targets))
        hosts << t.host;

    const HostCollection::Settings hostSettings{m_settings.casePath, m_settings.integrity, m_settings.captureWindow};
    const FleetRunner::Job job = [&](Transport &transport, FleetHostResult &result, const FleetRunner::Progress &,
                                     const CancelToken &cancel) {
        const CollectionTarget &target = m_targets.at(result.index);
        std::vector<std::unique_ptr<Collector>> set;
        {
            std::lock_guard lock(m_collectorSetMutex);
            set = collectors(target);
        }
        HostEventEmitter emitter(result.index, result.host, sink);
        HostCollection host(hostSettings, target, std::move(set));
        host.run(transport, result, emitter, cancel);
    };
    FleetRunner::Callbacks callbacks;
    callbacks.hostStarted = [&sink](int index, const QString &host) {
        HostEventEmitter(index, host, sink).emitEvent(CollectionEvent::Kind::HostStarted);
    };
    callbacks.hostFinished = [&sink, &hostFinished, this](const FleetHostResult &r) {
        if (hostFinished) {
            std::lock_guard lock(m_eventMutex);
            hostFinished(r);
        }
        CollectionEvent e;
        e.kind = CollectionEvent::Kind::HostFinished;
        e.hostIndex = r.index;
        e.host = r.host;
        e.status = FleetHostResult::statusName(r.status);
        e.message = r.error;
        e.errorKind = r.errorKind;
        e.timeUs = TimeUtil::nowUs();
        sink(e);
    };
    FleetRunner runner(m_settings.ssh, m_settings.jobs);
    const QList<FleetHostResult> results = runner.run(hosts, job, callbacks, m_cancel, m_hostCancels);
    CollectionEvent done;
    done.kind = CollectionEvent::Kind::Done;
    done.message = FleetHostResult::summary(results);
    done.timeUs = TimeUtil::nowUs();
    sink(done);
    return results;
}
