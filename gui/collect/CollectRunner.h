#pragma once

#include "transport/BecomeOptions.h"
#include "util/CancelToken.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <optional>
#include <memory>
#include <vector>

class Collector;
struct HostKeyQuestion;
struct SecretQuestion;

// Collects from several hosts at once: one worker thread per host, each with
// its own transport (LocalTransport for 'local', SSH otherwise) and its own
// connection to the case, running the chosen collectors in turn. Evidence is
// committed as it arrives, so the panes show it while the run goes on.
// Host-key and password questions are asked on the GUI thread (blocking
// queued calls from the worker).
class CollectRunner : public QObject
{
    Q_OBJECT
public:
    // Builds a fresh set of collectors for one host (called on the GUI thread).
    using CollectorSet = std::function<std::vector<std::unique_ptr<Collector>>()>;
    // Answer on the GUI thread.
    using HostKeyAsk = std::function<bool(const HostKeyQuestion &)>;
    using SecretAsk = std::function<std::optional<QByteArray>(const SecretQuestion &)>;

    explicit CollectRunner(QObject *parent = nullptr);
    ~CollectRunner() override;

    void setPrompts(HostKeyAsk hostKey, SecretAsk secret);
    // Run every host's work as root (--sudo / --become-method) from the next start().
    void setBecome(const BecomeOptions &become) { m_become = become; }
    void start(const QString &casePath, const QStringList &hosts, const CollectorSet &collectors);
    void cancel(const QString &host);
    void cancelAll();
    bool isRunning() const;
    void wait();

signals:
    void hostProgress(const QString &host, const QString &message, int percent);
    void hostFinished(const QString &host, bool ok, const QString &message);
    void allFinished();

private:
    struct Job
    {
        QString host;
        CancelToken cancel;
        QThread *thread = nullptr;
    };
    QList<Job> m_jobs;
    HostKeyAsk m_hostKey;
    SecretAsk m_secret;
    BecomeOptions m_become;
    int m_running = 0;
};
