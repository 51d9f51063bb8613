#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <memory>

// One writer at a time per case file inside this process. Every write
// transaction, and every write statement outside one, takes its file's gate
// first: the threads of one process (64 collection jobs, an import beside a
// note) queue here without a time limit instead of racing for SQLite's lock
// and losing to its busy timeout. Other processes still meet SQLite's own
// lock (see SqliteBusyWait). First come, first served (a ticket queue: a
// long import committing batch after batch cannot starve a note), and
// recursive, so one thread holding two connections to the file does not
// deadlock on itself.
class CaseWriteGate
{
public:
    // The gate of the file at path (one per file identity in this process).
    static std::shared_ptr<CaseWriteGate> forFile(const QString &path);

    void lock();
    void unlock();

private:
    QMutex m_mutex;
    QWaitCondition m_turn;
    quint64 m_nextTicket = 0;
    quint64 m_serving = 0;
    Qt::HANDLE m_owner = nullptr;
    int m_depth = 0;
};

// Holds a gate for a scope (nothing when the gate is null).
class CaseWriteGateLocker
{
public:
    explicit CaseWriteGateLocker(CaseWriteGate *gate) : m_gate(gate)
    {
        if (m_gate)
            m_gate->lock();
    }
    ~CaseWriteGateLocker() { release(); }
    CaseWriteGateLocker(const CaseWriteGateLocker &) = delete;
    CaseWriteGateLocker &operator=(const CaseWriteGateLocker &) = delete;
    void release()
    {
        if (m_gate)
            m_gate->unlock();
        m_gate = nullptr;
    }

private:
    CaseWriteGate *m_gate;
};
