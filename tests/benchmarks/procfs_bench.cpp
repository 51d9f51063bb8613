// procfs_bench: a whole `casectl collect CASE HOST --procfs` (every task's
// stat, status, wchan, kernel stack, cgroup, cmdline, fds, plus host state,
// stored and triaged) over a loopback sshd (SshdFixture), against
// `ssh HOST` cat'ing the same /proc files, on a host where this process holds
// 200 threads (5,000 with CASEBOOK_BENCH_SCALE=full, or argv[1]).
// Agree: the threads of this process seen by each. Run by
// tests/benchmarks/run, never by ctest.
#include "BenchRunner.h"
#include "SshdFixture.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#include <vector>

namespace {

int g_pipe[2];

void *sleeper(void *)
{
    char c;
    [[maybe_unused]] ssize_t n = read(g_pipe[0], &c, 1); // blocks until the end
    return nullptr;
}

// The files the snapshot reads, with cat (errors of vanished tasks ignored).
const char *kPeerScript =
    "cd /proc && cat uptime loadavg stat meminfo pressure/* 2>/dev/null; set -- [0-9]*/task/[0-9]*; "
    "for f in stat status wchan stack cgroup cmdline; do printf \"%s/$f\\n\" \"$@\"; done | xargs cat 2>/dev/null; "
    "find [0-9]*/fd -maxdepth 1 -type l -printf '%p %l\\n' 2>/dev/null; exit 0";

}

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    BenchRunner bench(QStringLiteral("procfs_bench"));
    const int wanted = argc > 1 ? atoi(argv[1]) : BenchRunner::fullScale() ? 5000 : 200;
    const QString work = QStringLiteral("procfs snapshot over loopback ssh, %1 threads: `casectl collect --procfs` vs `ssh HOST cat` of the same /proc files");
    if (pipe2(g_pipe, O_CLOEXEC) != 0) // not inherited by sshd: the sleepers see EOF at the end
        return 1;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    std::vector<pthread_t> threads;
    for (int i = 0; i < wanted; ++i) {
        pthread_t t;
        if (pthread_create(&t, &attr, sleeper, nullptr) != 0)
            break;
        threads.push_back(t);
    }
    SshdFixture sshd;
    QString error;
    if (!sshd.start(1, &error)) {
        bench.fail(work.arg(threads.size()), QStringLiteral("no loopback sshd: ") + error);
        return bench.finish();
    }
    const QString casectl = BenchRunner::casectl();
    const QString caseFile = BenchRunner::workDir() + QStringLiteral("/procfs.casebook");
    const QString pid = QString::number(getpid());
    const QStringList env = sshd.environment().toStringList();

    BenchComparison c{work.arg(threads.size()), {}, {}};
    c.ours.spec.argv = QStringList{casectl, QStringLiteral("collect"), caseFile, sshd.alias(), QStringLiteral("--procfs"),
                                   QStringLiteral("--services"), QString(), QStringLiteral("--json")}
                       + sshd.casectlArgs();
    c.ours.spec.env = env;
    c.ours.before = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(caseFile + suffix);
        BenchRunner::capture({casectl, QStringLiteral("new"), caseFile, QStringLiteral("--title"), QStringLiteral("procfs bench")});
    };
    c.ours.result = [&](const QByteArray &) {
        const QByteArray json = BenchRunner::capture({casectl, QStringLiteral("tasks"), caseFile, QStringLiteral("--pid"), pid, QStringLiteral("--json")});
        return QStringLiteral("%1 threads of the holder").arg(QJsonDocument::fromJson(json).object().value(QStringLiteral("count")).toInt());
    };
    c.peer.spec.argv = {QStringLiteral("ssh"), QStringLiteral("-F"), sshd.sshConfigPath(), QStringLiteral("-o"),
                        QStringLiteral("UserKnownHostsFile=") + sshd.knownHostsPath(), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                        sshd.alias(), QString::fromLatin1(kPeerScript)};
    c.peer.spec.env = env;
    c.peer.result = [&](const QByteArray &text) {
        const QRegularExpression tgid(QStringLiteral("^Tgid:\\s+%1$").arg(pid), QRegularExpression::MultilineOption);
        qint64 n = 0;
        for (auto it = tgid.globalMatch(QString::fromUtf8(text)); it.hasNext(); it.next())
            ++n;
        return QStringLiteral("%1 threads of the holder").arg(n);
    };
    bench.compare(c);

    [[maybe_unused]] ssize_t w = write(g_pipe[1], "x", 1);
    close(g_pipe[1]);
    for (pthread_t t : threads)
        pthread_join(t, nullptr);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(caseFile + suffix);
    return bench.finish();
}
