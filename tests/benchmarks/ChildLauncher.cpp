#include "ChildLauncher.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

ChildLauncher *g_instance = nullptr;

bool readAll(int fd, void *buf, size_t n)
{
    auto *p = static_cast<char *>(buf);
    while (n > 0) {
        const ssize_t r = ::read(fd, p, n);
        if (r <= 0) {
            if (r < 0 && errno == EINTR)
                continue;
            return false;
        }
        p += r;
        n -= size_t(r);
    }
    return true;
}

bool writeAll(int fd, const void *buf, size_t n)
{
    auto *p = static_cast<const char *>(buf);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return true;
}

// Request: stdin, stdout, stderr, then argv and env as counted string lists.
void putString(std::string &out, const std::string &s)
{
    const uint32_t n = uint32_t(s.size());
    out.append(reinterpret_cast<const char *>(&n), sizeof n);
    out.append(s);
}

void putList(std::string &out, const QStringList &list)
{
    const uint32_t n = uint32_t(list.size());
    out.append(reinterpret_cast<const char *>(&n), sizeof n);
    for (const QString &s : list)
        putString(out, s.toStdString());
}

bool getString(int fd, std::string &s)
{
    uint32_t n = 0;
    if (!readAll(fd, &n, sizeof n))
        return false;
    s.resize(n);
    return n == 0 || readAll(fd, s.data(), n);
}

bool getList(int fd, std::vector<std::string> &list)
{
    uint32_t n = 0;
    if (!readAll(fd, &n, sizeof n))
        return false;
    list.resize(n);
    for (std::string &s : list)
        if (!getString(fd, s))
            return false;
    return true;
}

struct Reply
{
    int32_t started;
    int32_t exitCode;
    int32_t signal;
    int64_t wallNs;
    int64_t cpuUs;
    int64_t maxRssKb;
};

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void redirect(const std::string &path, int fd, int flags)
{
    const int f = ::open(path.empty() ? "/dev/null" : path.c_str(), flags, 0644);
    if (f < 0)
        _exit(126);
    if (f != fd) {
        dup2(f, fd);
        ::close(f);
    }
}

std::vector<char *> pointers(std::vector<std::string> &strings)
{
    std::vector<char *> p;
    for (std::string &s : strings)
        p.push_back(s.data());
    p.push_back(nullptr);
    return p;
}

}

ChildLauncher::ChildLauncher()
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        perror("ChildLauncher: socketpair");
        return;
    }
    m_pid = fork();
    if (m_pid == 0) {
        ::close(sv[0]);
        m_fd = sv[1];
        serve();
    }
    ::close(sv[1]);
    m_fd = m_pid > 0 ? sv[0] : -1;
    g_instance = this;
}

ChildLauncher::~ChildLauncher()
{
    if (m_fd >= 0)
        ::close(m_fd); // the launcher sees EOF and exits
    if (m_pid > 0)
        waitpid(m_pid, nullptr, 0);
    g_instance = nullptr;
}

ChildLauncher *ChildLauncher::instance()
{
    return g_instance;
}

ChildRun ChildLauncher::run(const ChildSpec &spec)
{
    ChildRun r;
    if (m_fd < 0 || spec.argv.isEmpty())
        return r;
    std::string req;
    putString(req, spec.stdinPath.toStdString());
    putString(req, spec.stdoutPath.toStdString());
    putString(req, spec.stderrPath.toStdString());
    putList(req, spec.argv);
    putList(req, spec.env);
    Reply reply{};
    if (!writeAll(m_fd, req.data(), req.size()) || !readAll(m_fd, &reply, sizeof reply))
        return r;
    r.started = reply.started != 0;
    r.exitCode = reply.exitCode;
    r.signal = reply.signal;
    r.wallS = double(reply.wallNs) / 1e9;
    r.cpuS = double(reply.cpuUs) / 1e6;
    r.maxRssMb = double(reply.maxRssKb) / 1024.0;
    return r;
}

void ChildLauncher::serve()
{
    signal(SIGINT, SIG_IGN); // the benchmark decides when to stop; EOF ends the launcher
    for (;;) {
        std::string in, out, err;
        std::vector<std::string> argv, env;
        if (!getString(m_fd, in) || !getString(m_fd, out) || !getString(m_fd, err) || !getList(m_fd, argv)
            || !getList(m_fd, env))
            _exit(0);
        Reply reply{};
        int pipeFd[2]; // closes on a successful exec: tells a failed exec apart
        if (pipe2(pipeFd, O_CLOEXEC) != 0)
            _exit(1);
        const int64_t start = nowNs();
        const pid_t pid = fork();
        if (pid == 0) {
            ::close(m_fd);
            ::close(pipeFd[0]);
            redirect(in, 0, O_RDONLY);
            redirect(out, 1, O_WRONLY | O_CREAT | O_TRUNC);
            redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC);
            signal(SIGINT, SIG_DFL);
            std::vector<char *> a = pointers(argv);
            if (env.empty()) {
                execvp(a[0], a.data());
            } else {
                std::vector<char *> e = pointers(env);
                execvpe(a[0], a.data(), e.data());
            }
            const char failed = 1;
            [[maybe_unused]] ssize_t w = ::write(pipeFd[1], &failed, 1);
            _exit(127);
        }
        ::close(pipeFd[1]);
        char failed = 0;
        const bool execFailed = pid > 0 && ::read(pipeFd[0], &failed, 1) == 1;
        ::close(pipeFd[0]);
        if (pid > 0) {
            int status = 0;
            rusage ru{};
            while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
            }
            reply.wallNs = nowNs() - start;
            reply.started = execFailed ? 0 : 1;
            reply.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            reply.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
            reply.cpuUs = (int64_t(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
            reply.maxRssKb = ru.ru_maxrss;
        }
        if (!writeAll(m_fd, &reply, sizeof reply))
            _exit(0);
    }
}
