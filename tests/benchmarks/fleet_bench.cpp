// fleet_bench: the procfs collector on N loopback sshd instances (SshdFixture;
// 4 by default, 32 with CASEBOOK_BENCH_SCALE=full, or argv[1]), all at once:
// the whole `casectl collect CASE HOST... --procfs --jobs N` (snapshot, store,
// triage) against `pdsh -R ssh -f N` running the same collector script
// (ProcfsScripts::snapshot(), written to a file every instance can read).
// Agree: hosts that returned a snapshot. Run by tests/benchmarks/run, never
// by ctest.
#include "BenchRunner.h"
#include "SshdFixture.h"
#include "collectors/procfs/ProcfsScripts.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    BenchRunner bench(QStringLiteral("fleet_bench"));
    const int n = argc > 1 ? atoi(argv[1]) : BenchRunner::fullScale() ? 32 : 4;
    const QString work = QStringLiteral("fleet procfs collect, %1 loopback sshd: `casectl collect --procfs --jobs %1` vs `pdsh -R ssh` running the same script").arg(n);
    if (!BenchRunner::have(QStringLiteral("pdsh"))) {
        bench.skip(work, QStringLiteral("pdsh not installed"));
        return bench.finish();
    }
    SshdFixture sshd;
    QString error;
    if (!sshd.start(n, &error)) {
        bench.fail(work, QStringLiteral("no loopback sshd: ") + error);
        return bench.finish();
    }
    const QString dir = BenchRunner::workDir();
    const QString script = dir + QStringLiteral("/procfs-snapshot.sh");
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(ProcfsScripts::snapshot()) < 0) {
            bench.fail(work, QStringLiteral("cannot write ") + script);
            return bench.finish();
        }
    }
    const QString casectl = BenchRunner::casectl();
    const QString caseFile = dir + QStringLiteral("/fleet.casebook");
    QStringList hosts;
    for (int i = 0; i < n; ++i)
        hosts << sshd.alias(i);

    BenchComparison c{work, {}, {}};
    c.ours.spec.argv = QStringList{casectl, QStringLiteral("collect"), caseFile} + hosts
                       + QStringList{QStringLiteral("--procfs"), QStringLiteral("--services"), QString(), QStringLiteral("--jobs"),
                                     QString::number(n), QStringLiteral("--json")}
                       + sshd.casectlArgs();
    c.ours.spec.env = sshd.environment().toStringList();
    c.ours.before = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(caseFile + suffix);
        BenchRunner::capture({casectl, QStringLiteral("new"), caseFile, QStringLiteral("--title"), QStringLiteral("fleet bench")});
    };
    c.ours.result = [](const QByteArray &json) {
        int ok = 0;
        for (const QJsonValue &h : QJsonDocument::fromJson(json).object().value(QStringLiteral("hosts")).toArray())
            ok += h.toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok");
        return QStringLiteral("%1 hosts with a snapshot").arg(ok);
    };
    // Same arguments as the collector: 1 sample, step timeout 20 s, no services.
    c.peer.spec.argv = {QStringLiteral("pdsh"), QStringLiteral("-R"), QStringLiteral("ssh"), QStringLiteral("-f"), QString::number(n),
                        QStringLiteral("-w"), QStringLiteral("sshd-[0-%1]").arg(n - 1), QStringLiteral("sh"), script,
                        QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("20")};
    QProcessEnvironment env = sshd.environment();
    env.insert(QStringLiteral("PDSH_SSH_ARGS"), QStringLiteral("-F %1 -o UserKnownHostsFile=%2 -o BatchMode=yes %h")
                                                    .arg(sshd.sshConfigPath(), sshd.knownHostsPath()));
    c.peer.spec.env = env.toStringList();
    c.peer.result = [](const QByteArray &text) {
        QSet<QString> seen;
        const QRegularExpression start(QStringLiteral("^(\\S+): CASEBOOK-PROCFS 1 "), QRegularExpression::MultilineOption);
        for (auto it = start.globalMatch(QString::fromUtf8(text)); it.hasNext();)
            seen.insert(it.next().captured(1));
        return QStringLiteral("%1 hosts with a snapshot").arg(seen.size());
    };
    bench.compare(c);

    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(caseFile + suffix);
    QFile::remove(script);
    return bench.finish();
}
