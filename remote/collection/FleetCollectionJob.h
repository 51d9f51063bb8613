#pragma once

#include "FleetCollection.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <thread>

// FleetCollection for a GUI: start() returns at once, the run goes on a
// thread of its own, and its events reach the receiver's thread in batches
// (at most one batch every 100 ms, in order; progress of one collector on one
// host is coalesced to its latest), so 300 hosts do not flood the event loop.
// Host-key and password prompts in the SshOptions must be GUI-safe: wrap
// them with PromptRelay.
class FleetCollectionJob : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchIntervalMs = 100;

    explicit FleetCollectionJob(QObject *parent = nullptr);
    ~FleetCollectionJob() override; // cancels and waits

    // Starts once per job; false when a run is still going.
    bool start(const FleetCollection::Settings &settings, const QList<CollectionTarget> &targets,
               const FleetCollection::CollectorSet &collectors);
    void cancelAll();
    void cancelHost(int index);
    bool isRunning() const { return m_running; }
    // Blocks until the run's thread has ended (its last batch and finished()
    // are then queued, delivered by the event loop).
    void wait();

signals:
    void eventsArrived(const QList<CollectionEvent> &batch);
    void finished(const QList<FleetHostResult> &results);

private:
    void queue(const CollectionEvent &event); // worker threads
    void flush();                             // this object's thread

    std::unique_ptr<FleetCollection> m_collection;
    std::thread m_thread;
    std::atomic_bool m_running{false};
    QTimer m_timer;
    std::mutex m_queueMutex;
    QList<CollectionEvent> m_queue;
    QHash<QString, qsizetype> m_progressAt; // "host-index/collector" -> its progress event in m_queue
};
