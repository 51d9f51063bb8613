#include "CaseChecks.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "ThrowawayUser.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "collectors/file/FileCollector.h"
#include "collectors/procfs/KernelLogCollector.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "transport/BecomeCommand.h"
#include "transport/LocalTransport.h"
#include "transport/TransportFactory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

const QByteArray kPassword = "Pw-4-sudo-test-%s'\"$(x)";

QList<Finding> gapFindings(SqliteDatabase &db, qint64 collectionId)
{
    QList<Finding> out;
    for (const Finding &f : FindingStore(db).list(0, QStringLiteral("collection-gaps")))
        if (f.collectionId == collectionId)
            out.append(f);
    return out;
}

CollectionRecord only(const QList<CollectionRecord> &all, const QString &kind)
{
    for (const CollectionRecord &c : all)
        if (c.kind == kind)
            return c;
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}

// --sudo against the real sshd and the real sudo, as a throwaway non-root
// account: with NOPASSWD, with a password (asked once, sent on stdin, never
// kept), with a wrong one; and the same account without --sudo, whose
// collection is partial and says what it could not read.
class SudoCollectionTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SshdFixture m_sshd;
    ThrowawayUser m_nopasswd; // NOPASSWD: ALL
    ThrowawayUser m_withPassword; // ALL, password asked

    QString newCase(const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".casebook"));
        CaseFile::create(path, name);
        return path;
    }

    QStringList collectArgs(const QString &casePath, const QString &host) const
    {
        return QStringList{QStringLiteral("collect"), casePath, host} + m_sshd.casectlArgs()
            + QStringList{QStringLiteral("--procfs"), QStringLiteral("--interval"), QStringLiteral("0"), QStringLiteral("--kernel-log"),
                          QStringLiteral("--pull"), QStringLiteral("/etc/sudoers"), QStringLiteral("--json")};
    }

    SshOptions sshOptions() const { return m_sshd.sshOptions(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        CASEBOOK_REQUIRE(TestEnv::isRoot(), QStringLiteral("root (to create a throwaway account and a sudoers rule)"));
        CASEBOOK_REQUIRE(!TestEnv::tool("sudo").isEmpty(), QStringLiteral("sudo(8)"));
        CASEBOOK_REQUIRE(!TestEnv::tool("useradd").isEmpty(), QStringLiteral("useradd(8)"));
        CASEBOOK_REQUIRE(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0,
                         QStringLiteral("a test process without no_new_privs (bubblewrap sets it; tools/dev enters the build root "
                                        "with unshare + chroot as root)"));
        QString error;
        QVERIFY2(m_sshd.start(1, &error), qPrintable(error));
        QVERIFY2(m_nopasswd.create({}, &error), qPrintable(error));
        QVERIFY2(m_nopasswd.setSudoRule(QStringLiteral("%u ALL=(root) NOPASSWD: ALL"), &error), qPrintable(error));
        QVERIFY2(m_withPassword.create(QString::fromUtf8(kPassword), &error), qPrintable(error));
        QVERIFY2(m_withPassword.setSudoRule(QStringLiteral("%u ALL=(root) ALL"), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_sshd.stopAll();
        m_nopasswd.remove();
        m_withPassword.remove();
    }

    // casectl collect --sudo as a NOPASSWD account: full stacks, the kernel
    // log, fd tables and a root-only file; recorded as "sudo from USER".
    void nopasswdSudoCollectsEverything()
    {
        const QString casePath = newCase(QStringLiteral("nopasswd"));
        const QString host = m_sshd.hostSpecFor(m_nopasswd.name());
        const CasectlResult r = runCasectl(collectArgs(casePath, host) << QStringLiteral("--sudo"), 300000, m_sshd.environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        const QList<CollectionRecord> all = CollectionStore(db).all();
        QCOMPARE(all.size(), 3);
        for (const CollectionRecord &c : all) {
            QVERIFY2(c.status == CollectionRecord::Status::Complete, qPrintable(c.kind + QStringLiteral(": ") + c.error));
            QCOMPARE(c.user, m_nopasswd.name()); // the login account...
            const QJsonObject become = c.parameters.value(QStringLiteral("become")).toObject();
            QCOMPARE(become.value(QStringLiteral("method")).toString(), QStringLiteral("sudo")); // ...became root with sudo
            QCOMPARE(become.value(QStringLiteral("login_user")).toString(), m_nopasswd.name());
            QCOMPARE(become.value(QStringLiteral("as_user")).toString(), QStringLiteral("root"));
            QCOMPARE(become.value(QStringLiteral("password")).toString(), QStringLiteral("not needed"));
            QVERIFY(gapFindings(db, c.id).isEmpty());
        }
        const CollectionRecord procfs = only(all, QStringLiteral("procfs"));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'not-permitted'")), 0);
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'ok'")) > 0);
        // fd tables of root's processes (sshd) were read.
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE uid = 0 AND fd_total > 0")) > 0);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM collection_gaps WHERE reason = 'not-permitted'")), 0);
        QVERIFY(procfs.id > 0);
        const CollectionRecord klog = only(all, QStringLiteral("kernel-log"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT json_extract(parameters, '$.become.method') FROM collections WHERE kind = 'kernel-log'")),
                 QStringLiteral("sudo"));
        QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM kernel_log_lines")) > 0);
        QVERIFY(klog.id > 0);
        // /etc/sudoers is 0440 root: only root could pull it.
        QVERIFY(db.queryInt(QStringLiteral("SELECT size FROM artifacts WHERE kind = 'file' AND source_path = '/etc/sudoers'")) > 0);
        QVERIFY(!r.out.contains("\"error\""));
    }

    // The same account without --sudo: partial, with the finding that says
    // what is missing and to rerun with --sudo.
    void withoutSudoIsPartialAndSaysWhy()
    {
        const QString casePath = newCase(QStringLiteral("nosudo"));
        const QString host = m_sshd.hostSpecFor(m_nopasswd.name());
        const CasectlResult r = runCasectl(collectArgs(casePath, host), 300000, m_sshd.environment());
        QCOMPARE(r.exitCode, 1); // the root-only pull failed
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        const QList<CollectionRecord> all = CollectionStore(db).all();
        const CollectionRecord procfs = only(all, QStringLiteral("procfs"));
        QCOMPARE(CollectionRecord::statusName(procfs.status), QStringLiteral("partial"));
        QVERIFY(!procfs.parameters.contains(QStringLiteral("become")));
        const qint64 stacks = db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'not-permitted'"));
        QVERIFY(stacks > 0);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'ok'")), 0);
        const qint64 fdTables = db.queryInt(QStringLiteral(
            "SELECT max(count) FROM collection_gaps WHERE what = 'fd-table' AND reason = 'not-permitted' AND collection_id = %1").arg(procfs.id));
        QVERIFY(fdTables > 0);
        const QList<Finding> procfsGaps = gapFindings(db, procfs.id);
        QCOMPARE(procfsGaps.size(), 1);
        const QString user = m_nopasswd.name();
        QVERIFY2(procfsGaps[0].title.startsWith(QStringLiteral("collected as %1 without root: %2 kernel stacks").arg(user).arg(stacks)),
                 qPrintable(procfsGaps[0].title));
        QVERIFY2(procfsGaps[0].title.contains(QStringLiteral("%1 fd tables").arg(fdTables)), qPrintable(procfsGaps[0].title));
        QVERIFY2(procfsGaps[0].title.endsWith(QLatin1String(" unreadable; rerun with --sudo")), qPrintable(procfsGaps[0].title));

        const CollectionRecord klog = only(all, QStringLiteral("kernel-log"));
        QCOMPARE(CollectionRecord::statusName(klog.status), QStringLiteral("partial"));
        const QList<Finding> klogGaps = gapFindings(db, klog.id);
        QCOMPARE(klogGaps.size(), 1);
        QCOMPARE(klogGaps[0].title, QStringLiteral("collected as %1 without root: the kernel log unreadable; rerun with --sudo").arg(user));

        const CollectionRecord file = only(all, QStringLiteral("file"));
        QCOMPARE(CollectionRecord::statusName(file.status), QStringLiteral("failed"));
        QVERIFY2(file.error.contains(QLatin1String("ermission denied")), qPrintable(file.error));
    }

    // A hosts file can ask for sudo per host ("become=sudo"), without --sudo.
    void hostsFileBecomePerHost()
    {
        const QString casePath = newCase(QStringLiteral("hostsfile"));
        const QString hostsFile = m_dir.filePath(QStringLiteral("hosts"));
        QFile f(hostsFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((m_sshd.hostSpecFor(m_nopasswd.name()) + QStringLiteral(" become=sudo  # a NOPASSWD account\n")).toUtf8());
        f.close();
        const CasectlResult r = runCasectl(QStringList{QStringLiteral("collect"), casePath, QStringLiteral("--hosts-file"), hostsFile}
                                               + m_sshd.casectlArgs() + QStringList{QStringLiteral("--kernel-log")},
                                           120000, m_sshd.environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        const CollectionRecord klog = only(CollectionStore(cf->db()).all(), QStringLiteral("kernel-log"));
        QVERIFY2(klog.status == CollectionRecord::Status::Complete, qPrintable(klog.error));
        QCOMPARE(klog.parameters.value(QStringLiteral("become")).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("sudo"));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write((m_sshd.hostSpecFor(m_nopasswd.name()) + QStringLiteral(" become=su\n")).toUtf8());
        f.close();
        const CasectlResult bad = runCasectl(QStringList{QStringLiteral("collect"), casePath, QStringLiteral("--hosts-file"), hostsFile}
                                                 + m_sshd.casectlArgs() + QStringList{QStringLiteral("--kernel-log")},
                                             60000, m_sshd.environment());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("become= takes sudo, doas or none"), bad.err.constData());
    }

    // A password-protected account: the password is asked once for the
    // host, every collector runs as root, and the password is nowhere in
    // the case or the server's log.
    void passwordAskedOnceAndNeverKept()
    {
        const QString casePath = newCase(QStringLiteral("password"));
        const QString host = m_sshd.hostSpecFor(m_withPassword.name());
        SshOptions so = sshOptions();
        so.become.method = BecomeOptions::Method::Sudo;
        std::atomic_int asked{0};
        so.secretPrompt = [&](const SecretQuestion &q) -> std::optional<QByteArray> {
            ++asked;
            if (q.kind != SecretQuestion::Kind::BecomePassword)
                return std::nullopt;
            return kPassword;
        };
        {
            auto cf = CaseFile::open(casePath);
            auto t = TransportFactory::create(host, so);
            t->connect(CancelToken());
            QCOMPARE(asked.load(), 1);
            QCOMPARE(t->become().asUser, QStringLiteral("root"));
            CollectionContext ctx;
            ctx.caseFile = cf.get();
            ctx.hostId = HostStore(cf->db()).ensure(host);
            ctx.hostSpec = host;
            ProcfsCollector::Options o;
            o.intervalS = 0;
            const CollectorResult p = ProcfsCollector(o).collect(*t, ctx, CancelToken());
            QVERIFY2(p.ok, qPrintable(p.error));
            const CollectorResult k = KernelLogCollector().collect(*t, ctx, CancelToken());
            QVERIFY2(k.ok, qPrintable(k.error));
            const CollectorResult file = FileCollector({QStringLiteral("/etc/sudoers")}, 1 << 20).collect(*t, ctx, CancelToken());
            QVERIFY2(file.ok, qPrintable(file.error));
            QCOMPARE(asked.load(), 1); // once per host, not per command
            SqliteDatabase &db = cf->db();
            for (const CollectionRecord &c : CollectionStore(db).all()) {
                QVERIFY2(c.status == CollectionRecord::Status::Complete, qPrintable(c.kind + QStringLiteral(": ") + c.error));
                QCOMPARE(c.parameters.value(QStringLiteral("become")).toObject().value(QStringLiteral("password")).toString(),
                         QStringLiteral("asked"));
            }
            QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'not-permitted'")), 0);
            QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM procfs_tasks WHERE stack_status = 'ok'")) > 0);
            QVERIFY(db.queryInt(QStringLiteral("SELECT count(*) FROM kernel_log_lines")) > 0);
        }
        // Not in the case (any table, any chunk), not in sshd's log.
        const QByteArray caseBytes = readAll(casePath) + readAll(casePath + QStringLiteral("-wal"));
        QVERIFY(!caseBytes.isEmpty());
        QVERIFY(!caseBytes.contains(kPassword));
        QVERIFY(!readAll(m_sshd.logPath()).contains(kPassword));
    }

    void wrongPasswordIsAClearError()
    {
        SshOptions so = sshOptions();
        so.become.method = BecomeOptions::Method::Sudo;
        int asked = 0;
        so.secretPrompt = [&](const SecretQuestion &) -> std::optional<QByteArray> {
            ++asked;
            return QByteArray("not-the-password");
        };
        const QString host = m_sshd.hostSpecFor(m_withPassword.name());
        auto t = TransportFactory::create(host, so);
        QString message;
        try {
            t->connect(CancelToken());
        } catch (const TransportError &e) {
            message = e.message();
            QCOMPARE(e.kind(), TransportError::Kind::Auth);
        }
        QCOMPARE(message, QStringLiteral("sudo on %1: incorrect password").arg(host));
        QCOMPARE(asked, 1);
    }

    // casectl with no terminal to ask on: a clear refusal, not a hang.
    void casectlWithoutTerminalRefuses()
    {
        const QString casePath = newCase(QStringLiteral("notty"));
        const QString host = m_sshd.hostSpecFor(m_withPassword.name());
        // setsid: no controlling terminal, even when ctest runs on one.
        QProcess p;
        p.setProcessEnvironment(m_sshd.environment());
        p.start(TestEnv::tool("setsid"), QStringList{QStringLiteral("-w"), TestEnv::casectlPath(), QStringLiteral("collect"), casePath, host}
                                             + m_sshd.casectlArgs() + QStringList{QStringLiteral("--kernel-log"), QStringLiteral("--sudo")});
        QVERIFY(p.waitForStarted());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        CasectlResult r;
        r.exitCode = p.exitCode();
        r.err = p.readAllStandardError();
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("sudo on %1: a password is required").arg(host).toUtf8()), r.err.constData());
    }

    // When sudo does not read the password line (root, or a cached
    // timestamp), the wrapper skips it: the command sees exactly its own
    // stdin, and the password reaches no shell and no output.
    void unreadPasswordLineNeverReachesTheCommand()
    {
        LocalTransport local;
        const QString token = QStringLiteral("casebook-become-test-token");
        RunRequest req;
        req.command = BecomeCommand::wrapWithPassword(QStringLiteral("cat; id -un"), token);
        req.stdinData = BecomeCommand::inputWithPassword(kPassword, token, "payload\nline 2 with no newline");
        req.timeoutMs = 30000;
        const RunResult r = local.run(req, nullptr, CancelToken());
        QVERIFY2(r.ok(), r.stderrData.constData());
        QCOMPARE(r.stdoutData, QByteArray("payload\nline 2 with no newlineroot\n"));
        QVERIFY(!r.stderrData.contains(kPassword));

        // No framing line: refused, not run with the wrong input.
        req.stdinData = kPassword + "\nsomething else\n";
        const RunResult lost = local.run(req, nullptr, CancelToken());
        QCOMPARE(lost.exitCode, BecomeCommand::kFramingLostExit);
        QVERIFY(lost.stdoutData.isEmpty());
        QVERIFY(lost.stderrData.contains("the input framing line never came"));
    }

    void doasMissingIsAClearError()
    {
        CASEBOOK_REQUIRE(TestEnv::tool("doas").isEmpty(), QStringLiteral("a host without doas (this checks the refusal)"));
        const QString casePath = newCase(QStringLiteral("doas"));
        const QString host = m_sshd.hostSpecFor(m_nopasswd.name());
        const CasectlResult r = runCasectl(QStringList{QStringLiteral("collect"), casePath, host} + m_sshd.casectlArgs()
                                               + QStringList{QStringLiteral("--kernel-log"), QStringLiteral("--become-method"), QStringLiteral("doas")},
                                           60000, m_sshd.environment());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("doas on %1: doas is not installed there").arg(host).toUtf8()), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(SudoCollectionTest)
#include "SudoCollectionTest.moc"
