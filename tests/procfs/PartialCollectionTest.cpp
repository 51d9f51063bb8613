#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionGapStore.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "collectors/procfs/KernelLogCollector.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "procfs/TaskQuery.h"
#include "transport/LocalTransport.h"
#include "transport/TransportFactory.h"
#include "util/OperatorIdentity.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

namespace {

// A host that answers with whatever the test sets, the way a transport reports it.
class ScriptedTransport : public Transport
{
public:
    QByteArray out;
    RunResult result;
    QString hostSpec() const override { return QStringLiteral("slow-host"); }
    void connect(const CancelToken &) override {}
    RunResult run(const RunRequest &, const OutputSink *sink, const CancelToken &) override
    {
        if (sink && sink->onStdout && !out.isEmpty())
            sink->onStdout(out);
        return result;
    }
    PullResult pull(const PullRequest &, const std::function<void(QByteArrayView)> &, const CancelToken &) override
    {
        return {};
    }
};

qint64 gapCount(SqliteDatabase &db, qint64 collectionId, const QString &what, const QString &reason)
{
    qint64 n = 0;
    for (const CollectionGap &g : CollectionGapStore(db).forCollection(collectionId))
        if (g.what == what && g.reason == reason)
            n += g.count;
    return n;
}

QList<Finding> findingsOf(SqliteDatabase &db, qint64 collectionId, const QString &kind)
{
    QList<Finding> out;
    for (const Finding &f : FindingStore(db).list(0, kind))
        if (f.collectionId == collectionId)
            out.append(f);
    return out;
}

QString passwdName(uid_t uid)
{
    const passwd *pw = getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

}

// Collections that could not read everything say so: status partial, gaps
// counted per reason, a finding naming what is missing and how to get it.
class PartialCollectionTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    CollectionContext context(CaseFile &cf, const QString &host)
    {
        CollectionContext ctx;
        ctx.caseFile = &cf;
        ctx.hostId = HostStore(cf.db()).ensure(host);
        ctx.hostSpec = host;
        return ctx;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        QVERIFY2(geteuid() == 0, "runs as root in the build root (tools/dev), to collect both as root and as nobody");
    }

