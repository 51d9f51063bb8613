#include "FleetCollectionJob.h"

#include <QMetaObject>

FleetCollectionJob::FleetCollectionJob(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<FleetHostResult>();
    qRegisterMetaType<QList<FleetHostResult>>();
    qRegisterMetaType<CollectionEvent>();
    qRegisterMetaType<QList<CollectionEvent>>();
    m_timer.setInterval(kBatchIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FleetCollectionJob::flush);
}

FleetCollectionJob::~FleetCollectionJob()
{
    cancelAll();
    wait();
}

void FleetCollectionJob::cancelAll()
{
    if (m_collection)
        m_collection->cancelAll();
}

void FleetCollectionJob::cancelHost(int index)
{
    if (m_collection)
        m_collection->cancelHost(index);
}

void FleetCollectionJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool FleetCollectionJob::start(const FleetCollection::Settings &settings, const QList<CollectionTarget> &targets,
                               const FleetCollection::CollectorSet &collectors)
{
    if (m_running)
        return false;
    wait();
    m_collection = std::make_unique<FleetCollection>(settings, targets);
    m_running = true;
    m_timer.start();
    FleetCollection *collection = m_collection.get();
    m_thread = std::thread([this, collection, collectors] {
        const QList<FleetHostResult> results = collection->run(collectors, [this](const CollectionEvent &e) { queue(e); });
        QMetaObject::invokeMethod(this, [this, results] {
            m_timer.stop();
            flush();
            m_running = false;
            emit finished(results);
        }, Qt::QueuedConnection);
    });
    return true;
}

void FleetCollectionJob::queue(const CollectionEvent &event)
{
    std::lock_guard lock(m_queueMutex);
    if (event.kind == CollectionEvent::Kind::CollectorProgress) {
        const QString key = QString::number(event.hostIndex) + QLatin1Char('/') + event.collector;
        const auto it = m_progressAt.constFind(key);
        if (it != m_progressAt.cend()) {
            m_queue[*it] = event;
            return;
        }
        m_progressAt.insert(key, m_queue.size());
    }
    m_queue.append(event);
}

void FleetCollectionJob::flush()
{
    QList<CollectionEvent> batch;
    {
        std::lock_guard lock(m_queueMutex);
        batch.swap(m_queue);
        m_progressAt.clear();
    }
    if (!batch.isEmpty())
        emit eventsArrived(batch);
}
