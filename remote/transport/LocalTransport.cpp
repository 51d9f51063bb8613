#include "LocalTransport.h"

#include "LocalFileReader.h"
#include "OutputAccumulator.h"
#include "util/OperatorIdentity.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

constexpr int kTickMs = 100;
// After the shell exits, output still held open by its background children is
// read for at most this long without new data.
constexpr int kDrainIdleMs = 500;
// A process in uninterruptible sleep ignores SIGKILL; stop waiting after this.
constexpr int kReapGiveUpMs = 5000;

QString errnoText(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

// A pipe pair closed on destruction.
struct Pipe
{
    int fd[2] = {-1, -1};
    bool open() { return pipe2(fd, O_CLOEXEC) == 0; }
    void close(int end)
    {
        if (fd[end] >= 0)
            ::close(fd[end]);
        fd[end] = -1;
    }
    ~Pipe()
    {
        close(0);
        close(1);
    }
};

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// Writes without letting SIGPIPE kill the process: blocks it for this thread
// and consumes a pending one.
ssize_t writeNoSigpipe(int fd, const char *data, size_t size)
{
    sigset_t pipeSet, old;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
    const ssize_t n = ::write(fd, data, size);
    const int err = errno;
    if (n < 0 && err == EPIPE) {
        const timespec zero{0, 0};
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = err;
    return n;
}

void recordStatus(RunResult &r, int status)
{
    if (WIFEXITED(status)) {
        r.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        const char *abbrev = sigabbrev_np(WTERMSIG(status));
        r.exitSignal = abbrev ? QString::fromLatin1(abbrev) : QString::number(WTERMSIG(status));
        r.exitCode = -1;
    }
}

}

RunResult LocalTransport::run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel)
{
    RunResult r;
    QElapsedTimer clock;
    clock.start();
    OutputAccumulator output(r, sink, request.maxOutputBytes);

    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open()) {
        r.error = QStringLiteral("cannot create pipes: %1").arg(errnoText(errno));
        return r;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    const QByteArray command = request.command.toUtf8();
    char shell[] = "/bin/sh", dashC[] = "-c";
    char *argv[] = {shell, dashC, const_cast<char *>(command.constData()), nullptr};
    pid_t pid = -1;
    const int spawnErr = posix_spawn(&pid, shell, &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (spawnErr != 0) {
        r.error = QStringLiteral("cannot start /bin/sh: %1").arg(errnoText(spawnErr));
        return r;
    }
    in.close(0);
    out.close(1);
    err.close(1);
    setNonBlocking(in.fd[1]);
    setNonBlocking(out.fd[0]);
    setNonBlocking(err.fd[0]);
    qsizetype stdinPos = 0;
    if (request.stdinData.isEmpty())
        in.close(1);

    bool exited = false;
    int status = 0;
    qint64 exitedAt = -1, lastDataAt = 0;
    bool killed = false;
    qint64 killedAt = -1;
    QByteArray buf(64 * 1024, Qt::Uninitialized);

    auto killGroup = [&] {
        if (!killed) {
            kill(-pid, SIGKILL);
            killed = true;
            killedAt = clock.elapsed();
        }
    };

    for (;;) {
        if (!killed && cancel.isCancelled()) {
            r.cancelled = true;
            killGroup();
        }
        if (!killed && request.timeoutMs > 0 && clock.elapsed() >= request.timeoutMs) {
            r.timedOut = true;
            killGroup();
        }
        if (!exited) {
            const pid_t w = waitpid(pid, &status, WNOHANG);
            if (w == pid) {
                exited = true;
                exitedAt = clock.elapsed();
            }
        }
        const bool pipesOpen = out.fd[0] >= 0 || err.fd[0] >= 0;
        if (exited) {
            if (!pipesOpen || killed || clock.elapsed() - qMax(exitedAt, lastDataAt) >= kDrainIdleMs)
                break;
        } else if (killed && clock.elapsed() - killedAt >= kReapGiveUpMs) {
            r.error = QStringLiteral("process %1 did not exit after SIGKILL (uninterruptible sleep?)").arg(pid);
            break;
        }

        pollfd fds[3];
        int n = 0;
        int outIdx = -1, errIdx = -1, inIdx = -1;
        if (out.fd[0] >= 0) {
            outIdx = n;
            fds[n++] = {out.fd[0], POLLIN, 0};
        }
        if (err.fd[0] >= 0) {
            errIdx = n;
            fds[n++] = {err.fd[0], POLLIN, 0};
        }
        if (in.fd[1] >= 0 && !killed) {
            inIdx = n;
            fds[n++] = {in.fd[1], POLLOUT, 0};
        }
        const int tick = exited || killed ? 20 : kTickMs;
        if (n == 0) {
            usleep(tick * 1000);
            continue;
        }
        if (poll(fds, nfds_t(n), tick) < 0 && errno != EINTR) {
            r.error = QStringLiteral("poll failed: %1").arg(errnoText(errno));
            killGroup();
            break;
        }
        auto drain = [&](int idx, Pipe &p, bool isOut) {
            if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR)))
                return;
            // Bounded reads per tick so cancel and timeouts stay responsive.
            for (int i = 0; i < 16; ++i) {
                const ssize_t got = ::read(p.fd[0], buf.data(), size_t(buf.size()));
                if (got > 0) {
                    lastDataAt = clock.elapsed();
                    const QByteArrayView chunk(buf.constData(), got);
                    isOut ? output.addStdout(chunk) : output.addStderr(chunk);
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR))
                    p.close(0);
                break;
            }
        };
        drain(outIdx, out, true);
        drain(errIdx, err, false);
        if (inIdx >= 0 && (fds[inIdx].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t w = writeNoSigpipe(in.fd[1], request.stdinData.constData() + stdinPos,
                                             size_t(request.stdinData.size() - stdinPos));
            if (w > 0)
                stdinPos += w;
            if ((w < 0 && errno != EAGAIN && errno != EINTR) || stdinPos >= request.stdinData.size())
                in.close(1);
        }
    }
    if (killed && !exited) {
        // Reap if it has gone by now; a stuck process stays a zombie-to-be.
        if (waitpid(pid, &status, WNOHANG) == pid)
            exited = true;
    }
    if (exited)
        recordStatus(r, status);
    r.durationMs = clock.elapsed();
    return r;
}

PullResult LocalTransport::pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                                const CancelToken &cancel)
{
    return LocalFileReader::read(request, onData, cancel);
}

HostEndpoint LocalTransport::endpoint() const
{
    return {QString(), 0, OperatorIdentity::accountName()};
}
