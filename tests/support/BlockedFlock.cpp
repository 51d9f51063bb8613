#include "BlockedFlock.h"

#include "PollUntil.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Forks a child that opens path, takes LOCK_EX (blocking), writes one byte to
// readyFd once it holds the lock, then waits to be killed.
pid_t forkLocker(const QByteArray &path, const char *comm, int readyFd)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::prctl(PR_SET_NAME, comm);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
        ::_exit(1);
    if (readyFd >= 0) {
        [[maybe_unused]] const ssize_t w = ::write(readyFd, "x", 1);
    }
    for (;;)
        ::pause();
}

bool readOneByte(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    char c;
    return ::poll(&p, 1, timeoutMs) == 1 && ::read(fd, &c, 1) == 1;
}

void killAndReap(qint64 &pid)
{
    if (pid <= 0)
        return;
    ::kill(pid_t(pid), SIGKILL);
    ::waitpid(pid_t(pid), nullptr, 0); // flock waits are killable: never blocks long
    pid = 0;
}

}

BlockedFlock::BlockedFlock(const QString &lockPath)
    : m_path(lockPath)
{
}

BlockedFlock::~BlockedFlock()
{
    release();
}

bool BlockedFlock::start(QString *error, int timeoutMs)
{
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        *error = QStringLiteral("cannot create %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    m_inode = quint64(st.st_ino);

    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0) {
        *error = QStringLiteral("pipe: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    m_holder = forkLocker(path, "flock-holder", ready[1]);
    ::close(ready[1]);
    const bool holding = m_holder > 0 && readOneByte(ready[0], timeoutMs);
    ::close(ready[0]);
    if (!holding) {
        *error = QStringLiteral("the holder did not take LOCK_EX on %1 within %2 ms").arg(m_path).arg(timeoutMs);
        release();
        return false;
    }
    m_waiter = forkLocker(path, "flock-waiter", -1);
    if (m_waiter <= 0 || !pollUntil([this] { return waiterBlocked(); }, timeoutMs)) {
        *error = QStringLiteral("the waiter did not block in flock(LOCK_EX) on %1 within %2 ms").arg(m_path).arg(timeoutMs);
        release();
        return false;
    }
    return true;
}

bool BlockedFlock::waiterBlocked() const
{
    return m_waiter > 0 && listedAsBlocked(m_waiter); // a dead waiter holds no lock line
}

void BlockedFlock::release()
{
    killAndReap(m_waiter);
    killAndReap(m_holder);
}

// /proc/locks has a line for pid blocked on the file's inode:
//   "1: FLOCK  ADVISORY  WRITE 4242 00:2e:1234 0 EOF"      (the holder)
//   "1: -> FLOCK  ADVISORY  WRITE 4243 00:2e:1234 0 EOF"   (blocked behind it)
// Pids are as this process's pid namespace sees them.
bool BlockedFlock::listedAsBlocked(qint64 pid) const
{
    QFile f(QStringLiteral("/proc/locks"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pidText = QByteArray::number(pid);
    const QByteArray inodeSuffix = ':' + QByteArray::number(m_inode);
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> w = line.simplified().split(' ');
        // id: -> FLOCK ADVISORY WRITE pid maj:min:inode start end
        if (w.size() >= 7 && w.at(1) == "->" && w.at(2) == "FLOCK" && w.at(5) == pidText && w.at(6).endsWith(inodeSuffix))
            return true;
    }
    return false;
}
