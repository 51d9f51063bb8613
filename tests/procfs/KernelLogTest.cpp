#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "kernellog/KernelLogIngest.h"
#include "kernellog/KernelLogParser.h"
#include "procfs/ProcfsIngest.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

// Kernel-log parsing: one fixture per recognised event kind (tests/data/procfs/kernel-log).
class KernelLogTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    static constexpr qint64 kBoot = 1700000000LL * 1000000; // 2023-11-14T22:13:20Z

    static QByteArray fixture(const QString &name)
    {
        QFile f(TestEnv::sourceDir() + QStringLiteral("/tests/data/procfs/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }
    static QList<KernelLogEvent> events(const QString &name, qint64 *lines = nullptr)
    {
        QList<KernelLogEvent> out;
        qint64 n = 0;
        KernelLogParser p;
        p.onEvent = [&](const KernelLogEvent &e) { out.append(e); };
        p.onLine = [&](const KernelLogLine &) { ++n; };
        p.parse(fixture(QStringLiteral("kernel-log/") + name), kBoot);
        if (lines)
            *lines = n;
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hungTaskWithStack()
    {
        const auto e = events(QStringLiteral("hung-task.txt"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, QStringLiteral("hung-task"));
        QCOMPARE(e[0].pid, 3013281);
        QCOMPARE(e[0].comm, QStringLiteral("envoy"));
        QCOMPARE(e[0].atUs, kBoot + 772001118402LL);
        QVERIFY(e[0].detail.contains(QStringLiteral("flush_work+0x129/0x1e0")));
        QVERIFY(e[0].detail.contains(QStringLiteral("__fput")));
        QVERIFY(!e[0].detail.contains(QStringLiteral("IPv6"))); // the stack ends where the trace ends
        const auto n = events(QStringLiteral("hung-task-new.txt"));
        QCOMPARE(n.size(), 1);
        QCOMPARE(n[0].pid, 20931);
        QCOMPARE(n[0].comm, QStringLiteral("php-fpm"));
        QVERIFY(n[0].detail.contains(QStringLiteral("nlmclnt_call")));
    }

    void oomKill()
    {
        const auto e = events(QStringLiteral("oom-kill.txt"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, QStringLiteral("oom-kill"));
        QCOMPARE(e[0].pid, 4242);
        QCOMPARE(e[0].comm, QStringLiteral("java"));
        QCOMPARE(e[0].cgroup, QStringLiteral("/rain/slice-42"));
        QVERIFY(e[0].summary.contains(QStringLiteral("/rain/slice-42")));
        QVERIFY(e[0].detail.contains(QStringLiteral("invoked oom-killer")));
    }

    void nfsAndLockd()
    {
        const auto e = events(QStringLiteral("nfs-lockd.txt"));
        QCOMPARE(e.size(), 4);
        QCOMPARE(e[0].kind, QStringLiteral("lockd-not-responding"));
        QCOMPARE(e[0].server, QStringLiteral("10.1.84.31"));
        QCOMPARE(e[1].kind, QStringLiteral("lockd-ok"));
        QCOMPARE(e[1].atUs - e[0].atUs, 13655871LL);
        QCOMPARE(e[2].kind, QStringLiteral("nfs-not-responding"));
        QCOMPARE(e[3].kind, QStringLiteral("nfs-ok"));
        const auto j = events(QStringLiteral("journalctl.txt"));
        QCOMPARE(j.size(), 2);
        QCOMPARE(j[0].kind, QStringLiteral("lockd-not-responding"));
    }

    // "[9223372036854.775000]" (and longer) overflowed the wall-clock
    // arithmetic: such lines keep their text and event, flagged, without a time.
    void outOfRangeTimesAreFlagged()
    {
        QList<KernelLogLine> lines;
        QList<KernelLogEvent> e;
        KernelLogParser p;
        p.onLine = [&](const KernelLogLine &l) { lines.append(l); };
        p.onEvent = [&](const KernelLogEvent &x) { e.append(x); };
        p.parse(fixture(QStringLiteral("kernel-log/out-of-range-times.txt")), kBoot);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(p.outOfRangeTimes(), 2);
        QVERIFY(lines[0].timeOutOfRange);
        QCOMPARE(lines[0].atUs, 0);
        QCOMPARE(lines[0].monotonicS, 9223372036854.775);
        QVERIFY(lines[1].timeOutOfRange);
        QCOMPARE(lines[1].atUs, 0);
        QVERIFY(!lines[2].timeOutOfRange);
        QCOMPARE(lines[2].atUs, kBoot + 5000000);
        QCOMPARE(e.size(), 3);
        QCOMPARE(e[0].kind, QStringLiteral("lockd-not-responding"));
        QCOMPARE(e[0].atUs, 0);
        QCOMPARE(e[1].kind, QStringLiteral("lockd-ok"));
        QCOMPARE(e[2].atUs, kBoot + 5000000);
    }

    // A collector header with an impossible uptime falls back to btime; an
    // impossible btime gives no boot time at all.
    void collectorHeaderOutOfRange()
    {
        KernelLogParser p;
        QList<KernelLogLine> lines;
        p.onLine = [&](const KernelLogLine &l) { lines.append(l); };
        p.parse(fixture(QStringLiteral("kernel-log/header-huge-uptime.txt")));
        QCOMPARE(p.bootTimeUs(), kBoot);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].atUs, kBoot + 50000000);
        lines.clear();
        p.parse(fixture(QStringLiteral("kernel-log/header-huge-btime.txt")));
        QCOMPARE(p.bootTimeUs(), 0);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].atUs, 0);
        QVERIFY(!lines[0].timeOutOfRange);
    }

    void lockupsAndStalls()
    {
        const auto e = events(QStringLiteral("lockups.txt"));
        QStringList kinds;
        for (const auto &x : e)
            kinds.append(x.kind);
        QCOMPARE(kinds, (QStringList{QStringLiteral("soft-lockup"), QStringLiteral("hard-lockup"), QStringLiteral("rcu-stall"),
                                     QStringLiteral("rcu-stall"), QStringLiteral("srcu-stall")}));
        QCOMPARE(e[0].pid, 1234);
        QCOMPARE(e[0].comm, QStringLiteral("kworker/3:1"));
        QVERIFY(e[0].detail.contains(QStringLiteral("RIP:")));
        QVERIFY(e[1].summary.contains(QStringLiteral("CPU 5")));
    }

    void oopsBugPanic()
    {
        const auto e = events(QStringLiteral("oops-panic.txt"));
        QStringList kinds;
        for (const auto &x : e)
            kinds.append(x.kind);
        QCOMPARE(kinds, (QStringList{QStringLiteral("oops"), QStringLiteral("panic"), QStringLiteral("bug")}));
        QVERIFY(e[0].detail.contains(QStringLiteral("vendor_irq_handler")));
        QVERIFY(e[1].summary.contains(QStringLiteral("Fatal exception in interrupt")));
    }

    void collectorHeaderGivesBootTime()
    {
        const QByteArray data = "CASEBOOK-KLOG 1\nnow 1700000100000000000\nuptime 100.00\nbtime 1700000000\nsource dmesg\n"
                                "[   50.000000] lockd: server 10.0.0.1 not responding, still trying\n";
        QList<KernelLogEvent> e;
        KernelLogParser p;
        p.onEvent = [&](const KernelLogEvent &x) { e.append(x); };
        p.parse(data);
        QCOMPARE(p.bootTimeUs(), kBoot);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].atUs, kBoot + 50000000);
    }

    void hostileInput()
    {
        QByteArray junk;
        for (int i = 0; i < 100000; ++i)
            junk.append(char((i * 7919) & 0xff));
        qint64 lines = 0;
        KernelLogParser p;
        p.onLine = [&](const KernelLogLine &) { ++lines; };
        p.parse(junk, kBoot);
        QVERIFY(lines > 0);
        p.parse("[ 12.3", kBoot); // truncated stamp: kept as text
        p.parse("INFO: task :", kBoot);
        p.parse("[1.0] INFO: task a:b:1 blocked for more than 1 seconds.\n", kBoot);
    }

    void ingestAndCorrelate()
    {
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("k.casebook")), QStringLiteral("k"));
        SqliteDatabase &db = cf->db();
        const qint64 host = HostStore(db).ensure(QStringLiteral("rain-7"));
        CollectionStore cs(db);
        const qint64 pc = cs.begin(host, QStringLiteral("procfs"), QStringLiteral("fixture"));
        ProcfsIngest(db).ingest(fixture(QStringLiteral("seed001.snapshot")), {}, pc, host, 0);
        const qint64 kc = cs.begin(host, QStringLiteral("kernel-log"), QStringLiteral("fixture"));
        const auto r = KernelLogIngest(db).ingest(fixture(QStringLiteral("kernel-log/oom-kill.txt")), kc, host, 0, kBoot);
        QCOMPARE(r.lines, 8);
        QCOMPARE(r.events, 1);
        const auto ev = EventStore(db).range(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), host,
                                             QStringLiteral("kernel-log"));
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].kind, QStringLiteral("oom-kill"));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT COUNT(*) FROM kernel_log_lines WHERE event_id IS NOT NULL")), 7);
        const auto f = FindingStore(db).list(host, QStringLiteral("kernel-event-task"));
        QCOMPARE(f.size(), 1);
        QVERIFY(f[0].title.contains(QStringLiteral("java")));
        QStringList refKinds;
        for (const auto &e : f[0].evidence)
            refKinds.append(e.refKind);
        QVERIFY(refKinds.contains(QStringLiteral("kernel-event")));
        QVERIFY(refKinds.contains(QStringLiteral("task")));
        // Correlating again (e.g. after another snapshot) replaces, not duplicates.
        ProcfsIngest(db).ingest(fixture(QStringLiteral("seed001.snapshot")), {}, cs.begin(host, QStringLiteral("procfs"), QStringLiteral("fixture 2")), host, 0);
        QCOMPARE(FindingStore(db).list(host, QStringLiteral("kernel-event-task")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(KernelLogTest)
#include "KernelLogTest.moc"
