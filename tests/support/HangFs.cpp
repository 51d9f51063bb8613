#include "HangFs.h"

#include "PollUntil.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

HangFs::HangFs() = default;

HangFs::~HangFs()
{
    release();
}

bool HangFs::mount(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_fd = ::open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (m_fd < 0) {
        *error = QStringLiteral("cannot open /dev/fuse: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const QByteArray opts = "fd=" + QByteArray::number(m_fd) + ",rootmode=40000,user_id=0,group_id=0";
    const QByteArray target = QFile::encodeName(m_dir->path());
    if (::mount("casebook-hangfs", target.constData(), "fuse.casebook-hangfs", MS_NOSUID | MS_NODEV, opts.constData()) != 0) {
        *error = QStringLiteral("mount(fuse) failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    m_mounted = true;
    return true;
}

QString HangFs::mountPoint() const
{
    return m_dir ? m_dir->path() : QString();
}

QList<qint64> HangFs::spawnWaiters(int count, const QByteArray &comm, bool sameFile)
{
    QList<qint64> pids;
    for (int i = 0; i < count; ++i) {
        // stat of the mount's root: a GETATTR request each, no inode lock, so
        // all wait side by side in fuse_get_req, killable. A lookup in the root
        // serializes on the directory instead (fuse_lock_inode, d_alloc_parallel:
        // unkillable until the connection aborts).
        const QByteArray path = sameFile ? QFile::encodeName(mountPoint()) + "/never-answered" : QFile::encodeName(mountPoint());
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::prctl(PR_SET_NAME, comm.constData());
            if (m_fd >= 0)
                ::close(m_fd);
            struct stat st;
            ::stat(path.constData(), &st); // hangs in D until killed or the connection aborts
            ::_exit(0);
        }
        if (pid > 0) {
            pids.append(pid);
            m_children.append(pid);
        }
    }
    return pids;
}

bool HangFs::waitForState(const QList<qint64> &pids, char state, int timeoutMs)
{
    return pollUntil(
        [&] {
            for (qint64 pid : pids) {
                QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
                if (!f.open(QIODevice::ReadOnly))
                    return false;
                const QByteArray s = f.readAll();
                const qsizetype close = s.lastIndexOf(')');
                if (close <= 0 || close + 2 >= s.size() || s[close + 2] != state)
                    return false;
            }
            return true;
        },
        timeoutMs, 20);
}

void HangFs::kill(const QList<qint64> &pids)
{
    for (qint64 pid : pids)
        ::kill(pid_t(pid), SIGKILL);
    // A waiter in an unkillable sleep (d_alloc_parallel behind another
    // lookup) only dies once the connection is aborted: never block on it.
    QElapsedTimer t;
    t.start();
    for (qint64 pid : pids) {
        const bool reaped = pollUntil([pid] { return ::waitpid(pid_t(pid), nullptr, WNOHANG) != 0; },
                                      int(qMax<qint64>(0, 10000 - t.elapsed())));
        if (reaped)
            m_children.removeAll(pid);
    }
}

qint64 HangFs::spawnNamed(const QByteArray &comm)
{
    int pipefd[2];
    if (::pipe2(pipefd, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (m_fd >= 0)
            ::close(m_fd);
        const int fd = ::open("/proc/self/comm", O_WRONLY);
        if (fd >= 0) {
            [[maybe_unused]] ssize_t w = ::write(fd, comm.constData(), size_t(comm.size()));
            ::close(fd);
        }
        [[maybe_unused]] ssize_t w = ::write(pipefd[1], "x", 1);
        for (;;)
            ::pause();
    }
    ::close(pipefd[1]);
    if (pid > 0) {
        char c;
        [[maybe_unused]] ssize_t r = ::read(pipefd[0], &c, 1); // renamed
        m_children.append(pid);
    }
    ::close(pipefd[0]);
    return pid;
}

void HangFs::release()
{
    // Closing the device fd aborts the connection: every waiter returns.
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    kill(m_children);
    for (qint64 pid : m_children) { // the last resort: reap whatever is left
        int status = 0;
        ::waitpid(pid_t(pid), &status, 0);
    }
    m_children.clear();
    if (m_mounted) {
        ::umount2(QFile::encodeName(mountPoint()).constData(), MNT_DETACH);
        m_mounted = false;
    }
}