    // casectl run as nobody against local: every kernel stack is denied (its
    // own process's stack fails on read, the others on open), yet no task
    // after an unreadable file is taken for an empty one.
    void unprivilegedCollectionIsPartial()
    {
        // nobody cannot enter the build tree: a copy of casectl and the case
        // in a directory it may use.
        const QString dir = m_dir.filePath(QStringLiteral("nobody"));
        QVERIFY(QDir().mkpath(dir));
        const QString casectl = dir + QStringLiteral("/casectl");
        QVERIFY(QFile::copy(TestEnv::casectlPath(), casectl));
        const QString casePath = dir + QStringLiteral("/nobody.casebook");
        CaseFile::create(casePath, QStringLiteral("as nobody"));
        for (const QString &p : {m_dir.path(), dir, casectl, casePath})
            QVERIFY(QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                                 | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
        QCOMPARE(chown(dir.toLocal8Bit().constData(), 65534, 65534), 0);
        QCOMPARE(chown(casePath.toLocal8Bit().constData(), 65534, 65534), 0);

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir);
        env.insert(QStringLiteral("USER"), QStringLiteral("not-the-operator"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                            casectl, QStringLiteral("collect"), casePath, QStringLiteral("local"),
                                            QStringLiteral("--procfs"), QStringLiteral("--kernel-log"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        const qint64 casectlPid = p.processId(); // setpriv execs casectl
        QVERIFY(p.waitForFinished(300000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
        const QString nobody = passwdName(65534);
        QVERIFY(!nobody.isEmpty());

        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        const QList<CollectionRecord> cols = CollectionStore(db).all();
        QCOMPARE(cols.size(), 2);
        const CollectionRecord &procfs = cols[0].kind == QLatin1String("procfs") ? cols[0] : cols[1];
        const CollectionRecord &klog = cols[0].kind == QLatin1String("procfs") ? cols[1] : cols[0];
        QCOMPARE(procfs.kind, QStringLiteral("procfs"));
        QCOMPARE(klog.kind, QStringLiteral("kernel-log"));
        // Attribution: the password database's name, not $USER; the account it ran as.
        QCOMPARE(procfs.operatorName, nobody + QLatin1Char('@') + QSysInfo::machineHostName());
        QCOMPARE(procfs.user, nobody);

        QCOMPARE(CollectionRecord::statusName(procfs.status), QStringLiteral("partial"));
        const qint64 stacksDenied = gapCount(db, procfs.id, QStringLiteral("kernel-stack"), QStringLiteral("not-permitted"));
        QVERIFY(stacksDenied > 0);
        const QList<Finding> gaps = findingsOf(db, procfs.id, QStringLiteral("collection-gaps"));
        QCOMPARE(gaps.size(), 1);
        QVERIFY2(gaps[0].title.startsWith(QStringLiteral("collected as %1 without root: %2 kernel stacks").arg(nobody).arg(stacksDenied)),
                 qPrintable(gaps[0].title));
        QVERIFY2(gaps[0].title.endsWith(QLatin1String("; rerun with --sudo")), qPrintable(gaps[0].title));
        QVERIFY(procfs.error.contains(gaps[0].title));

        const qint64 snapshot = db.queryInt(QStringLiteral("SELECT id FROM procfs_snapshots WHERE collection_id = %1").arg(procfs.id));
        const QList<ProcTask> tasks = TaskQuery(db).snapshot(snapshot).run();
        QVERIFY(tasks.size() > 3);
        int empty = 0, ok = 0, denied = 0;
        bool sawCasectl = false;
        for (const ProcTask &t : tasks) {
            empty += t.stackStatus == QLatin1String("empty");
            ok += t.stackStatus == QLatin1String("ok");
            denied += t.stackStatus == QLatin1String("not-permitted");
            if (t.tid == casectlPid) {
                // Its own stack fails on read(); what follows was still read.
                sawCasectl = true;
                QCOMPARE(t.stackStatus, QStringLiteral("not-permitted"));
                QVERIFY(!t.statusState.isEmpty());
                QVERIFY(t.cmdline.contains(QLatin1String("collect")));
            }
        }
        QVERIFY(sawCasectl);
        QCOMPARE(empty, 0);
        QCOMPARE(ok, 0);
        QCOMPARE(qint64(denied), stacksDenied);
        // Stack grouping leaves them out rather than inventing a stack.
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM findings WHERE title LIKE '%no-stack%'")), 0);

        // The kernel log: dmesg denied by kernel.dmesg_restrict, the journal
        // shows nobody no kernel message.
        QCOMPARE(CollectionRecord::statusName(klog.status), QStringLiteral("partial"));
        QCOMPARE(gapCount(db, klog.id, QStringLiteral("kernel-log"), QStringLiteral("not-permitted")), 1);
        const QList<Finding> klogGaps = findingsOf(db, klog.id, QStringLiteral("collection-gaps"));
        QCOMPARE(klogGaps.size(), 1);
        QCOMPARE(klogGaps[0].title, QStringLiteral("collected as %1 without root: the kernel log unreadable; rerun with --sudo").arg(nobody));

        // casectl's own report of it.
        const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonObject host = out.value(QStringLiteral("hosts")).toArray().at(0).toObject();
        QVERIFY2(QJsonDocument(host).toJson().contains("\"status\": \"partial\""), QJsonDocument(host).toJson().constData());
    }

    void rootCollectionIsComplete()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("root.casebook"));
        CaseFile::create(casePath, QStringLiteral("as root"));
        auto cf = CaseFile::open(casePath);
        LocalTransport local;
        CollectionContext ctx = context(*cf, QStringLiteral("local"));
        ProcfsCollector::Options o;
        o.samples = 1;
        o.intervalS = 0;
        const CollectorResult r = ProcfsCollector(o).collect(local, ctx, CancelToken());
        QVERIFY2(r.ok, qPrintable(r.error));
        const CollectionRecord c = *CollectionStore(cf->db()).byId(r.collectionIds.value(0));
        QVERIFY2(c.status == CollectionRecord::Status::Complete, qPrintable(c.error));
        QCOMPARE(c.user, QStringLiteral("root"));
        QVERIFY(findingsOf(cf->db(), c.id, QStringLiteral("collection-gaps")).isEmpty());
        QCOMPARE(gapCount(cf->db(), c.id, QStringLiteral("kernel-stack"), QStringLiteral("not-permitted")), 0);
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'ok'")) > 0);

        const CollectorResult k = KernelLogCollector().collect(local, ctx, CancelToken());
        QVERIFY2(k.ok, qPrintable(k.error));
        const CollectionRecord kc = *CollectionStore(cf->db()).byId(k.collectionIds.value(0));
        QVERIFY2(kc.status == CollectionRecord::Status::Complete, qPrintable(kc.error));
        QCOMPARE(k.summary.value(QStringLiteral("source")).toString(), QStringLiteral("dmesg"));
    }

    void timeoutNamesItself()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("timeout.casebook"));
        CaseFile::create(casePath, QStringLiteral("timeout"));
        auto cf = CaseFile::open(casePath);
        ScriptedTransport host;
        host.result.timedOut = true;
        host.result.exitSignal = QStringLiteral("KILL");
        CollectionContext ctx = context(*cf, host.hostSpec());
        const CollectorResult r = ProcfsCollector(ProcfsCollector::Options{}).collect(host, ctx, CancelToken());
        QVERIFY(!r.ok);
        // 1 sample x (2 s interval + 6 x 20 s steps) + 60 s.
        QCOMPARE(r.error, QStringLiteral("procfs on slow-host: timed out after 182 s waiting for slow-host's procfs output"));
        const CollectionRecord c = *CollectionStore(cf->db()).byId(r.collectionIds.value(0));
        QCOMPARE(c.status, CollectionRecord::Status::Failed);
        QCOMPARE(c.error, QStringLiteral("timed out after 182 s waiting for slow-host's procfs output"));
    }

    void cutOutputIsSaid()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("cut.casebook"));
        CaseFile::create(casePath, QStringLiteral("cut"));
        auto cf = CaseFile::open(casePath);
        ScriptedTransport host;
        QFile fixture(TestEnv::dataDir() + QStringLiteral("/procfs/seed000.snapshot"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        host.out = fixture.readAll();
        host.out.chop(host.out.size() / 3); // what arrived before the cap
        host.result.stdoutTruncated = true;
        host.result.exitSignal = QStringLiteral("PIPE");
        CollectionContext ctx = context(*cf, host.hostSpec());
        const CollectorResult r = ProcfsCollector(ProcfsCollector::Options{}).collect(host, ctx, CancelToken());
        const CollectionRecord c = *CollectionStore(cf->db()).byId(r.collectionIds.value(0));
        QCOMPARE(c.status, CollectionRecord::Status::Incomplete);
        QVERIFY2(c.error.contains(QLatin1String("output cut at 512 MiB")), qPrintable(c.error));
        QCOMPARE(gapCount(cf->db(), c.id, QStringLiteral("output"), QStringLiteral("cut")), 1);
        QCOMPARE(CollectionGapStore(cf->db()).forCollection(c.id).last().detail, QStringLiteral("cut at 512 MiB"));
    }

    // Over the real sshd: the host's and the collection's endpoint are the
    // resolved address, port and login user; the operator is the local account.
    void sshCollectionRecordsEndpointAndOperator()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(1, &error), qPrintable(error));
        const QString casePath = m_dir.filePath(QStringLiteral("ssh.casebook"));
        CaseFile::create(casePath, QStringLiteral("ssh"));
        qputenv("USER", "not-the-operator");
        auto cf = CaseFile::open(casePath);
        const QString spec = sshd.alias();
        auto t = TransportFactory::create(spec, sshd.sshOptions());
        t->connect(CancelToken());
        CollectionContext ctx = context(*cf, spec);
        ProcfsCollector::Options o;
        o.intervalS = 0;
        const CollectorResult r = ProcfsCollector(o).collect(*t, ctx, CancelToken());
        QVERIFY2(r.ok, qPrintable(r.error));
        const HostRecord h = *HostStore(cf->db()).byId(ctx.hostId);
        QCOMPARE(h.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(h.port, sshd.port());
        QCOMPARE(h.user, sshd.userName());
        QCOMPARE(h.hostkeySha256, sshd.hostKeyFingerprint());
        const CollectionRecord c = *CollectionStore(cf->db()).byId(r.collectionIds.value(0));
        QCOMPARE(c.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(c.port, sshd.port());
        QCOMPARE(c.user, sshd.userName());
        QCOMPARE(c.hostkeyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(c.hostkeySha256, sshd.hostKeyFingerprint());
        QCOMPARE(c.operatorName, passwdName(geteuid()) + QLatin1Char('@') + QSysInfo::machineHostName());

        // A display name, when configured, goes in front of the account.
        qputenv("CASEBOOK_OPERATOR_NAME", "Jane <Doe>\n");
        QCOMPARE(OperatorIdentity::current(), QStringLiteral("Jane Doe <%1@%2>").arg(passwdName(geteuid()), QSysInfo::machineHostName()));
        const OperatorIdentity::Parts parts = OperatorIdentity::parse(OperatorIdentity::current());
        QCOMPARE(parts.displayName, QStringLiteral("Jane Doe"));
        QCOMPARE(parts.account, passwdName(geteuid()));
        qunsetenv("CASEBOOK_OPERATOR_NAME");
    }
};

QTEST_GUILESS_MAIN(PartialCollectionTest)
#include "PartialCollectionTest.moc"
