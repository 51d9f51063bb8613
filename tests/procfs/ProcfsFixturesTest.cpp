#include "TestEnv.h"
#include "analysis/DStateTriage.h"
#include "analysis/StackDiffTarget.h"
#include "analysis/StackGrouper.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "procfs/ProcStatLine.h"
#include "procfs/ProcfsIngest.h"
#include "procfs/ProcfsSnapshotParser.h"
#include "procfs/ProcfsStream.h"
#include "procfs/ProcfsTextParsers.h"
#include "procfs/SnapshotStore.h"
#include "procfs/StackFrames.h"
#include "procfs/TaskQuery.h"
#include "util/CaseError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Parsers and D-state triage on the seed fixtures (tests/data/procfs).
class ProcfsFixturesTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QByteArray fixture(const QString &name)
    {
        QFile f(TestEnv::sourceDir() + QStringLiteral("/tests/data/procfs/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }
    std::unique_ptr<CaseFile> caseWith(const QString &name, const QByteArray &stream, qint64 *collection = nullptr)
    {
        auto cf = CaseFile::create(m_dir.filePath(name + QStringLiteral(".casebook")), name);
        const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("cell-z1-17"));
        const qint64 cid = CollectionStore(cf->db()).begin(host, QStringLiteral("procfs"), QStringLiteral("fixture"));
        ProcfsIngest(cf->db()).ingest(stream, {}, cid, host, 0);
        CollectionStore(cf->db()).finish(cid, CollectionRecord::Status::Complete);
        if (collection)
            *collection = cid;
        return cf;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void statLineTakesLastParen()
    {
        ProcStatLine s;
        QVERIFY(ProcStatLine::parse("42 (a) S 1 (b) R 7 42 42 0 -1 0 0 0 0 0 11 12 0 0 20 0 3 0 999 0 0", &s));
        QCOMPARE(s.comm, QStringLiteral("a) S 1 (b"));
        QCOMPARE(s.state, QStringLiteral("R"));
        QCOMPARE(s.ppid, 7);
        QCOMPARE(s.utime, 11);
        QCOMPARE(s.threads, 3);
        QCOMPARE(s.startTicks, 999);
        QVERIFY(!ProcStatLine::parse("42 (truncated", &s));
        QVERIFY(!ProcStatLine::parse("", &s));
        QVERIFY(!ProcStatLine::parse("x (y) S", &s));
    }

    void sedEscapesRoundTrip()
    {
        QCOMPARE(ProcfsStream::unescape("a\\\\b\\tc\\001\\377$"), QByteArray("a\\b\tc\x01\xff$"));
        const auto files = ProcfsStream::files("1/stat\nline one$\nline\\ntwo$\n2/stat\n$\n");
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].content, QByteArray("line one\nline\ntwo\n"));
        QCOMPARE(files[1].content, QByteArray("\n"));
    }

    void stackFramesIgnoreOffsets()
    {
        const QStringList f = StackFrames::parse(QStringLiteral("[<0>] flush_work+0x129/0x1e0\n[<0>] fuse_get_req+0x1c/0x2a0 [fuse]\n[<0>] 0xffffffffffffffff\n"));
        QCOMPARE(f.size(), 2);
        QCOMPARE(StackFrames::normalize(f[0]), QStringLiteral("flush_work"));
        QCOMPARE(StackFrames::normalize(f[1]), QStringLiteral("fuse_get_req [fuse]"));
        QCOMPARE(StackFrames::normalize(f[0], true), QStringLiteral("flush_work+0x129/0x1e0"));
        QVERIFY(StackFrames::signature({}).isEmpty());
    }

    void hostileNamesRoundTrip()
    {
        QList<ProcfsSample> samples;
        ProcfsSnapshotParser p;
        p.onSample = [&](const ProcfsSample &s) { samples.append(s); };
        p.parse(fixture(QStringLiteral("hostile-names.snapshot")), {});
        QCOMPARE(samples.size(), 1);
        QStringList comms;
        for (const ProcTask &t : samples[0].tasks)
            comms.append(t.comm);
        for (const char *n : {"a) b", "x) S 1 (y", "new\nline", "tab\there", "back\\slash", "))", "\xc3\xa9t\xc3\xa9"})
            QVERIFY2(comms.contains(QString::fromUtf8(n)), n);
        for (const ProcTask &t : samples[0].tasks)
            QCOMPARE(t.state, QStringLiteral("S"));
    }

    // Found by fuzz_procfs_snapshot: a start time of 10^18 ticks overflowed
    // the wall-clock start (UBSan). Impossible starts, uptimes and boot
    // times are ignored and named in the sample's problems.
    void impossibleTimesAreFlagged()
    {
        QList<ProcfsSample> samples;
        ProcfsSnapshotParser p;
        p.onSample = [&](const ProcfsSample &s) { samples.append(s); };
        p.parse(fixture(QStringLiteral("impossible-times.snapshot")), {});
        QCOMPARE(samples.size(), 2);
        const qint64 btimeUs = 1456823700LL * 1000000;
        QCOMPARE(samples[0].bootTimeUs, btimeUs); // from btime: the uptime 1e300 is ignored
        QCOMPARE(samples[0].uptimeS, -1.0);
        QCOMPARE(samples[0].tasks.size(), 2);
        QCOMPARE(samples[0].tasks[0].startUs, btimeUs + 1000 * 10000);
        QCOMPARE(samples[0].tasks[1].startTicks, 1046744073709551615LL);
        QCOMPARE(samples[0].tasks[1].startUs, 0);
        const QString problems = samples[0].problems.join(QLatin1Char('\n'));
        QVERIFY(problems.contains(QStringLiteral("uptime 1e300 is impossible")));
        QVERIFY(problems.contains(QStringLiteral("1 tasks have an impossible start time")));
        // The second sample: a valid uptime, an impossible btime.
        QCOMPARE(samples[1].bootTimeUs, 1456910100000000LL - 86400000000LL);
        QVERIFY(samples[1].problems.join(QLatin1Char('\n')).contains(QStringLiteral("btime 99999999999999999 is impossible")));
    }

    void garbageAndTruncation()
    {
        QString failure;
        ProcfsSnapshotParser p;
        p.onFailed = [&](const QString &m) { failure = m; };
        p.parse("\x00\xff garbage", {});
        QVERIFY(!failure.isEmpty());
        // Cut the seed 000 stream in the middle of its first sample's stacks.
        const QByteArray full = fixture(QStringLiteral("seed000.snapshot"));
        const QByteArray cut = full.left(full.indexOf(" STACK\n") + 3000);
        QList<ProcfsSample> samples;
        ProcfsSnapshotParser q;
        q.onSample = [&](const ProcfsSample &s) { samples.append(s); };
        q.parse(cut, {});
        QCOMPARE(samples.size(), 1);
        QVERIFY(samples[0].problems.join(QLatin1Char(' ')).contains(QStringLiteral("partial")));
        QVERIFY(samples[0].tasks.size() > 60);
        // Every prefix parses without crashing.
        for (qsizetype n = 0; n < full.size(); n += 997) {
            ProcfsSnapshotParser r;
            r.parse(full.left(n), {});
        }
        // Ingesting garbage is a clear error.
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("g.casebook")), QStringLiteral("g"));
        QVERIFY_THROWS_EXCEPTION(CaseError, ProcfsIngest(cf->db()).ingest("nonsense", {}, 0, 0, 0));
    }

    void seed000Triage()
    {
        qint64 cid = 0;
        auto cf = caseWith(QStringLiteral("seed000"), fixture(QStringLiteral("seed000.snapshot")), &cid);
        SqliteDatabase &db = cf->db();
        const auto snaps = SnapshotStore(db).forCollection(cid);
        QCOMPARE(snaps.size(), 2);
        QCOMPARE(snaps.last().load1, 280.12);
        const auto host = HostStore(db).byName(QStringLiteral("cell-z1-17"));
        QCOMPARE(host->kernel, QStringLiteral("4.15.0-45-generic"));
        QCOMPARE(host->os, QStringLiteral("Ubuntu 16.04.5 LTS"));
        QVERIFY(host->bootTimeUs > 0);

        const QList<ProcTask> d = TaskQuery(db).snapshot(snaps.last().id).state(QStringLiteral("D")).run();
        QCOMPARE(d.size(), 61 + 12);
        int disguised = 0;
        for (const ProcTask &t : d)
            disguised += t.isZombieInDisguise();
        QCOMPARE(disguised, 12);
        QList<ProcTask> really;
        for (const ProcTask &t : d)
            if (t.isReallyD())
                really.append(t);
        const QList<StackGroup> groups = StackGrouper::group(really);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0].count, 60);
        QCOMPARE(groups[0].frames.first(), QStringLiteral("flush_work"));
        QCOMPARE(groups[0].comms.value(QStringLiteral("envoy")), 60);
        QCOMPARE(groups[1].count, 1);
        QCOMPARE(groups[1].topComm(), QStringLiteral("kworker/u4:3"));
        // Each snapshot is on the timeline with its real D count (zombies
        // that stat still shows as D are counted as zombies).
        QCOMPARE(db.queryInt(QStringLiteral("SELECT COUNT(*) FROM events WHERE source = 'procfs' AND ref_kind = 'snapshot'"
                                            " AND collection_id = %1").arg(cid)), qint64(2));
        const QString last = db.queryText(QStringLiteral("SELECT kind || ' | ' || summary FROM events WHERE ref_kind = 'snapshot'"
                                                         " AND ref_id = %1").arg(snaps.last().id));
        QVERIFY2(last.startsWith(QStringLiteral("snapshot-d-state | snapshot 2: ")), qPrintable(last));
        QVERIFY2(last.contains(QStringLiteral(" tasks, 61 in D, ")), qPrintable(last));
        QVERIFY2(last.contains(QStringLiteral("load 280.12")), qPrintable(last));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT at_us FROM events WHERE ref_kind = 'snapshot' AND ref_id = %1").arg(snaps.last().id)),
                 snaps.last().takenUs);
        // With offsets kept, the tasks at flush_work+0x12c split off.
        QVERIFY(StackGrouper::group(really, {true, true}).size() == 3);

        FindingStore findings(db);
        const auto blockers = findings.list(0, QStringLiteral("blocker-candidate"));
        QCOMPARE(blockers.size(), 1);
        QCOMPARE(blockers[0].data.value(QStringLiteral("comm")).toString(), QStringLiteral("kworker/u4:3"));
        QCOMPARE(blockers[0].data.value(QStringLiteral("tids")).toArray().first().toInteger(), 3129652);
        QVERIFY(blockers[0].detail.contains(QStringLiteral("synchronize_srcu")));
        QVERIFY(blockers[0].detail.contains(QStringLiteral("fsnotify")));
        QVERIFY(FindingStore::severityRank(blockers[0].severity) >= 3);
        bool hasTaskEvidence = false;
        for (const EvidenceRef &e : blockers[0].evidence)
            hasTaskEvidence |= e.refKind == QLatin1String("task") && TaskQuery::byId(db, e.refId).tid == 3129652;
        QVERIFY(hasTaskEvidence);

        const auto zd = findings.list(0, QStringLiteral("zombie-in-disguise"));
        QCOMPARE(zd.size(), 1);
        QCOMPARE(zd[0].data.value(QStringLiteral("count")).toInt(), 12);

        const auto dg = findings.list(0, QStringLiteral("d-state-group"));
        QCOMPARE(dg.size(), 2);
        const Finding &big = dg[0].data.value(QStringLiteral("count")).toInt() == 60 ? dg[0] : dg[1];
        QCOMPARE(big.data.value(QStringLiteral("count")).toInt(), 60);
        QCOMPARE(big.data.value(QStringLiteral("persistent")).toInt(), 60); // same stack in both samples
        int taskRefs = 0;
        for (const EvidenceRef &e : big.evidence)
            taskRefs += e.refKind == QLatin1String("task");
        QCOMPARE(taskRefs, 60);

        const auto summary = findings.list(0, QStringLiteral("d-state-summary"));
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary[0].data.value(QStringLiteral("really_d")).toInt(), 61);
        QVERIFY(summary[0].detail.contains(QStringLiteral("not CPU demand")));

        // Re-running the triage replaces, not duplicates.
        DStateTriage(db).run(cid);
        QCOMPARE(findings.list(0, QStringLiteral("blocker-candidate")).size(), 1);

        // Diffs: task vs task, group vs group, snapshot vs snapshot.
        const auto td = StackDiffTarget::diff(db, QStringLiteral("task:3013281"), QStringLiteral("task:cell-z1-17/3129652"));
        QCOMPARE(td.kind, QStringLiteral("task"));
        QVERIFY(td.onlyA.contains(QStringLiteral("flush_work")));
        QVERIFY(td.onlyB.contains(QStringLiteral("synchronize_srcu")));
        const auto sd = StackDiffTarget::diff(db, QStringLiteral("snapshot:%1").arg(snaps.first().id),
                                              QStringLiteral("snapshot:%1").arg(snaps.last().id));
        QCOMPARE(sd.cleared.size(), 0);
        QCOMPARE(sd.appeared.size(), 0);
        QCOMPARE(sd.stayed.size(), d.size() + 2);
        const auto gd = StackDiffTarget::diff(db, QStringLiteral("group:") + groups[0].signature,
                                              QStringLiteral("group:") + groups[1].signature);
        QVERIFY(gd.onlyB.contains(QStringLiteral("fsnotify_mark_destroy_workfn")));
        QVERIFY_THROWS_EXCEPTION(CaseError, StackDiffTarget::diff(db, QStringLiteral("task:1"), QStringLiteral("host:cell-z1-17")));
        QVERIFY_THROWS_EXCEPTION(CaseError, StackDiffTarget::resolve(db, QStringLiteral("bogus")));
        QVERIFY_THROWS_EXCEPTION(CaseError, StackDiffTarget::resolve(db, QStringLiteral("task:999999999")));
    }

    void hostVersusHost()
    {
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("hosts.casebook")), QStringLiteral("two hosts"));
        SqliteDatabase &db = cf->db();
        const qint64 sick = HostStore(db).ensure(QStringLiteral("cell-sick"));
        const qint64 well = HostStore(db).ensure(QStringLiteral("cell-well"));
        CollectionStore cs(db);
        ProcfsIngest(db).ingest(fixture(QStringLiteral("seed000.snapshot")), {}, cs.begin(sick, QStringLiteral("procfs"), QStringLiteral("f")), sick, 0);
        ProcfsIngest(db).ingest(fixture(QStringLiteral("hostile-names.snapshot")), {}, cs.begin(well, QStringLiteral("procfs"), QStringLiteral("f")), well, 0);
        const auto d = StackDiffTarget::diff(db, QStringLiteral("host:cell-sick"), QStringLiteral("host:cell-well"));
        QCOMPARE(d.kind, QStringLiteral("host"));
        QVERIFY(d.appeared.isEmpty() && d.cleared.isEmpty()); // tasks are not matched across hosts
        bool flushCleared = false, epollStayed = false;
        for (const auto &g : d.groups) {
            if (!g.frames.isEmpty() && g.frames.first() == QLatin1String("flush_work")) {
                QCOMPARE(g.change, QStringLiteral("cleared"));
                QCOMPARE(g.countA, 60);
                flushCleared = true;
            }
            if (!g.frames.isEmpty() && g.frames.first() == QLatin1String("ep_poll"))
                epollStayed = g.countA == 1 && g.countB == 8 && g.change == QLatin1String("grew");
        }
        QVERIFY(flushCleared);
        QVERIFY(epollStayed);
    }

    void mountsAndNfsStats()
    {
        ProcfsSample s;
        ProcfsTextParsers::mountinfo("36 25 0:32 / /mnt/my\\040share rw,relatime shared:1 - nfs 10.1.84.31:/export rw,vers=3\n"
                                     "garbage line\n37 25 8:1 / / rw - ext4 /dev/sda1 rw\n", s);
        QCOMPARE(s.mounts.size(), 2);
        QCOMPARE(s.mounts[0].mountPoint, QStringLiteral("/mnt/my share"));
        QCOMPARE(s.mounts[0].fstype, QStringLiteral("nfs"));
        QCOMPARE(s.mounts[0].source, QStringLiteral("10.1.84.31:/export"));
        QCOMPARE(s.mounts[0].superOptions, QStringLiteral("rw,vers=3"));
        ProcfsTextParsers::mountstats(
            "device /dev/sda1 mounted on / with fstype ext4\n"
            "device 10.1.84.31:/export/sessions mounted on /var/lib/php/sessions with fstype nfs statvers=1.1\n"
            "\topts:\trw,vers=3,hard,proto=tcp,timeo=600,retrans=2,sec=sys,local_lock=none\n"
            "\tage:\t927000\n"
            "\tRPC iostats version: 1.1  p/v: 100003/3 (nfs)\n"
            "\txprt:\ttcp 0 1 1 0 0 3 3 0 3 0 2 0 0\n"
            "\tper-op statistics\n"
            "\t        NULL: 1 1 0 44 24 0 0 0 0\n"
            "\t     GETATTR: 1200 1200 0 150000 134400 10 400 500 0\n"
            "\t      LOOKUP: 300 300 7 40000 60000 2 900 1200 2\n"
            "\t      BROKEN: 1 2\n", s);
        QCOMPARE(s.nfsMounts.size(), 1);
        const NfsMountStats &n = s.nfsMounts[0];
        QCOMPARE(n.mountPoint, QStringLiteral("/var/lib/php/sessions"));
        QCOMPARE(n.device, QStringLiteral("10.1.84.31:/export/sessions"));
        QCOMPARE(n.ageS, 927000);
        QCOMPARE(n.ops, 1501);
        QCOMPARE(n.timeouts, 7);
        QVERIFY(n.options.contains(QStringLiteral("vers=3")));
        const QJsonObject summary = QJsonDocument::fromJson(n.summaryJson.toUtf8()).object();
        const QJsonArray busiest = summary.value(QStringLiteral("busiest_ops")).toArray();
        QCOMPARE(busiest.first().toObject().value(QStringLiteral("op")).toString(), QStringLiteral("GETATTR"));
        QCOMPARE(busiest[1].toObject().value(QStringLiteral("avg_rtt_ms")).toDouble(), 3.0);
    }

    void vanishedAndForbiddenStacksFromStderr()
    {
        // Three tasks: one stack read, one refused, one gone before its stack was read.
        const QByteArray t = "0e5b1d9c-7f3a-4c2e";
        const QByteArray out = "CASEBOOK-PROCFS 1 " + t + "\n\n@@" + t + " SAMPLE 1\n\n@@" + t + " TASKSTAT\n"
            "1/task/1/stat\n1 (init) S 0 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 0$\n"
            "2/task/2/stat\n2 (a) S 1 2 2 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 0$\n"
            "3/task/3/stat\n3 (b) S 1 3 3 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 0$\n"
            "\n@@" + t + " STACK\n1/task/1/stack\n[<0>] do_wait+0x53/0x120$\n\n@@" + t + " END-SAMPLE 1\n";
        const QByteArray err = "\n@@" + t + " SAMPLE 1\n\n@@" + t + " STACK\n"
            "sed: read error on 2/task/2/stack: Permission denied\n"
            "sed: can't read 3/task/3/stack: No such file or directory\n"
            "\n@@" + t + " PSI\nsed: can't read pressure/cpu: No such file or directory\n";
        QList<ProcfsSample> samples;
        ProcfsSnapshotParser p;
        p.onSample = [&](const ProcfsSample &s) { samples.append(s); };
        p.parse(out, err);
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples[0].tasks.size(), 3);
        QCOMPARE(samples[0].tasks[0].stackStatus, QStringLiteral("ok"));
        QCOMPARE(samples[0].tasks[1].stackStatus, QStringLiteral("not-permitted"));
        QCOMPARE(samples[0].tasks[2].stackStatus, QStringLiteral("vanished"));
        // A kernel without PSI: reported, not fatal.
        QVERIFY(samples[0].problems.join(QLatin1Char(' ')).contains(QStringLiteral("pressure/cpu")));
    }

    void seed001ZombieHoldsPort()
    {
        auto cf = caseWith(QStringLiteral("seed001"), fixture(QStringLiteral("seed001.snapshot")));
        const auto z = FindingStore(cf->db()).list(0, QStringLiteral("zombie-holding-port"));
        QCOMPARE(z.size(), 1);
        QCOMPARE(z[0].data.value(QStringLiteral("pid")).toInteger(), 4242);
        const QJsonArray ports = z[0].data.value(QStringLiteral("ports")).toArray();
        QCOMPARE(ports.size(), 1);
        QCOMPARE(ports[0].toObject().value(QStringLiteral("port")).toInt(), 8080);
        const SnapshotInfo s = SnapshotStore(cf->db()).resolve(0);
        const auto cgroups = SnapshotStore(cf->db()).cgroups(s.id);
        QCOMPARE(cgroups.size(), 1);
        QCOMPARE(cgroups[0].path, QStringLiteral("/rain/slice-42"));
        QCOMPARE(cgroups[0].limit, 2147483648LL);
        QCOMPARE(cgroups[0].oomKills, 3);
        const auto services = SnapshotStore(cf->db()).services(s.id);
        QCOMPARE(services.size(), 2);
        QCOMPARE(services[0].state, QStringLiteral("inactive"));
        // The healthy java (pid 5000) with a listening socket is not reported.
        QCOMPARE(SnapshotStore(cf->db()).sockets(s.id).size(), 2);
    }
};

QTEST_GUILESS_MAIN(ProcfsFixturesTest)
#include "ProcfsFixturesTest.moc"
