// casectl collect --strace-pid/--strace-cmd end to end: over SSH to a real
// sshd on 127.0.0.1 (SshdFixture) and on 'local'; then casectl strace.
#include "BlockedFlock.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class StraceRemoteCollectTest : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;
    QTemporaryDir m_dir;

    CasectlResult casectl(const QStringList &args) { return runCasectl(args + m_sshd.casectlArgs(), 180000, m_sshd.environment()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        CASEBOOK_REQUIRE_TOOL("strace");
        QString error;
        CASEBOOK_REQUIRE(m_sshd.start(1, &error), QStringLiteral("a loopback sshd: ") + error);
    }

    void overSshAttachToABlockedFlock()
    {
        const QString lock = m_dir.filePath(QStringLiteral("lock"));
        BlockedFlock flock(lock);
        QString error;
        QVERIFY2(flock.start(&error), qPrintable(error));
        const qint64 waiterPid = flock.waiterPid();

        const QString cs = m_dir.filePath(QStringLiteral("ssh.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("ssh")}).exitCode, 0);
        const CasectlResult r = casectl({QStringLiteral("collect"), cs, m_sshd.alias(0), QStringLiteral("--strace-pid"),
                                         QString::number(waiterPid), QStringLiteral("--duration"), QStringLiteral("3"),
                                         QStringLiteral("--json")});
        const bool stillWaiting = flock.waiterBlocked();
        flock.release();
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QVERIFY(stillWaiting);
        // Stopped by the script itself (not cut off by a timeout), detaching cleanly.
        QVERIFY2(r.out.contains("\"stopped_by\": \"duration\""), r.out.constData());

        const CasectlResult h = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--hung"), QStringLiteral("--json")});
        QCOMPARE(h.exitCode, 0);
        const QJsonArray hung = QJsonDocument::fromJson(h.out).array();
        QCOMPARE(hung.size(), 1);
        const QJsonObject c = hung.first().toObject();
        QCOMPARE(c[QStringLiteral("syscall")].toString(), QStringLiteral("flock"));
        QCOMPARE(c[QStringLiteral("fd_path")].toString(), lock);
        QCOMPARE(c[QStringLiteral("unfinished_reason")].toString(), QStringLiteral("detached"));
        QCOMPARE(qint64(c[QStringLiteral("pid")].toDouble()), waiterPid);
        QCOMPARE(c[QStringLiteral("host")].toString(), m_sshd.alias(0));
        QVERIFY(c[QStringLiteral("duration_us")].toDouble() >= 1.5e6);
    }

    void localCommandAndMissingProcess()
    {
        const QString cs = m_dir.filePath(QStringLiteral("local.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("local")}).exitCode, 0);
        CasectlResult r = casectl({QStringLiteral("collect"), cs, QStringLiteral("local"), QStringLiteral("--strace-cmd"),
                                   QStringLiteral("cat /nonexistent-casebook-remote 2>/dev/null; true")});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        r = runCasectl({QStringLiteral("strace"), cs, QStringLiteral("--grep"), QStringLiteral("/nonexistent-casebook-remote")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("ENOENT"));
        r = casectl({QStringLiteral("collect"), cs, QStringLiteral("local"), QStringLiteral("--strace-pid"), QStringLiteral("2147483600"),
                     QStringLiteral("--duration"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no such process"), r.err.constData());
        r = casectl({QStringLiteral("collect"), cs, QStringLiteral("local"), QStringLiteral("--strace-pid"), QStringLiteral("12;reboot")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(StraceRemoteCollectTest)
#include "StraceRemoteCollectTest.moc"
