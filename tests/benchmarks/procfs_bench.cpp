// procfs_bench: a full Casebook procfs snapshot (every task's stat, status,
// wchan, kernel stack, cgroup, cmdline, fds, plus host state) over loopback
// SSH, against `ssh HOST ps -eLo pid,tid,ppid,user,comm,state,wchan` on the
// same host with >= 5,000 threads. Prints both times and the ratio (target
// <= 1.5x). Not a test: run by tests/benchmarks/run.
#include "SshdFixture.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "collectors/procfs/ProcfsScripts.h"
#include "procfs/ProcfsIngest.h"
#include "procfs/ProcfsSnapshotParser.h"
#include "transport/TransportFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
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

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int threadCount()
{
    int n = 0;
    for (const QString &d : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs))
        if (d.toInt() > 0)
            n += QDir(QStringLiteral("/proc/") + d + QStringLiteral("/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    return n;
}

}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int wanted = argc > 1 ? atoi(argv[1]) : 5000;
    const int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (pipe(g_pipe) != 0)
        return 1;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    std::vector<pthread_t> threads;
    for (int i = 0; i < wanted; ++i) {
        pthread_t t;
        if (pthread_create(&t, &attr, sleeper, nullptr) != 0) {
            fprintf(stderr, "procfs_bench: could only start %d threads\n", i);
            break;
        }
        threads.push_back(t);
    }
    SshdFixture sshd;
    QString error;
    if (!sshd.start(1, &error)) {
        fprintf(stderr, "procfs_bench: no loopback sshd: %s\n", qPrintable(error));
        return 1;
    }
    const int total = threadCount();
    printf("procfs_bench: %d threads on this host (%zu spawned), %d rounds, loopback sshd port %d\n", total,
           threads.size(), rounds, sshd.port());

    std::vector<double> psMs, ourRunMs, ourFullMs, parseMs, ingestMs;
    qint64 psBytes = 0, ourBytes = 0;
    QTemporaryDir dir;
    for (int r = 0; r < rounds; ++r) {
        // The peer: OpenSSH's client running ps on the host.
        QProcess ssh;
        ssh.setProcessEnvironment(sshd.environment());
        QElapsedTimer t;
        t.start();
        ssh.start(QStringLiteral("ssh"), {QStringLiteral("-F"), sshd.sshConfigPath(), QStringLiteral("-o"),
                                          QStringLiteral("UserKnownHostsFile=") + sshd.knownHostsPath(),
                                          QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), sshd.alias(),
                                          QStringLiteral("ps -eLo pid,tid,ppid,user,comm,state,wchan")});
        ssh.waitForFinished(300000);
        psMs.push_back(double(t.nsecsElapsed()) / 1e6);
        psBytes = ssh.readAllStandardOutput().size();
        if (ssh.exitCode() != 0) {
            fprintf(stderr, "procfs_bench: ssh ps failed: %s\n", ssh.readAllStandardError().constData());
            return 1;
        }

        SshOptions o;
        o.configFile = sshd.sshConfigPath();
        o.knownHostsFile = sshd.knownHostsPath();
        // Ours, round trip only: connect + run the snapshot script.
        {
            t.restart();
            auto tr = TransportFactory::create(sshd.alias(), o);
            tr->connect(CancelToken());
            RunRequest req;
            req.command = QStringLiteral("sh -s -- 1 0 20 ''");
            req.stdinData = ProcfsScripts::snapshot();
            req.maxOutputBytes = 512LL << 20;
            const RunResult run = tr->run(req, nullptr, CancelToken());
            ourRunMs.push_back(double(t.nsecsElapsed()) / 1e6);
            ourBytes = run.stdoutData.size();
            if (!run.ok()) {
                fprintf(stderr, "procfs_bench: snapshot failed: %s %s\n", qPrintable(run.error), run.stderrData.constData());
                return 1;
            }
            // Where the rest goes: parsing alone, then parse + store + triage.
            t.restart();
            ProcfsSnapshotParser parser;
            parser.parse(run.stdoutData, run.stderrData);
            parseMs.push_back(double(t.nsecsElapsed()) / 1e6);
            auto cf = CaseFile::create(dir.filePath(QStringLiteral("ingest-%1.casebook").arg(r)), QStringLiteral("ingest"));
            t.restart();
            ProcfsIngest(cf->db()).ingest(run.stdoutData, run.stderrData, 0, HostStore(cf->db()).ensure(QStringLiteral("h")), 0);
            ingestMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        // Ours, complete: connect, snapshot, store every task and stack, triage.
        {
            const QString path = dir.filePath(QStringLiteral("bench-%1.casebook").arg(r));
            auto cf = CaseFile::create(path, QStringLiteral("bench"));
            t.restart();
            auto tr = TransportFactory::create(sshd.alias(), o);
            tr->connect(CancelToken());
            CollectionContext ctx;
            ctx.caseFile = cf.get();
            ctx.hostId = HostStore(cf->db()).ensure(sshd.alias());
            ctx.hostSpec = sshd.alias();
            ProcfsCollector::Options po;
            po.services.clear();
            const CollectorResult res = ProcfsCollector(po).collect(*tr, ctx, CancelToken());
            ourFullMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!res.ok) {
                fprintf(stderr, "procfs_bench: collect failed: %s\n", qPrintable(res.error));
                return 1;
            }
        }
    }
    const double ps = median(psMs), run = median(ourRunMs), full = median(ourFullMs);
    printf("procfs_bench: ssh ps -eLo ...          %8.1f ms  (%lld bytes)\n", ps, static_cast<long long>(psBytes));
    printf("procfs_bench: casebook snapshot (ssh)  %8.1f ms  (%lld bytes incl. stacks)  ratio %.2fx\n", run,
           static_cast<long long>(ourBytes), run / ps);
    printf("procfs_bench: casebook collect+store   %8.1f ms  ratio %.2fx  (target <= 1.5x)\n", full, full / ps);
    printf("procfs_bench:   of which parsing %.1f ms, parse+store+triage %.1f ms\n", median(parseMs), median(ingestMs));
    [[maybe_unused]] ssize_t w = write(g_pipe[1], "x", 1);
    close(g_pipe[1]);
    for (pthread_t t : threads)
        pthread_join(t, nullptr);
    return 0;
}
