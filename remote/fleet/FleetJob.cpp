#include "FleetJob.h"

FleetJob::FleetJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<FleetHostResult>();
    qRegisterMetaType<QList<FleetHostResult>>();
}

FleetJob::~FleetJob()
{
    m_cancel.cancel();
    if (m_thread.joinable())
        m_thread.join();
}

bool FleetJob::start(const QStringList &hosts, const SshOptions &options, int jobs, const FleetRunner::Job &job)
{
    if (m_thread.joinable())
        return false;
    m_running = true;
    m_thread = std::thread([this, hosts, options, jobs, job] {
        FleetRunner runner(options, jobs);
        FleetRunner::Callbacks callbacks;
        callbacks.hostStarted = [this](int i, const QString &h) { emit hostStarted(i, h); };
        callbacks.hostProgress = [this](int i, const QString &h, const QString &m, int p) { emit hostProgress(i, h, m, p); };
        callbacks.hostFinished = [this](const FleetHostResult &r) { emit hostFinished(r); };
        const QList<FleetHostResult> results = runner.run(hosts, job, callbacks, m_cancel);
        m_running = false;
        emit finished(results);
    });
    return true;
}
