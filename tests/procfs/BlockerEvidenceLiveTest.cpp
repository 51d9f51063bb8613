#include "BlockedFlock.h"
#include "HangFs.h"
#include "PollUntil.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "procfs/BlockerEvidenceQuery.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "transport/LocalTransport.h"
#include "transport/TransportFactory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// The blocker evidence of a real procfs snapshot of this machine: a real
// flock held and waited on, a FUSE mount whose daemon never answers, a
// SIGKILL that cannot be delivered to a task in D, a zombie leader with live
// threads. Collected through the embedded script, locally and over ssh.
class BlockerEvidenceLiveTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    LocalTransport m_local;
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_sshdError;

    std::unique_ptr<Transport> transport(const QString &kind, QString *host)
    {
        if (kind == QLatin1String("local")) {
            *host = QStringLiteral("local");
            return std::make_unique<LocalTransport>();
        }
        *host = m_sshd->hostSpec();
        return m_sshd->connect();
    }

    CollectorResult collect(int samples = 1, Transport *via = nullptr, const QString &host = QStringLiteral("local"))
    {
        auto cf = CaseFile::open(m_case);
        CollectionContext ctx;
        ctx.caseFile = cf.get();
        ctx.hostId = HostStore(cf->db()).ensure(host);
        ctx.hostSpec = host;
        ProcfsCollector::Options o;
        o.samples = samples;
        o.intervalS = 0.3;
        o.stepTimeoutS = 30;
        ProcfsCollector c(o);
        return c.collect(via ? *via : m_local, ctx, CancelToken());
    }
    static qint64 lastSnapshot(const CollectorResult &r)
    {
        return r.summary.value(QStringLiteral("snapshots")).toArray().last().toInteger();
    }
    static QByteArray stackOf(qint64 pid)
    {
        QFile f(QStringLiteral("/proc/%1/stack").arg(pid));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_case = m_dir.filePath(QStringLiteral("evidence.casebook"));
        CaseFile::create(m_case, QStringLiteral("evidence"));
        CASEBOOK_REQUIRE_ROOT("(CAP_SYS_ADMIN) to mount FUSE and read kernel stacks");
        m_sshd = std::make_unique<SshdFixture>();
        if (!m_sshd->start(1, &m_sshdError))
            m_sshd.reset();
    }

    void flockHolderAndWaiter_data()
    {
        QTest::addColumn<QString>("via");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("ssh") << QStringLiteral("ssh");
    }

    // /proc/locks: the holder and its "->" waiter with their pids, the
    // holder's fd on the locked file (readlink) and its fdinfo lock line.
    void flockHolderAndWaiter()
    {
        QFETCH(QString, via);
        if (via == QLatin1String("ssh"))
            CASEBOOK_REQUIRE(m_sshd, QStringLiteral("a loopback sshd: ") + m_sshdError);
        QString host;
        const auto t = transport(via, &host);
        BlockedFlock lock(m_dir.filePath(QStringLiteral("locked file) ->")));
        QString error;
        QVERIFY2(lock.start(&error), qPrintable(error));
        const CollectorResult r = collect(1, t.get(), host);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(lock.waiterBlocked()); // still the same state after the snapshot
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const qint64 snap = lastSnapshot(r);
        BlockerEvidenceQuery q(cf->db());
        const QList<FileLock> locks = q.locks(snap);
        const FileLock *holder = nullptr, *waiter = nullptr, *fdinfo = nullptr;
        for (const FileLock &l : locks) {
            if (l.source == QLatin1String("proc-locks") && !l.isWaiter && l.pid == lock.holderPid())
                holder = &l;
            else if (l.source == QLatin1String("proc-locks") && l.isWaiter && l.pid == lock.waiterPid())
                waiter = &l;
            else if (l.source == QLatin1String("fdinfo") && l.ownerPid == lock.holderPid())
                fdinfo = &l;
        }
        QVERIFY2(holder && waiter && fdinfo, qPrintable(QStringLiteral("%1 lock rows").arg(locks.size())));
        QCOMPARE(holder->kind, QStringLiteral("FLOCK"));
        QCOMPARE(holder->mode, QStringLiteral("WRITE"));
        QCOMPARE(waiter->mode, QStringLiteral("WRITE"));
        QCOMPARE(waiter->lockId, holder->lockId);
        QCOMPARE(waiter->waitDepth, 1);
        QCOMPARE(waiter->inode, holder->inode);
        QCOMPARE(waiter->device, holder->device);
        QCOMPARE(fdinfo->inode, holder->inode);
        QCOMPARE(q.waitersBehind(snap, holder->lockId).size(), 1);

        // The holder's fd on the file: path by readlink, inode and mount from fdinfo.
        const QList<FdTarget> fds = q.fdsOpenOn(snap, lock.lockPath());
        QVERIFY(!fds.isEmpty());
        bool holderFd = false;
        for (const FdTarget &f : fds)
            if (f.pid == lock.holderPid() && f.fd == fdinfo->fd) {
                holderFd = true;
                QCOMPARE(f.kind, QStringLiteral("path"));
                QCOMPARE(f.inode, holder->inode);
                QVERIFY(f.mntId > 0);
            }
        QVERIFY(holderFd);
        QStringList reasons;
        for (const InvolvedProcess &p : q.involved(snap))
            if (p.pid == lock.holderPid() || p.pid == lock.waiterPid())
                reasons.append(p.reason);
        QCOMPARE(reasons, (QStringList{QStringLiteral("lock"), QStringLiteral("lock")}));
        QCOMPARE(CollectionStore(cf->db()).byId(r.collectionIds.first())->status, CollectionRecord::Status::Complete);
    }

    // A task in D on a hung FUSE mount: its fds are read (readlink only),
    // and the daemon, this process, is found by its open /dev/fuse.
    void fuseHangFdTargets()
    {
        CASEBOOK_REQUIRE(QFile::exists(QStringLiteral("/dev/fuse")), QStringLiteral("/dev/fuse"));
        HangFs fs;
        QString error;
        CASEBOOK_REQUIRE(fs.mount(&error), QStringLiteral("a FUSE mount: ") + error);
        const QList<qint64> pids = fs.spawnWaiters(2, "hangfs-ev");
        QVERIFY(HangFs::waitForState(pids, 'D', 20000));
        const CollectorResult r = collect(2);
        QVERIFY2(r.ok, qPrintable(r.error));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const qint64 snap = lastSnapshot(r);
        BlockerEvidenceQuery q(cf->db());
        for (qint64 pid : pids) {
            bool asD = false;
            for (const InvolvedProcess &p : q.involved(snap))
                asD = asD || (p.pid == pid && p.reason == QLatin1String("d-state"));
            QVERIFY(asD);
            const QList<FdTarget> fds = q.fdTargets(snap, pid);
            QVERIFY(!fds.isEmpty());
            QVERIFY(std::any_of(fds.cbegin(), fds.cend(), [](const FdTarget &f) { return f.fd == 0 && !f.target.isEmpty(); }));
            // Stuck, not slow: the same switch counts in both samples.
            const auto history = q.schedHistory(r.collectionIds.first(), pid);
            QCOMPARE(history.size(), 2);
            QVERIFY(history[0].sched.switches() >= 0);
            QCOMPARE(history[1].sched.switches(), history[0].sched.switches());
            QVERIFY(history[0].sched.runNs >= 0);
            QCOMPARE(history[1].sched.runNs, history[0].sched.runNs);
        }
        QVERIFY(q.fuseServers(snap).contains(qint64(::getpid())));
        bool fuseFd = false;
        for (const FdTarget &f : q.fdTargets(snap, ::getpid()))
            fuseFd = fuseFd || (f.target == QLatin1String("/dev/fuse") && f.kind == QLatin1String("fuse-device"));
        QVERIFY(fuseFd);
        fs.kill(pids);
    }

    // kill -9 of a task in D that cannot take it: the snapshot shows SIGKILL
    // pending (ShdPnd for a kill of the process) while the task stays in D.
    void sigkillPendingInD()
    {
        CASEBOOK_REQUIRE(QFile::exists(QStringLiteral("/dev/fuse")), QStringLiteral("/dev/fuse"));
        HangFs fs;
        QString error;
        CASEBOOK_REQUIRE(fs.mount(&error), QStringLiteral("a FUSE mount: ") + error);
        // Three lookups of one name: the first waits for the daemon, the two
        // others behind it in d_alloc_parallel, an uninterruptible wait.
        const QList<qint64> pids = fs.spawnWaiters(3, "hangfs-kill", true);
        QVERIFY(HangFs::waitForState(pids, 'D', 20000));
        QList<qint64> behind;
        for (qint64 pid : pids)
            if (!stackOf(pid).contains("fuse_"))
                behind.append(pid);
        QCOMPARE(behind.size(), 2);
        for (qint64 pid : behind)
            ::kill(pid_t(pid), SIGKILL);
        const CollectorResult r = collect();
        QVERIFY2(r.ok, qPrintable(r.error));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const qint64 snap = lastSnapshot(r);
        BlockerEvidenceQuery q(cf->db());
        QList<qint64> pending;
        for (const TaskSched &s : q.killPending(snap))
            pending.append(s.tid);
        for (qint64 pid : behind) {
            const QList<ProcTask> t = TaskQuery(cf->db()).snapshot(snap).tid(pid).run();
            QCOMPARE(t.size(), 1);
            QCOMPARE(t[0].state, QStringLiteral("D"));
            QVERIFY(pending.contains(pid));
            const QList<TaskSched> s = q.sched(snap, pid);
            QCOMPARE(s.size(), 1);
            QVERIFY2(s[0].pending(9), qPrintable(s[0].sigPnd + QLatin1Char('/') + s[0].shdPnd));
        }
        for (qint64 pid : pids)
            if (!behind.contains(pid))
                QVERIFY(!pending.contains(pid)); // not killed: nothing pending
    } // fs aborts the connection: the killed ones die, the rest is killed and reaped

    // A process whose leader exited while a thread lives on: the leader's
    // cgroup file says little, so every thread's cgroup is read, and that
    // cgroup's memory files.
    void zombieLeaderThreadCgroups()
    {
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(ready[0]);
            pthread_t th;
            auto sleeper = [](void *fd) -> void * {
                const char c = 'r';
                if (::write(int(reinterpret_cast<intptr_t>(fd)), &c, 1) != 1)
                    _exit(1);
                for (;;)
                    ::pause();
                return nullptr;
            };
            if (pthread_create(&th, nullptr, sleeper, reinterpret_cast<void *>(intptr_t(ready[1]))) != 0)
                _exit(1);
            ::syscall(SYS_exit, 0); // only the leader thread ends: a zombie leader
        }
        ::close(ready[1]);
        char c = 0;
        QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
        ::close(ready[0]);
        QVERIFY(pollUntil([child] {
            QFile f(QStringLiteral("/proc/%1/stat").arg(child));
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(") Z ");
        }, 10000));
        const CollectorResult r = collect();
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QVERIFY2(r.ok, qPrintable(r.error));
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const qint64 snap = lastSnapshot(r);
        BlockerEvidenceQuery q(cf->db());
        const QList<TaskCgroup> cgroups = q.taskCgroups(snap, child);
        QVERIFY(!cgroups.isEmpty());
        QVERIFY(std::all_of(cgroups.cbegin(), cgroups.cend(), [&](const TaskCgroup &c) { return c.pid == child && c.tid != 0; }));
        // The live thread's memory cgroup, as this test process sees its own.
        QFile own(QStringLiteral("/proc/self/cgroup"));
        QVERIFY(own.open(QIODevice::ReadOnly));
        QString memoryPath;
        int version = 0;
        for (const QByteArray &line : own.readAll().split('\n')) {
            const QList<QByteArray> p = line.split(':');
            if (p.size() >= 3 && p[1].split(',').contains("memory")) {
                memoryPath = QString::fromUtf8(p[2]);
                version = 1;
            } else if (p.size() >= 3 && p[0] == "0" && version == 0) {
                memoryPath = QString::fromUtf8(p[2]);
                version = 2;
            }
        }
        const bool inThread = std::any_of(cgroups.cbegin(), cgroups.cend(), [&](const TaskCgroup &c) { return c.path == memoryPath; });
        QVERIFY2(inThread, qPrintable(memoryPath));
        const QString dir = version == 1 ? QStringLiteral("/sys/fs/cgroup/memory") + memoryPath : QStringLiteral("/sys/fs/cgroup") + memoryPath;
        CASEBOOK_REQUIRE(memoryPath != QLatin1String("/") && QDir(dir).exists(),
                         QStringLiteral("this test running in a memory cgroup of its own (%1)").arg(dir));
        int found = 0;
        for (const CgroupMemory &m : SnapshotStore(cf->db()).cgroups(snap))
            if (m.path == memoryPath && m.version == version) {
                ++found;
                QVERIFY(m.usage > 0);
            }
        QCOMPARE(found, 1);
    }
};

QTEST_GUILESS_MAIN(BlockerEvidenceLiveTest)
#include "BlockerEvidenceLiveTest.moc"
