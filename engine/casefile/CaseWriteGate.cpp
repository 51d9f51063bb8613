#include "CaseWriteGate.h"

#include "CaseFileIdentity.h"

#include <QHash>
#include <QThread>

std::shared_ptr<CaseWriteGate> CaseWriteGate::forFile(const QString &path)
{
    static QMutex registryMutex;
    static QHash<QString, std::weak_ptr<CaseWriteGate>> registry;
    const QString key = CaseFileIdentity::canonicalPath(path);
    QMutexLocker locker(&registryMutex);
    if (std::shared_ptr<CaseWriteGate> gate = registry.value(key).lock())
        return gate;
    auto gate = std::make_shared<CaseWriteGate>();
    registry.insert(key, gate);
    return gate;
}

void CaseWriteGate::lock()
{
    const Qt::HANDLE self = QThread::currentThreadId();
    QMutexLocker locker(&m_mutex);
    if (m_depth > 0 && m_owner == self) {
        ++m_depth;
        return;
    }
    const quint64 ticket = m_nextTicket++;
    while (m_serving != ticket || m_depth > 0)
        m_turn.wait(&m_mutex);
    m_owner = self;
    m_depth = 1;
}

void CaseWriteGate::unlock()
{
    QMutexLocker locker(&m_mutex);
    Q_ASSERT(m_depth > 0 && m_owner == QThread::currentThreadId());
    if (--m_depth > 0)
        return;
    m_owner = nullptr;
    ++m_serving;
    m_turn.wakeAll();
}
