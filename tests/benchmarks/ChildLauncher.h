#pragma once

#include <QString>
#include <QStringList>

#include <sys/types.h>

// What to run: argv[0] is looked up on PATH; empty paths mean /dev/null;
// an empty env inherits the launcher's environment.
struct ChildSpec
{
    QStringList argv;
    QString stdinPath;
    QString stdoutPath;
    QString stderrPath;
    QStringList env; // "NAME=value"
};

// How one child went: its own wall time, CPU time and peak RSS (wait4).
struct ChildRun
{
    bool started = false;
    int exitCode = -1; // -1 when killed by a signal
    int signal = 0;
    double wallS = 0;
    double cpuS = 0;
    double maxRssMb = 0;
};

// Runs benchmark children from a small process forked before the benchmark
// grows (construct it first thing in main, before QCoreApplication and before
// any thread): each child is fork/exec'd by that launcher and reaped with
// wait4, so its ru_maxrss is its own, not the benchmark's pages inherited
// through fork or vfork (posix_spawn reports the parent's peak RSS).
class ChildLauncher
{
public:
    ChildLauncher();
    ~ChildLauncher();
    ChildLauncher(const ChildLauncher &) = delete;
    ChildLauncher &operator=(const ChildLauncher &) = delete;

    ChildRun run(const ChildSpec &spec);
    static ChildLauncher *instance();

private:
    [[noreturn]] void serve();

    int m_fd = -1;
    pid_t m_pid = -1;
};
