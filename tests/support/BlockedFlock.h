#pragma once

#include <QString>

// Two child processes contending for one file: the holder takes flock(LOCK_EX)
// on it and keeps it until killed; the waiter asks for LOCK_EX too and blocks
// in the kernel. start() returns only once both states are real: the holder
// reported that flock() returned, and /proc/locks lists the waiter as blocked
// ("->") on the file's inode. No fixed sleeps. The destructor kills and reaps
// both, so a failing test leaves nothing behind.
class BlockedFlock
{
public:
    explicit BlockedFlock(const QString &lockPath);
    ~BlockedFlock();
    BlockedFlock(const BlockedFlock &) = delete;
    BlockedFlock &operator=(const BlockedFlock &) = delete;

    // False with *error when either state is not reached within timeoutMs.
    bool start(QString *error, int timeoutMs = 10000);
    QString lockPath() const { return m_path; }
    qint64 holderPid() const { return m_holder; }
    qint64 waiterPid() const { return m_waiter; }
    // The waiter is alive and /proc/locks still lists it as blocked on the file.
    bool waiterBlocked() const;
    // SIGKILL and reap both.
    void release();

private:
    bool listedAsBlocked(qint64 pid) const;

    QString m_path;
    quint64 m_inode = 0;
    qint64 m_holder = 0;
    qint64 m_waiter = 0;
};
