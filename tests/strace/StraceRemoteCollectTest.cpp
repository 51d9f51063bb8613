// casectl collect --strace-pid/--strace-cmd end to end: over SSH to a real
// sshd on 127.0.0.1 (SshdFixture) and on 'local'; then casectl strace.
#include "SshdFixture.h"
#include "TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
            QSKIP("strace is not installed");
        QString error;
        if (!m_sshd.start(1, &error))
            QSKIP(qPrintable(QStringLiteral("cannot run sshd here: ") + error));
    }

    void overSshAttachToABlockedFlock()
    {
        const QString flock = QStandardPaths::findExecutable(QStringLiteral("flock"));
        if (flock.isEmpty())
            QSKIP("flock(1) is not installed");
        const QString lock = m_dir.filePath(QStringLiteral("lock"));
        QFile(lock).open(QIODevice::WriteOnly);
        QProcess holder, waiter;
        holder.start(flock, {QStringLiteral("-x"), lock, QStringLiteral("sleep"), QStringLiteral("120")});
        QVERIFY(holder.waitForStarted());
        QThread::msleep(300);
        waiter.start(flock, {QStringLiteral("-x"), lock, QStringLiteral("true")});
        QVERIFY(waiter.waitForStarted());
        const qint64 waiterPid = waiter.processId();
        QThread::msleep(300);

        const QString cs = m_dir.filePath(QStringLiteral("ssh.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cs, QStringLiteral("--title"), QStringLiteral("ssh")}).exitCode, 0);
        const CasectlResult r = casectl({QStringLiteral("collect"), cs, m_sshd.alias(0), QStringLiteral("--strace-pid"),
                                         QString::number(waiterPid), QStringLiteral("--duration"), QStringLiteral("3"),
                                         QStringLiteral("--json")});
        const bool stillWaiting = waiter.state() == QProcess::Running;
        holder.kill();
        waiter.kill();
        holder.waitForFinished();
        waiter.waitForFinished();
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QVERIFY(stillWaiting);

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
