#pragma once

#include "FleetRunner.h"

#include <QObject>
#include <thread>

// FleetRunner for a GUI: start() returns at once, the fan-out runs on its own
// thread, and progress arrives as signals (queued to the receiver's thread).
// HostKeyPrompt and SecretPrompt in the SshOptions are still called on worker
// threads: a GUI must marshal them to its own thread with a blocking queued
// call, e.g. QMetaObject::invokeMethod(dialogOwner, ..., Qt::BlockingQueuedConnection, qReturnArg(answer)),
// and must not block its event loop waiting for finished().
class FleetJob : public QObject
{
    Q_OBJECT
public:
    explicit FleetJob(QObject *parent = nullptr);
    ~FleetJob() override; // cancels and waits for the fan-out to stop

    // Starts once; false if already started.
    bool start(const QStringList &hosts, const SshOptions &options, int jobs, const FleetRunner::Job &job);
    void cancel() { m_cancel.cancel(); }
    bool isRunning() const { return m_running; }

signals:
    void hostStarted(int index, const QString &host);
    void hostProgress(int index, const QString &host, const QString &message, int percent);
    void hostFinished(const FleetHostResult &result);
    void finished(const QList<FleetHostResult> &results);

private:
    CancelToken m_cancel;
    std::thread m_thread;
    std::atomic_bool m_running{false};
};
