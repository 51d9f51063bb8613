#include "BlockedFlock.h"
#include "HangFs.h"
#include "PollUntil.h"
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "kernellog/KernelLogIngest.h"
#include "procfs/ProcfsIngest.h"
#include "report/ReportBuilder.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>
#include <QDir>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

// The seeds replayed: each ends with `casectl blockers CASE --json` naming
// the right root cause as the top finding, with its full chain.
//   000  live: a FUSE mount whose daemon (this process) never answers; one
//        task holds the directory's lookup, 40 queue behind it, a decoy waits
//        on the same server; SIGKILL sent to a victim stays pending.
//        fixture: seed 000's Envoy/kworker snapshot and hung-task lines.
//   001  fixture: seed 001's zombie snapshot and its OOM kill lines.
//   003  live: a connect() to 127.0.0.1:23119 dropped by iptables in a network
//        namespace, captured by tcpdump and traced by strace; the seed's three
//        parallel NFS 4.1 mounts that never returned (strace excerpt), with no
//        packet to their server in the capture.
//   004  live: flock(LOCK_SH) holder, a traced process whose LOCK_SH calls
//        return and whose LOCK_EX hangs, /proc/locks; seed 004's lockd lines.
class BlockerReplaysTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QJsonObject blockers(const QString &casePath, const QString &host = {})
    {
        QStringList args{QStringLiteral("blockers"), casePath, QStringLiteral("--json")};
        if (!host.isEmpty())
            args << QStringLiteral("--host") << host;
        const CasectlResult r = runCasectl(args);
        if (r.exitCode != 0)
            qWarning("casectl blockers: %s", r.err.constData());
        // For the docs' screenshots (tools/screenshot --case): keep the replayed cases.
        if (const QString keep = qEnvironmentVariable("CASEBOOK_BLOCKERS_KEEP_CASES"); !keep.isEmpty()) {
            const QString to = QDir(keep).filePath(QFileInfo(casePath).fileName());
            QFile::remove(to);
            QFile::copy(casePath, to);
        }
        return QJsonDocument::fromJson(r.out).object();
    }
    static QJsonObject hostRun(const QJsonObject &all, const QString &host)
    {
        for (const QJsonValue &h : all.value(QStringLiteral("hosts")).toArray())
            if (h.toObject().value(QStringLiteral("host")).toString() == host)
                return h.toObject();
        return {};
    }
    static QList<QJsonObject> findingsOf(const QJsonObject &run, const QString &kind)
    {
        QList<QJsonObject> out;
        for (const QJsonValue &f : run.value(QStringLiteral("findings")).toArray())
            if (f.toObject().value(QStringLiteral("kind")).toString() == kind)
                out.append(f.toObject());
        return out;
    }
    static QString describe(const QJsonObject &run)
    {
        QString s;
        for (const QJsonValue &f : run.value(QStringLiteral("findings")).toArray())
            s += f.toObject().value(QStringLiteral("title")).toString() + QStringLiteral(" | ")
                 + f.toObject().value(QStringLiteral("detail")).toString().left(400) + QLatin1Char('\n');
        return s;
    }
    static QByteArray data(const QString &relative)
    {
        QFile f(TestEnv::dataDir() + QLatin1Char('/') + relative);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Seed fixtures through the real parsers, as a collection each.
    static void ingestSnapshot(CaseFile &cf, const QString &host, const QString &relative)
    {
        const qint64 h = HostStore(cf.db()).ensure(host);
        const qint64 c = CollectionStore(cf.db()).begin(h, QStringLiteral("procfs"), QStringLiteral("fixture ") + relative);
        ProcfsIngest(cf.db()).ingest(data(relative), {}, c, h, 0);
        CollectionStore(cf.db()).finish(c, CollectionRecord::Status::Complete);
    }
    static void ingestKernelLog(CaseFile &cf, const QString &host, const QString &relative)
    {
        const qint64 h = HostStore(cf.db()).ensure(host);
        const qint64 boot = HostStore(cf.db()).byId(h)->bootTimeUs;
        const qint64 c = CollectionStore(cf.db()).begin(h, QStringLiteral("kernel-log"), QStringLiteral("fixture ") + relative);
        KernelLogIngest(cf.db()).ingest(data(relative), c, h, 0, boot > 0 ? boot : 1700000000LL * 1000000);
        CollectionStore(cf.db()).finish(c, CollectionRecord::Status::Complete);
    }
    static bool collectLocal(const QString &casePath, int samples)
    {
        const CasectlResult r = runCasectl({QStringLiteral("collect"), casePath, QStringLiteral("local"), QStringLiteral("--procfs"),
                                            QStringLiteral("--samples"), QString::number(samples), QStringLiteral("--interval"),
                                            QStringLiteral("1")});
        if (r.exitCode != 0)
            qWarning("casectl collect: %s", r.err.constData());
        return r.exitCode == 0;
    }
    static QString sigMask(qint64 pid, const QByteArray &field)
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith(field + ':'))
                return QString::fromLatin1(line.mid(field.size() + 1).trimmed());
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        qputenv("CASEBOOK_BLOCKER_RULES_DIR", m_dir.filePath(QStringLiteral("no-user-rules")).toUtf8());
    }

    void seed000FuseDirectoryLock()
    {
        CASEBOOK_REQUIRE_ROOT("(CAP_SYS_ADMIN) to mount FUSE and read kernel stacks");
        if (!QFile::exists(QStringLiteral("/dev/fuse")))
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("the kernel has no FUSE (/dev/fuse is missing)"));
        HangFs fs;
        QString error;
        CASEBOOK_REQUIRE(fs.mount(&error), QStringLiteral("a FUSE mount: ") + error);
        // The holder first: its lookup of the name is in flight; then 40 behind it; then a decoy on the root.
        const QList<qint64> holder = fs.spawnWaiters(1, "hangfs-holder", true);
        QVERIFY(HangFs::waitForState(holder, 'D', 20000));
        const QList<qint64> victims = fs.spawnWaiters(40, "hangfs-victim", true);
        QVERIFY(HangFs::waitForState(victims, 'D', 20000));
        const QList<qint64> decoy = fs.spawnWaiters(1, "hangfs-decoy", false);
        QVERIFY(HangFs::waitForState(decoy, 'D', 20000));
        // kill -9 a victim: it stays in D with SIGKILL pending.
        ::kill(pid_t(victims.first()), SIGKILL);
        auto pending = [&](const QByteArray &field) {
            const QString m = sigMask(victims.first(), field);
            return !m.isEmpty() && m != QLatin1String("0000000000000000");
        };
        QVERIFY(pollUntil([&] { return pending("ShdPnd") || pending("SigPnd"); }, 10000));

        const QString cs = m_dir.filePath(QStringLiteral("seed000-fuse.casebook"));
        CaseFile::create(cs, QStringLiteral("seed 000 shape: FUSE"));
        QVERIFY(collectLocal(cs, 2));
        fs.release(); // the evidence is in the case: free the tasks before asserting

        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("local"));
        QVERIFY2(!run.isEmpty(), "no run for host local");
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        const QString all = describe(run);
        QCOMPARE(top.value(QStringLiteral("rank")).toInt(), 1);
        // The root: the FUSE daemon, found through its open /dev/fuse: this process.
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("node")).toString() == QStringLiteral("task:%1").arg(::getpid()), qPrintable(all));
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("blocked")).toInt() >= 42, qPrintable(all));
        const QString chain = top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString();
        QVERIFY2(chain.contains(QStringLiteral("hangfs-victim")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("directory lock on ") + fs.mountPoint()) || chain.contains(QStringLiteral("directory lock")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("held by hangfs-holder (%1)").arg(holder.first())), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("FUSE server of")), qPrintable(chain));
        // The holder ranks second, above the decoy (which blocks nobody and is named as such).
        const QList<QJsonObject> roots = findingsOf(run, QStringLiteral("blocker-root-cause"));
        QVERIFY(roots.size() >= 2);
        QCOMPARE(roots[1].value(QStringLiteral("data")).toObject().value(QStringLiteral("node")).toString(),
                 QStringLiteral("task:%1").arg(holder.first()));
        QVERIFY(roots[1].value(QStringLiteral("data")).toObject().value(QStringLiteral("blocked")).toInt() >= 40);
        for (const QJsonObject &r : roots)
            QVERIFY(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("node")).toString() != QStringLiteral("task:%1").arg(decoy.first()));
        QVERIFY2(top.value(QStringLiteral("detail")).toString().contains(QStringLiteral("hangfs-decoy (%1)").arg(decoy.first())), qPrintable(all));
        // Evidence links of the chain: the holder's task row.
        bool holderLinked = false;
        for (const QJsonValue &e : top.value(QStringLiteral("evidence")).toArray())
            holderLinked |= e.toObject().value(QStringLiteral("label")).toString().contains(QStringLiteral("hangfs-holder"));
        QVERIFY(holderLinked);
        // kill -9 pending; stuck, not slow over the 2 samples.
        const QList<QJsonObject> killPending = findingsOf(run, QStringLiteral("blocker-kill-pending"));
        QVERIFY2(!killPending.isEmpty(), qPrintable(all));
        QVERIFY(killPending.first().value(QStringLiteral("title")).toString().contains(QStringLiteral("(%1)").arg(victims.first())));
        const QList<QJsonObject> stuck = findingsOf(run, QStringLiteral("blocker-stuck"));
        QVERIFY2(!stuck.isEmpty(), qPrintable(all));
        QVERIFY(stuck.first().value(QStringLiteral("data")).toObject().value(QStringLiteral("tasks")).toInt() >= 41);
        // Switch counts (status) read in both samples and unchanged.
        QVERIFY2(stuck.first().value(QStringLiteral("data")).toObject().value(QStringLiteral("switches_unchanged")).toInt() >= 41, qPrintable(all));
        QVERIFY2(top.value(QStringLiteral("detail")).toString().contains(QStringLiteral("it is the FUSE server (it has /dev/fuse open)")), qPrintable(all));
        // The graph as JSON: the holder's edge to the directory lock, counts on the victims' edge.
        int victimEdges = 0;
        for (const QJsonValue &e : run.value(QStringLiteral("graph")).toObject().value(QStringLiteral("edges")).toArray())
            if (e.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("waits-for")
                && e.toObject().value(QStringLiteral("to")).toString().startsWith(QLatin1String("directory-lock")))
                ++victimEdges;
        QVERIFY(victimEdges >= 40);
        // Text output: the chain, plain.
        const CasectlResult text = runCasectl({QStringLiteral("blockers"), cs});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("#1 root-cause candidate"));
        QVERIFY(text.out.contains("unchanged evidence")); // the second call reuses the stored run
    }

    void seed000KworkerSrcu()
    {
        const QString cs = m_dir.filePath(QStringLiteral("seed000-srcu.casebook"));
        {
            auto cf = CaseFile::create(cs, QStringLiteral("seed 000: flush_work"));
            ingestSnapshot(*cf, QStringLiteral("cell-z1-17"), QStringLiteral("procfs/seed000.snapshot"));
            ingestKernelLog(*cf, QStringLiteral("cell-z1-17"), QStringLiteral("procfs/kernel-log/hung-task.txt"));
        }
        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("cell-z1-17"));
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        const QString all = describe(run);
        QVERIFY2(top.value(QStringLiteral("title")).toString().contains(QStringLiteral("SRCU grace period")), qPrintable(all));
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("blocked")).toInt() >= 60, qPrintable(all));
        const QString chain = top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString();
        QVERIFY2(chain.contains(QStringLiteral("envoy")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("fsnotify work")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("served by kworker/u4:3")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("waits for SRCU grace period")), qPrintable(chain));
        // The zombie threads shown as D are not victims.
        QVERIFY(!chain.contains(QStringLiteral("rule ,")));
    }

    void seed001ZombieOom()
    {
        const QString cs = m_dir.filePath(QStringLiteral("seed001.casebook"));
        {
            auto cf = CaseFile::create(cs, QStringLiteral("seed 001"));
            ingestSnapshot(*cf, QStringLiteral("rain-7"), QStringLiteral("procfs/seed001.snapshot"));
            ingestKernelLog(*cf, QStringLiteral("rain-7"), QStringLiteral("procfs/kernel-log/oom-kill.txt"));
        }
        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("rain-7"));
        const QString all = describe(run);
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        QVERIFY2(top.value(QStringLiteral("title")).toString().contains(QStringLiteral("memory cgroup /rain/slice-42")), qPrintable(all));
        const QString chain = top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString();
        QVERIFY2(chain.contains(QStringLiteral("1 × java, rule memcg-oom")), qPrintable(chain));
        const QList<QJsonObject> zombie = findingsOf(run, QStringLiteral("blocker-zombie-oom"));
        QCOMPARE(zombie.size(), 1);
        QVERIFY2(zombie.first().value(QStringLiteral("title")).toString().contains(QStringLiteral("OOM-killed in /rain/slice-42")), qPrintable(all));
        QVERIFY2(zombie.first().value(QStringLiteral("title")).toString().contains(QStringLiteral("listening")), qPrintable(all));
        bool oomLinked = false;
        for (const QJsonValue &e : zombie.first().value(QStringLiteral("evidence")).toArray())
            oomLinked |= e.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("kernel-event");
        QVERIFY(oomLinked);
        QVERIFY(zombie.first().value(QStringLiteral("detail")).toString().contains(QStringLiteral("limit 2147483648 B")));
    }

    void seed003SilentPeerAndMountWithoutPackets()
    {
        CASEBOOK_REQUIRE_ROOT("to create a network namespace with iptables rules");
        for (const char *tool : {"unshare", "ip", "iptables", "tcpdump", "strace"})
            CASEBOOK_REQUIRE(!TestEnv::tool(tool).isEmpty(), QStringLiteral("the %1 program").arg(QLatin1String(tool)));
        QProcess probe;
        probe.start(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("true")});
        QVERIFY(probe.waitForFinished(20000));
        if (probe.exitCode() != 0)
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("network namespaces (unshare -n failed)"));
        const QString out = m_dir.filePath(QStringLiteral("seed003"));
        QVERIFY(QDir().mkpath(out));
        QProcess p;
        p.start(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("bash"),
                                            TestEnv::sourceDir() + QStringLiteral("/tests/blockers/seed003_scenario.sh"), out});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QString cs = m_dir.filePath(QStringLiteral("seed003.casebook"));
        CaseFile::create(cs, QStringLiteral("seed 003"));
        const QString date = QDate::currentDate().toString(Qt::ISODate);
        for (const QString &f : {out + QStringLiteral("/seed003-connect.strace"), out + QStringLiteral("/seed003.pcap"),
                                 TestEnv::dataDir() + QStringLiteral("/blockers/replays/seed003-mounts.strace")}) {
            const CasectlResult r = runCasectl({QStringLiteral("import"), cs, f, QStringLiteral("--host"), QStringLiteral("ecs-7"),
                                                QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--date"), date});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("ecs-7"));
        const QString all = describe(run);
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        QVERIFY2(top.value(QStringLiteral("title")).toString().contains(QStringLiteral("NFS server 10.0.1.17")), qPrintable(all));
        QCOMPARE(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("blocked")).toInt(), 3);
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString().contains(QStringLiteral("no-packets")), qPrintable(all));
        // The mounts only relay to their server: they are not candidates of their own.
        const QList<QJsonObject> roots = findingsOf(run, QStringLiteral("blocker-root-cause"));
        QCOMPARE(roots.size(), 2);
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString().startsWith(QStringLiteral("1 task(s) (1 × mount)")), qPrintable(all));
        const QList<QJsonObject> none = findingsOf(run, QStringLiteral("blocker-no-packets"));
        QCOMPARE(none.size(), 1);
        QVERIFY2(none.first().value(QStringLiteral("title")).toString().contains(QStringLiteral("hung, 0 packets to its server 10.0.1.17")), qPrintable(all));
        // connect(… htons(23119)) linked to the unanswered conversation.
        bool silent = false;
        for (const QJsonValue &n : run.value(QStringLiteral("graph")).toObject().value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject o = n.toObject();
            if (o.value(QStringLiteral("key")).toString() != QLatin1String("endpoint:127.0.0.1:23119"))
                continue;
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("silent"));
            bool conversation = false;
            for (const QJsonValue &e : o.value(QStringLiteral("evidence")).toArray())
                conversation |= e.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("conversation");
            QVERIFY(conversation);
            silent = true;
        }
        QVERIFY2(silent, qPrintable(all));
    }

    // Seed 004 as its write-up shows web3 (snapshot built from the seed by
    // tests/data/blockers/replays/make-seed004-nfs.py) and its lockd lines.
    void seed004NfsLockStack()
    {
        const QString cs = m_dir.filePath(QStringLiteral("seed004-web3.casebook"));
        {
            auto cf = CaseFile::create(cs, QStringLiteral("seed 004: web3"));
            ingestSnapshot(*cf, QStringLiteral("web3"), QStringLiteral("blockers/replays/seed004-nfs.snapshot"));
            ingestKernelLog(*cf, QStringLiteral("web3"), QStringLiteral("blockers/replays/seed004-lockd.txt"));
        }
        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("web3"));
        const QString all = describe(run);
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("node")).toString() == QLatin1String("service:rpc-statd"), qPrintable(all));
        QCOMPARE(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("blocked")).toInt(), 6);
        const QString chain = top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString();
        QVERIFY2(chain.startsWith(QStringLiteral("6 task(s) (6 × php-fpm, rule nfs-lock-manager)")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("waits for lockd on 10.1.84.31 (not-responding)")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("waits for rpc-statd on web3 (inactive)")), qPrintable(chain));
        // The tie with lockd (both block 6) is explained.
        QVERIFY2(top.value(QStringLiteral("detail")).toString().contains(QStringLiteral("lockd on 10.1.84.31 waits (through the chain) on rpc-statd on web3")), qPrintable(all));
        const QList<QJsonObject> nfs = findingsOf(run, QStringLiteral("blocker-nfs-lock-stack"));
        QCOMPARE(nfs.size(), 1);
        QVERIFY2(nfs.first().value(QStringLiteral("title")).toString().startsWith(QStringLiteral(
                     "NFSv3 locks need rpc.statd: rpc-statd inactive on web3, status (100024) not registered, lockd: server 10.1.84.31 not responding ×4")),
                 qPrintable(all));
        const QList<QJsonObject> stuck = findingsOf(run, QStringLiteral("blocker-stuck"));
        QCOMPARE(stuck.size(), 1);
        QCOMPARE(stuck.first().value(QStringLiteral("data")).toObject().value(QStringLiteral("tasks")).toInt(), 6);
        // The report's root-cause section opens with the top chain of the stored run.
        auto cf = CaseFile::open(cs, CaseFile::Access::ReadOnly);
        const ReportDocument doc = ReportBuilder(cf->db()).build();
        const ReportSection *rc = doc.section(QStringLiteral("root-cause"));
        QVERIFY(rc);
        QVERIFY(rc->blocks.size() >= 2);
        QVERIFY2(rc->blocks[0].text.startsWith(QStringLiteral("Top blocker chain")), qPrintable(rc->blocks[0].text));
        QCOMPARE(rc->blocks[1].items.size(), 1);
        QVERIFY2(rc->blocks[1].items.first().startsWith(QStringLiteral("web3: #1 root-cause candidate: rpc-statd on web3 blocks 6 task(s). 6 task(s)")),
                 qPrintable(rc->blocks[1].items.first()));
    }

    void seed004OnlyExclusiveLocksHang()
    {
        CASEBOOK_REQUIRE_TOOL("strace");
        CASEBOOK_REQUIRE_TOOL("flock");
        const QString lockPath = m_dir.filePath(QStringLiteral("written.js"));
        {
            QFile f(lockPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        // The holder: a shared lock, kept until killed.
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        const pid_t holder = ::fork();
        if (holder == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::prctl(PR_SET_NAME, "php-fpm");
            const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY);
            ::flock(fd, LOCK_SH);
            [[maybe_unused]] ssize_t w = ::write(ready[1], "x", 1);
            for (;;)
                ::pause();
        }
        ::close(ready[1]);
        char c;
        QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
        ::close(ready[0]);
        // The worker under strace: two shared locks return, the exclusive one hangs.
        const QString log = m_dir.filePath(QStringLiteral("seed004.strace"));
        QProcess traced;
        traced.start(QStringLiteral("strace"), {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-y"), QStringLiteral("-o"), log,
                                                QStringLiteral("sh"), QStringLiteral("-c"),
                                                QStringLiteral("flock -s \"$0\" true && flock -s \"$0\" true && exec flock -x \"$0\" true"), lockPath});
        QVERIFY(traced.waitForStarted(10000));
        qint64 waiter = 0; // the "->" line of /proc/locks: the exclusive flock, blocked
        const bool blocked = pollUntil([&] {
            QFile locks(QStringLiteral("/proc/locks"));
            if (!locks.open(QIODevice::ReadOnly))
                return false;
            for (const QByteArray &line : locks.readAll().split('\n'))
                if (line.contains("-> FLOCK")) {
                    const QList<QByteArray> f = line.simplified().split(' ');
                    waiter = f.value(5).toLongLong();
                }
            return waiter > 0;
        }, 20000);
        auto cleanup = qScopeGuard([&] {
            if (waiter > 0)
                ::kill(pid_t(waiter), SIGKILL);
            ::kill(holder, SIGKILL);
            ::waitpid(holder, nullptr, 0);
            traced.kill();
            traced.waitForFinished(10000);
        });
        QVERIFY2(blocked, "the exclusive flock never showed as blocked in /proc/locks");
        const QString cs = m_dir.filePath(QStringLiteral("seed004.casebook"));
        CaseFile::create(cs, QStringLiteral("seed 004 shape"));
        QVERIFY(collectLocal(cs, 2));
        // End the trace while the exclusive flock still waits: it stays unfinished in the log.
        ::kill(pid_t(waiter), SIGKILL);
        QVERIFY(traced.waitForFinished(20000));
        const CasectlResult imp = runCasectl({QStringLiteral("import"), cs, log, QStringLiteral("--host"), QStringLiteral("local"), QStringLiteral("--tz"),
                                              QStringLiteral("UTC"), QStringLiteral("--date"), QDate::currentDate().toString(Qt::ISODate)});
        QVERIFY2(imp.exitCode == 0, imp.err.constData());
        {
            auto cf = CaseFile::open(cs);
            ingestKernelLog(*cf, QStringLiteral("local"), QStringLiteral("blockers/replays/seed004-lockd.txt"));
        }
        const QJsonObject run = hostRun(blockers(cs), QStringLiteral("local"));
        const QString all = describe(run);
        const QJsonObject top = run.value(QStringLiteral("top")).toObject();
        // The root: the lock holder, found in /proc/locks.
        QVERIFY2(top.value(QStringLiteral("data")).toObject().value(QStringLiteral("node")).toString() == QStringLiteral("task:%1").arg(holder), qPrintable(all));
        const QString chain = top.value(QStringLiteral("data")).toObject().value(QStringLiteral("chain_text")).toString();
        QVERIFY2(chain.contains(QStringLiteral("flock")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("lock on ") + lockPath) || chain.contains(QStringLiteral("FLOCK lock")), qPrintable(chain));
        QVERIFY2(chain.contains(QStringLiteral("held by php-fpm (%1)").arg(holder)), qPrintable(chain));
        const QList<QJsonObject> exclusive = findingsOf(run, QStringLiteral("blocker-exclusive-only"));
        QVERIFY2(exclusive.size() == 1, qPrintable(all));
        QVERIFY2(exclusive.first().value(QStringLiteral("detail")).toString().contains(QStringLiteral("1 LOCK_EX call(s) never returned while 2 LOCK_SH")), qPrintable(all));
        const QList<QJsonObject> nfs = findingsOf(run, QStringLiteral("blocker-nfs-lock-stack"));
        QVERIFY2(nfs.size() == 1, qPrintable(all));
        QVERIFY2(nfs.first().value(QStringLiteral("title")).toString().contains(QStringLiteral("lockd: server 10.1.84.31 not responding ×4")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(BlockerReplaysTest)
#include "BlockerReplaysTest.moc"
