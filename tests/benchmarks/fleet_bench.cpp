// fleet_bench: the procfs and kernel-log collectors on N hosts (ssh_config
// aliases over loopback sshd instances, each in a PID namespace of its own so
// a host sees only its own sessions; 16 hosts on 4 instances by default, 300
// on 10 with CASEBOOK_BENCH_SCALE=full, or argv[1] hosts): the whole
// `casectl collect CASE 'bench-*' --procfs --kernel-log --jobs J` (snapshot,
// kernel log, store, triage) against `pdsh -R ssh -f J` running the same two
// collector scripts (ProcfsScripts::snapshot() and kernelLog(), written to
// files every instance can read). J = min(N, 32). Agree: hosts that returned a
// snapshot and a kernel log. After the comparison, one more run of each side
// says where the time goes: the client's wall and CPU (user+sys, wait4) and
// the server side's CPU (every sshd, its sessions and the scripts they ran,
// from the sshd processes' own and reaped children's times). Run by
// tests/benchmarks/run, never by ctest.
#include "BenchRunner.h"
#include "SshdFixture.h"
#include "collectors/procfs/ProcfsScripts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

#include <unistd.h>

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// CPU seconds of the sshd instances of this fixture: their own and that of
// every reaped descendant (sessions, shells, the scripts' commands).
double serverCpuSeconds(const QString &fixtureDir)
{
    const double tick = double(sysconf(_SC_CLK_TCK));
    double total = 0;
    for (const QString &e : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        e.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(e));
        if (!cmd.open(QIODevice::ReadOnly))
            continue;
        const QByteArray cmdline = cmd.readAll();
        // The listening sshd, "/usr/sbin/sshd -D -e -f DIR/sshd_config.N" (its title once running:
        // "sshd: /usr/sbin/sshd -D -e -f DIR/... [listener] ..."), not its sessions: their time
        // reaches it when they are reaped.
        const bool listener = cmdline.startsWith("/usr/sbin/sshd") || cmdline.startsWith("sshd: ");
        if (!listener || !cmdline.contains(fixtureDir.toUtf8()))
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(e));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        // Fields 14-17 of stat (utime stime cutime cstime) are 11-14 after the name.
        if (f.size() > 14)
            total += double(f.at(11).toLongLong() + f.at(12).toLongLong() + f.at(13).toLongLong() + f.at(14).toLongLong()) / tick;
    }
    return total;
}

}

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    BenchRunner bench(QStringLiteral("fleet_bench"));
    const int hosts = argc > 1 ? qMax(1, atoi(argv[1])) : BenchRunner::fullScale() ? 300 : 16;
    const int servers = hosts >= 100 ? 10 : 4;
    const int jobs = qMin(hosts, 32);
    const QString work = QStringLiteral("fleet collect, %1 hosts on %2 loopback sshd: `casectl collect --procfs --kernel-log --jobs %3` "
                                        "vs `pdsh -R ssh -f %3` running the same scripts")
                             .arg(hosts).arg(servers).arg(jobs);
    if (!BenchRunner::have(QStringLiteral("pdsh"))) {
        bench.skip(work, QStringLiteral("pdsh not installed"));
        return bench.finish();
    }
    SshdFixture sshd;
    sshd.setOwnPidNamespace(true);
    QString error;
    if (!sshd.start(servers, &error)) {
        bench.fail(work, QStringLiteral("no loopback sshd: ") + error);
        return bench.finish();
    }
    QString aliases;
    for (int i = 0; i < hosts; ++i)
        aliases += QStringLiteral("Host bench-%1\n    HostName 127.0.0.1\n    Port %2\n").arg(i).arg(sshd.port(i % servers));
    sshd.writeSshConfig(aliases);

    const QString dir = BenchRunner::workDir();
    const QString snapshot = dir + QStringLiteral("/procfs-snapshot.sh");
    const QString kernelLog = dir + QStringLiteral("/kernel-log.sh");
    if (!writeFile(snapshot, ProcfsScripts::snapshot()) || !writeFile(kernelLog, ProcfsScripts::kernelLog())) {
        bench.fail(work, QStringLiteral("cannot write the scripts to ") + dir);
        return bench.finish();
    }
    const QString casectl = BenchRunner::casectl();
    const QString caseFile = dir + QStringLiteral("/fleet.casebook");

    BenchComparison c{work, {}, {}};
    c.ours.spec.argv = QStringList{casectl, QStringLiteral("collect"), caseFile, QStringLiteral("bench-*"), QStringLiteral("--procfs"),
                                   QStringLiteral("--services"), QString(), QStringLiteral("--kernel-log"), QStringLiteral("--jobs"),
                                   QString::number(jobs), QStringLiteral("--json")}
                       + sshd.casectlArgs();
    c.ours.spec.env = sshd.environment().toStringList();
    c.ours.before = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(caseFile + suffix);
        BenchRunner::capture({casectl, QStringLiteral("new"), caseFile, QStringLiteral("--title"), QStringLiteral("fleet bench")});
    };
    c.ours.result = [](const QByteArray &json) {
        int both = 0;
        for (const QJsonValue &h : QJsonDocument::fromJson(json).object().value(QStringLiteral("hosts")).toArray()) {
            int got = 0;
            for (const QJsonValue &col : h.toObject().value(QStringLiteral("collectors")).toArray())
                got += col.toObject().value(QStringLiteral("ok")).toBool();
            both += got == 2;
        }
        return QStringLiteral("%1 hosts with a snapshot and a kernel log").arg(both);
    };
    // Same arguments as the collectors: 1 sample, step timeout 20 s, no services.
    c.peer.spec.argv = {QStringLiteral("pdsh"), QStringLiteral("-R"), QStringLiteral("ssh"), QStringLiteral("-f"), QString::number(jobs),
                        QStringLiteral("-w"), QStringLiteral("bench-[0-%1]").arg(hosts - 1), QStringLiteral("sh"), snapshot,
                        QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("20"), QStringLiteral("''"), QStringLiteral(";"),
                        QStringLiteral("sh"), kernelLog, QStringLiteral("20")};
    QProcessEnvironment env = sshd.environment();
    env.insert(QStringLiteral("PDSH_SSH_ARGS"), QStringLiteral("-F %1 -o UserKnownHostsFile=%2 -o BatchMode=yes %h")
                                                    .arg(sshd.sshConfigPath(), sshd.knownHostsPath()));
    c.peer.spec.env = env.toStringList();
    c.peer.result = [](const QByteArray &text) {
        QSet<QString> snapshots, logs;
        const QRegularExpression start(QStringLiteral("^(\\S+): (CASEBOOK-PROCFS 2 |CASEBOOK-KLOG 1$)"), QRegularExpression::MultilineOption);
        for (auto it = start.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
            const auto m = it.next();
            (m.captured(2).startsWith(QLatin1String("CASEBOOK-PROCFS")) ? snapshots : logs).insert(m.captured(1));
        }
        return QStringLiteral("%1 hosts with a snapshot and a kernel log").arg((snapshots & logs).size());
    };
    bench.compare(c);

    // Where the time goes: one more run of each side.
    QTextStream out(stdout);
    for (const auto &[name, side] : {std::pair{QStringLiteral("casectl"), &c.ours}, std::pair{QStringLiteral("pdsh"), &c.peer}}) {
        if (side->before)
            side->before();
        ChildSpec spec = side->spec;
        spec.stdoutPath = dir + QStringLiteral("/fleet-where.out");
        spec.stderrPath = dir + QStringLiteral("/fleet-where.err");
        const double serverBefore = serverCpuSeconds(sshd.dir());
        const ChildRun r = ChildLauncher::instance()->run(spec);
        const double server = serverCpuSeconds(sshd.dir()) - serverBefore;
        out << QStringLiteral("fleet_bench: where the time goes, %1 (%2 hosts, -f/--jobs %3): wall %4 s, client CPU %5 s "
                              "(user+sys), server side CPU %6 s (sshd, sessions, scripts), peak RSS %7 MB, exit %8\n")
                   .arg(name)
                   .arg(hosts)
                   .arg(jobs)
                   .arg(r.wallS, 0, 'f', 2)
                   .arg(r.cpuS, 0, 'f', 2)
                   .arg(server, 0, 'f', 2)
                   .arg(r.maxRssMb, 0, 'f', 1)
                   .arg(r.exitCode);
        out.flush();
    }

    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(caseFile + suffix);
    QFile::remove(snapshot);
    QFile::remove(kernelLog);
    return bench.finish();
}
