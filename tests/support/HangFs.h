#pragma once

#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <memory>

// A FUSE filesystem whose daemon never answers: /dev/fuse is opened and
// mounted, and the fd is never read. Any process touching the mount waits in
// the kernel (fuse_get_req / request_wait_answer) in D state, with a real
// kernel stack. SIGKILL releases such a waiter; closing the fd aborts the
// connection and releases every waiter. The destructor always releases,
// kills and reaps every child and detaches the mount, so a failing test
// leaves nothing stuck behind.
class HangFs
{
public:
    HangFs();
    ~HangFs();
    HangFs(const HangFs &) = delete;
    HangFs &operator=(const HangFs &) = delete;

    // False with a reason when FUSE is not available here (no /dev/fuse, no CAP_SYS_ADMIN).
    bool mount(QString *error);
    QString mountPoint() const;

    // Forks count children named comm (prctl PR_SET_NAME) that hang on the
    // mount: by default each stats its root (all wait in fuse_get_req, and
    // SIGKILL releases them); with sameFile each stats one file in it (the
    // first waits in FUSE, the others behind it in d_alloc_parallel; on some
    // kernels that wait ignores SIGKILL and only release() frees them).
    // Returns their pids.
    QList<qint64> spawnWaiters(int count, const QByteArray &comm, bool sameFile = false);
    // Waits until every pid shows state D in /proc/PID/stat (true) or the timeout passes.
    static bool waitForState(const QList<qint64> &pids, char state, int timeoutMs);
    // SIGKILL and reap the given children.
    void kill(const QList<qint64> &pids);
    // Aborts the connection (releasing waiters), kills all children, detaches the mount.
    void release();

    // Forks a child that renames itself to comm (exact bytes via
    // /proc/self/comm) and sleeps until killed. Not tied to the mount.
    qint64 spawnNamed(const QByteArray &comm);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_fd = -1;
    bool m_mounted = false;
    QList<qint64> m_children;
};
