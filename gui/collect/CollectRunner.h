#pragma once

#include "collection/CollectionEvent.h"
#include "transport/BecomeOptions.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Collector;
class FleetCollectionJob;
struct FleetHostResult;
struct HostKeyQuestion;
struct SecretQuestion;

// The Collect dialog's side of the one collection orchestrator
// (FleetCollection, run by a FleetCollectionJob on its own thread): the same
// job limit, host record, capture window and cancellation as casectl collect.
// Evidence is committed as it arrives, so the panes show it while the run
// goes on. Progress reaches the GUI thread in batches (FleetCollectionJob),
// so hundreds of hosts keep the dialog responsive. Host-key and password
// questions are asked on the GUI thread (PromptRelay).
class CollectRunner : public QObject
{
    Q_OBJECT
public:
    // Builds a fresh set of collectors for one host (called on a worker thread, one call at a time).
    using CollectorSet = std::function<std::vector<std::unique_ptr<Collector>>()>;
    // Answer on the GUI thread.
    using HostKeyAsk = std::function<bool(const HostKeyQuestion &)>;
    using SecretAsk = std::function<std::optional<QByteArray>(const SecretQuestion &)>;

    explicit CollectRunner(QObject *parent = nullptr);
    ~CollectRunner() override;

    void setPrompts(HostKeyAsk hostKey, SecretAsk secret);
    // Hosts handled at once (casectl collect --jobs); FleetRunner::kDefaultJobs unless set.
    void setJobs(int jobs) { m_jobs = jobs; }
    int jobs() const { return m_jobs; }
    // Run every host's work as root (--sudo / --become-method) from the next start().
    void setBecome(const BecomeOptions &become) { m_become = become; }
    void start(const QString &casePath, const QStringList &hosts, const CollectorSet &collectors);
    void cancel(const QString &host);
    void cancelAll();
    bool isRunning() const;
    // Blocks until the run's threads have ended.
    void wait();

signals:
    // Each batch of events as it arrives (for displays that show more than one line per host).
    void eventsArrived(const QList<CollectionEvent> &batch);
    void hostProgress(const QString &host, const QString &message, int percent);
    void hostFinished(const QString &host, bool ok, const QString &message);
    void allFinished();

private:
    void handle(const QList<CollectionEvent> &batch);

    FleetCollectionJob *m_job;
    QStringList m_hosts;
    QHash<int, QStringList> m_messages; // per host index: what each collector did
    HostKeyAsk m_hostKey;
    SecretAsk m_secret;
    int m_jobs;
    BecomeOptions m_become;
};
