#include "CollectRunner.h"

#include "collection/FleetCollectionJob.h"
#include "collectors/Collector.h"
#include "trust/PromptRelay.h"

CollectRunner::CollectRunner(QObject *parent)
    : QObject(parent), m_job(new FleetCollectionJob(this)), m_jobs(FleetRunner::kDefaultJobs)
{
    connect(m_job, &FleetCollectionJob::eventsArrived, this, &CollectRunner::handle);
    connect(m_job, &FleetCollectionJob::finished, this, [this] { emit allFinished(); });
}

CollectRunner::~CollectRunner()
{
    cancelAll();
    wait();
}

void CollectRunner::setPrompts(HostKeyAsk hostKey, SecretAsk secret)
{
    m_hostKey = std::move(hostKey);
    m_secret = std::move(secret);
}

bool CollectRunner::isRunning() const
{
    return m_job->isRunning();
}

void CollectRunner::wait()
{
    m_job->wait();
}

void CollectRunner::cancel(const QString &host)
{
    for (qsizetype i = 0; i < m_hosts.size(); ++i)
        if (m_hosts.at(i) == host)
            m_job->cancelHost(int(i));
}

void CollectRunner::cancelAll()
{
    m_job->cancelAll();
}

namespace {
QString connectionMessage(const CollectionEvent &e)
{
    if (e.errorKind == QLatin1String("host-key-changed"))
        return CollectRunner::tr("Refused: the host key of this host has CHANGED since it was trusted. This can mean "
                                 "someone is intercepting the connection, or the host was reinstalled. Casebook does "
                                 "not override this; check the new key with the host's owner and update known_hosts. (%1)")
            .arg(e.message);
    if (e.errorKind == QLatin1String("host-key-unknown"))
        return CollectRunner::tr("Refused: the host key was not trusted. (%1)").arg(e.message);
    if (e.errorKind == QLatin1String("auth"))
        return CollectRunner::tr("Authentication failed: %1").arg(e.message);
    if (e.errorKind == QLatin1String("cancelled"))
        return CollectRunner::tr("Cancelled.");
    return e.message;
}
}

void CollectRunner::handle(const QList<CollectionEvent> &batch)
{
    emit eventsArrived(batch);
    using K = CollectionEvent::Kind;
    for (const CollectionEvent &e : batch) {
        switch (e.kind) {
        case K::HostStarted:
            emit hostProgress(e.host, tr("Connecting…"), -1);
            break;
        case K::HostConnected:
            emit hostProgress(e.host, tr("Connected"), -1);
            break;
        case K::CollectorStarted:
            emit hostProgress(e.host, tr("%1: started").arg(e.collector), -1);
            break;
        case K::CollectorProgress:
            emit hostProgress(e.host, QStringLiteral("%1: %2").arg(e.collector, e.message), e.percent);
            break;
        case K::CollectorFinished:
            m_messages[e.hostIndex] << tr("%1 done").arg(e.collector);
            break;
        case K::CollectorFailed:
            m_messages[e.hostIndex] << tr("%1 failed: %2").arg(e.collector, e.message);
            break;
        case K::HostFinished: {
            const bool ok = e.status == QLatin1String("ok");
            QStringList messages = m_messages.take(e.hostIndex);
            if (!e.errorKind.isEmpty())
                messages << connectionMessage(e);
            else if (e.status == QLatin1String("cancelled"))
                messages << tr("cancelled; what arrived is kept");
            else if (!ok && messages.isEmpty())
                messages << e.message;
            emit hostFinished(e.host, ok, messages.join(QStringLiteral("; ")));
            break;
        }
        case K::Done:
            break;
        }
    }
}

void CollectRunner::start(const QString &casePath, const QStringList &hosts, const CollectorSet &collectors)
{
    if (m_job->isRunning())
        return;
    m_hosts = hosts;
    m_messages.clear();
    FleetCollection::Settings settings;
    settings.casePath = casePath;
    settings.jobs = m_jobs;
    // The open case was checked when it was opened.
    settings.integrity = CaseFileValidator::Integrity::Never;
    if (m_hostKey)
        settings.ssh.hostKeyPrompt = PromptRelay::hostKeyPrompt(this, m_hostKey);
    if (m_secret)
        settings.ssh.secretPrompt = PromptRelay::secretPrompt(this, m_secret);
    settings.ssh.allowPassword = bool(m_secret);
    settings.ssh.become = m_become;
    m_job->start(settings, CollectionTarget::fromHosts(hosts), [collectors](const CollectionTarget &) { return collectors(); });
}
