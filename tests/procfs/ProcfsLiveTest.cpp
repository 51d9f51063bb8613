#include "HangFs.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "analysis/StackDiffTarget.h"
#include "analysis/StackGrouper.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "collectors/procfs/KernelLogCollector.h"
#include "collectors/procfs/ProcfsScripts.h"
#include "procfs/ProcfsSnapshotParser.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "transport/LocalTransport.h"
#include "transport/TransportFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// Real stuck tasks: a FUSE mount whose daemon never answers, processes in D
// on it, snapshots of the local machine through LocalTransport and the
// embedded script, casectl on the result.
class ProcfsLiveTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<HangFs> m_fs;
    LocalTransport m_local;
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_sshdError;

    // A transport to this machine: local, or over the loopback sshd.
    std::unique_ptr<Transport> transport(const QString &kind, QString *host)
    {
        if (kind == QLatin1String("local")) {
            *host = QStringLiteral("local");
            return std::make_unique<LocalTransport>();
        }
        *host = m_sshd->hostSpec();
        return m_sshd->connect();
    }

    CollectorResult collect(int samples = 1, double interval = 0.2, Transport *via = nullptr, const QString &host = QStringLiteral("local"))
    {
        auto cf = CaseFile::open(m_case);
        CollectionContext ctx;
        ctx.caseFile = cf.get();
        ctx.hostId = HostStore(cf->db()).ensure(host);
        ctx.hostSpec = host;
        ProcfsCollector::Options o;
        o.samples = samples;
        o.intervalS = interval;
        o.stepTimeoutS = 30;
        ProcfsCollector c(o);
        return c.collect(via ? *via : m_local, ctx, CancelToken());
    }
    static qint64 lastSnapshot(const CollectorResult &r)
    {
        return r.summary.value(QStringLiteral("snapshots")).toArray().last().toInteger();
    }
    QList<StackGroup> groupsWithComm(qint64 snapshot, const QString &comm)
    {
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        QList<StackGroup> out;
        for (const StackGroup &g : StackGrouper::group(TaskQuery(cf->db()).snapshot(snapshot).commContains(comm).run()))
            out.append(g);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("live.casebook"));
        CaseFile::create(m_case, QStringLiteral("live"));
        CASEBOOK_REQUIRE_ROOT("(CAP_SYS_ADMIN) to mount FUSE and read kernel stacks");
        if (!QFile::exists(QStringLiteral("/dev/fuse")))
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("the kernel has no FUSE (/dev/fuse is missing)"));
        m_fs = std::make_unique<HangFs>();
        QString error;
        CASEBOOK_REQUIRE(m_fs->mount(&error), QStringLiteral("a FUSE mount: ") + error);
        m_sshd = std::make_unique<SshdFixture>();
        if (!m_sshd->start(1, &m_sshdError))
            m_sshd.reset();
    }

    void cleanupTestCase()
    {
        m_fs.reset(); // releases waiters, kills children, detaches the mount
    }

    void twentyStuckTasksGroupThenClear_data()
    {
        QTest::addColumn<QString>("via");
        QTest::newRow("ssh") << QStringLiteral("ssh");
        QTest::newRow("local") << QStringLiteral("local");
    }

    void twentyStuckTasksGroupThenClear()
    {
        QFETCH(QString, via);
        if (via == QLatin1String("ssh"))
            CASEBOOK_REQUIRE(m_sshd, QStringLiteral("a loopback sshd: ") + m_sshdError);
        QString host;
        const auto t = transport(via, &host);
        const QList<qint64> pids = m_fs->spawnWaiters(20, "hangfs-wait");
        QCOMPARE(pids.size(), 20);
        QVERIFY2(HangFs::waitForState(pids, 'D', 20000), "the FUSE waiters did not reach D");

        const CollectorResult first = collect(1, 0, t.get(), host);
        QVERIFY2(first.ok, qPrintable(first.error));
        const qint64 a = lastSnapshot(first);
        const QList<StackGroup> groups = groupsWithComm(a, QStringLiteral("hangfs-wait"));
        QString described;
        for (const StackGroup &g : groups)
            described += QStringLiteral("[%1 x%2: %3] ").arg(g.signature).arg(g.count).arg(g.frames.join(QLatin1Char(' ')));
        QVERIFY2(groups.size() == 1, qPrintable(described));
        QCOMPARE(groups[0].count, 20);
        QCOMPARE(groups[0].states.value(QStringLiteral("D")), 20);
        QVERIFY2(groups[0].frames.join(QLatin1Char(' ')).contains(QStringLiteral("fuse")), qPrintable(groups[0].frames.join(QLatin1Char(' '))));
        {
            auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
            bool found = false;
            for (const Finding &f : FindingStore(cf->db()).list(0, QStringLiteral("d-state-group")))
                if (f.data.value(QStringLiteral("signature")).toString() == groups[0].signature) {
                    found = true;
                    QVERIFY(f.data.value(QStringLiteral("count")).toInt() >= 20);
                }
            QVERIFY(found);
            // cmdline of processes in D is skipped, and says so.
            const QList<ProcTask> waiting = TaskQuery(cf->db()).snapshot(a).commContains(QStringLiteral("hangfs-wait")).run();
            QCOMPARE(waiting.size(), 20);
            for (const ProcTask &t : waiting)
                QCOMPARE(t.cmdlineStatus, QStringLiteral("skipped-d-state"));
            const auto rec = HostStore(cf->db()).byName(host);
            QVERIFY(!rec->kernel.isEmpty());
            QVERIFY(rec->bootTimeUs > 0);
            QCOMPARE(CollectionStore(cf->db()).byId(first.collectionIds.first())->status, CollectionRecord::Status::Complete);
        }

        m_fs->kill(pids);
        const CollectorResult second = collect(1, 0, t.get(), host);
        QVERIFY2(second.ok, qPrintable(second.error));
        const qint64 b = lastSnapshot(second);
        QVERIFY(groupsWithComm(b, QStringLiteral("hangfs-wait")).isEmpty());

        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const StackDiff::Result d = StackDiffTarget::diff(cf->db(), QStringLiteral("snapshot:%1").arg(a), QStringLiteral("snapshot:%1").arg(b));
        bool cleared = false;
        for (const auto &g : d.groups)
            if (g.signature == groups[0].signature) {
                QCOMPARE(g.change, QStringLiteral("cleared"));
                QVERIFY(g.countA >= 20);
                QCOMPARE(g.countB, 0);
                cleared = true;
            }
        QVERIFY(cleared);
        int clearedTasks = 0;
        for (const auto &t : d.cleared)
            clearedTasks += pids.contains(t.pid);
        QCOMPARE(clearedTasks, 20);

        // The same through casectl.
        const auto r = runCasectl({QStringLiteral("stacks"), m_case, QStringLiteral("--diff"), QStringLiteral("snapshot:%1").arg(a),
                                   QStringLiteral("snapshot:%1").arg(b), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        bool seen = false;
        for (const auto &g : j.value(QStringLiteral("groups")).toArray())
            if (g.toObject().value(QStringLiteral("signature")).toString() == groups[0].signature) {
                QCOMPARE(g.toObject().value(QStringLiteral("change")).toString(), QStringLiteral("cleared"));
                seen = true;
            }
        QVERIFY(seen);
        const auto plain = runCasectl({QStringLiteral("stacks"), m_case, QStringLiteral("--diff"), QStringLiteral("snapshot:%1").arg(a),
                                       QStringLiteral("snapshot:%1").arg(b)});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("cleared"));
    }

    void samplesInOneSession()
    {
        const QList<qint64> pids = m_fs->spawnWaiters(3, "hangfs-persist");
        QVERIFY(HangFs::waitForState(pids, 'D', 20000));
        const CollectorResult r = collect(3, 0.3);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.summary.value(QStringLiteral("snapshots")).toArray().size(), 3);
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        bool found = false;
        for (const Finding &f : FindingStore(cf->db()).list(0, QStringLiteral("d-state-group"))) {
            if (f.collectionId != r.collectionIds.first() || !f.data.value(QStringLiteral("comms")).toObject().contains(QStringLiteral("hangfs-persist")))
                continue;
            found = true;
            QCOMPARE(f.data.value(QStringLiteral("samples")).toInt(), 3);
            QVERIFY2(f.data.value(QStringLiteral("persistent")).toInt() >= 3, QJsonDocument(f.data).toJson().constData());
        }
        QVERIFY(found);
        m_fs->kill(pids);
    }

    void hostileNamesRoundTrip()
    {
        const QList<QByteArray> names{"a) b", "x) S 1 (y", "new\nline", "tab\tx", "))", "back\\slash"};
        QHash<qint64, QByteArray> byPid;
        for (const QByteArray &n : names)
            byPid.insert(m_fs->spawnNamed(n), n);
        QCOMPARE(byPid.size(), names.size());
        const CollectorResult r = collect();
        QVERIFY2(r.ok, qPrintable(r.error));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        for (auto it = byPid.cbegin(); it != byPid.cend(); ++it) {
            const QList<ProcTask> t = TaskQuery(cf->db()).snapshot(lastSnapshot(r)).pid(it.key()).run();
            QCOMPARE(t.size(), 1);
            QCOMPARE(t[0].comm, QString::fromUtf8(it.value()));
            QVERIFY(t[0].state == QLatin1String("S"));
            QCOMPARE(t[0].statusState, QStringLiteral("S")); // status read for every task, not only D
        }
        // casectl JSON keeps them exact; plain text escapes control characters.
        const auto j = runCasectl({QStringLiteral("tasks"), m_case, QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 0);
        QStringList comms;
        for (const auto &t : QJsonDocument::fromJson(j.out).object().value(QStringLiteral("tasks")).toArray())
            comms.append(t.toObject().value(QStringLiteral("comm")).toString());
        QVERIFY(comms.contains(QStringLiteral("new\nline")));
        QVERIFY(comms.contains(QStringLiteral("x) S 1 (y")));
        const auto plain = runCasectl({QStringLiteral("tasks"), m_case});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("new\\nline"));
        QVERIFY(!plain.out.contains("new\nline"));
        m_fs->kill(byPid.keys());
    }

    void notPermittedStacksAreRecorded()
    {
        CASEBOOK_REQUIRE_TOOL("setpriv");
        RunRequest req;
        req.command = QStringLiteral("setpriv --reuid=65534 --regid=65534 --clear-groups sh -s -- 1 0 20 ''");
        req.stdinData = ProcfsScripts::snapshot();
        const RunResult run = m_local.run(req, nullptr, CancelToken());
        QVERIFY2(run.ok(), run.stderrData.constData());
        QList<ProcfsSample> samples;
        ProcfsSnapshotParser p;
        p.onSample = [&](const ProcfsSample &s) { samples.append(s); };
        p.parse(run.stdoutData, run.stderrData);
        QCOMPARE(samples.size(), 1);
        int notPermitted = 0, ok = 0;
        for (const ProcTask &t : samples[0].tasks) {
            notPermitted += t.stackStatus == QLatin1String("not-permitted");
            ok += t.stackStatus == QLatin1String("ok");
            if (t.pid == qint64(getpid()))
                QCOMPARE(t.stackStatus, QStringLiteral("not-permitted")); // root's process, read as nobody
        }
        QVERIFY(notPermitted > 0);
        QCOMPARE(ok, 0);
    }

    void casectlViews()
    {
        const QList<qint64> pids = m_fs->spawnWaiters(4, "hangfs-view");
        QVERIFY(HangFs::waitForState(pids, 'D', 20000));
        const CollectorResult r = collect();
        QVERIFY2(r.ok, qPrintable(r.error));
        const qint64 snap = lastSnapshot(r);

        const auto t = runCasectl({QStringLiteral("tasks"), m_case, QStringLiteral("--state"), QStringLiteral("D"), QStringLiteral("--json")});
        QCOMPARE(t.exitCode, 0);
        const QJsonObject tj = QJsonDocument::fromJson(t.out).object();
        QCOMPARE(tj.value(QStringLiteral("snapshot")).toInteger(), snap); // latest by default
        int views = 0;
        for (const auto &x : tj.value(QStringLiteral("tasks")).toArray()) {
            const QJsonObject o = x.toObject();
            QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("D"));
            if (o.value(QStringLiteral("comm")).toString() == QLatin1String("hangfs-view")) {
                ++views;
                QVERIFY(pids.contains(o.value(QStringLiteral("pid")).toInteger()));
                QVERIFY(!o.value(QStringLiteral("frames")).toArray().isEmpty());
                QVERIFY(o.contains(QStringLiteral("wchan")));
            }
        }
        QCOMPARE(views, 4);
        const auto th = runCasectl({QStringLiteral("tasks"), m_case, QStringLiteral("--host"), QStringLiteral("local"),
                                    QStringLiteral("--state"), QStringLiteral("D"), QStringLiteral("--json")});
        QCOMPARE(th.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(th.out).object().value(QStringLiteral("snapshot")).toInteger(), snap);
        QCOMPARE(runCasectl({QStringLiteral("tasks"), m_case, QStringLiteral("--host"), QStringLiteral("nowhere")}).exitCode, 2);

        const auto s = runCasectl({QStringLiteral("stacks"), m_case, QStringLiteral("--snapshot"), QString::number(snap), QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        bool group = false;
        for (const auto &g : QJsonDocument::fromJson(s.out).object().value(QStringLiteral("groups")).toArray()) {
            const QJsonObject o = g.toObject();
            if (o.value(QStringLiteral("comms")).toObject().value(QStringLiteral("hangfs-view")).toInt() == 4) {
                group = true;
                QVERIFY(o.value(QStringLiteral("count")).toInt() >= 4);
                QVERIFY(!o.value(QStringLiteral("frames")).toArray().isEmpty());
                QVERIFY(o.value(QStringLiteral("tasks")).toArray().size() == o.value(QStringLiteral("count")).toInt());
            }
        }
        QVERIFY(group);

        const auto f = runCasectl({QStringLiteral("findings"), m_case, QStringLiteral("--json")});
        QCOMPARE(f.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(f.out).object().value(QStringLiteral("count")).toInt() > 0);
        const auto fp = runCasectl({QStringLiteral("findings"), m_case});
        QCOMPARE(fp.exitCode, 0);
        QVERIFY(fp.out.contains("d-state-group"));

        // Usage errors.
        QCOMPARE(runCasectl({QStringLiteral("stacks"), m_case, QStringLiteral("--diff"), QStringLiteral("bogus"), QStringLiteral("snapshot:1")}).exitCode, 2);
        QCOMPARE(runCasectl({QStringLiteral("stacks"), m_case, QStringLiteral("--diff"), QStringLiteral("snapshot:1")}).exitCode, 2);
        QCOMPARE(runCasectl({QStringLiteral("tasks"), m_case, QStringLiteral("--snapshot"), QStringLiteral("99999")}).exitCode, 1);
        m_fs->kill(pids);
    }

    // Ten lookups of one name on the hung mount: the first waits for the
    // FUSE daemon, the nine others behind it in the dcache. The triage must
    // point at the first as the blocker candidate.
    void blockerCandidateOnRealLookups()
    {
        HangFs fs; // its own mount: these waiters only go when it aborts
        QString error;
        QVERIFY2(fs.mount(&error), qPrintable(error));
        const QList<qint64> pids = fs.spawnWaiters(10, "hangfs-lookup", true);
        QVERIFY(HangFs::waitForState(pids, 'D', 20000));
        const CollectorResult r = collect();
        QVERIFY2(r.ok, qPrintable(r.error));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        qint64 first = 0;
        for (const ProcTask &t : TaskQuery(cf->db()).snapshot(lastSnapshot(r)).commContains(QStringLiteral("hangfs-lookup")).run()) {
            QCOMPARE(t.state, QStringLiteral("D"));
            if (t.stackRaw.join(QLatin1Char(' ')).contains(QStringLiteral("fuse_get_req"))) {
                QCOMPARE(first, 0); // exactly one waits in FUSE itself
                first = t.tid;
            }
        }
        QVERIFY(first != 0);
        bool flagged = false;
        for (const Finding &f : FindingStore(cf->db()).list(0, QStringLiteral("blocker-candidate"))) {
            if (f.collectionId != r.collectionIds.first())
                continue;
            const QJsonArray tids = f.data.value(QStringLiteral("tids")).toArray();
            QCOMPARE(tids.size(), 1);
            QCOMPARE(tids.first().toInteger(), first);
            QCOMPARE(f.data.value(QStringLiteral("dominant_count")).toInt(), 9);
            flagged = true;
        }
        QVERIFY(flagged);
    } // fs aborts the connection, kills and reaps the ten, detaches the mount

    void kernelLogCollector()
    {
        auto cf = CaseFile::open(m_case);
        CollectionContext ctx;
        ctx.caseFile = cf.get();
        ctx.hostId = HostStore(cf->db()).ensure(QStringLiteral("local"));
        ctx.hostSpec = QStringLiteral("local");
        KernelLogCollector c;
        const CollectorResult r = c.collect(m_local, ctx, CancelToken());
        CASEBOOK_REQUIRE(r.ok || !r.error.contains(QStringLiteral("neither dmesg")), QStringLiteral("a readable kernel log: ") + r.error);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.summary.value(QStringLiteral("lines")).toInteger() > 0);
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM kernel_log_lines WHERE at_us > 0")) > 0);
    }
};

QTEST_GUILESS_MAIN(ProcfsLiveTest)
#include "ProcfsLiveTest.moc"
