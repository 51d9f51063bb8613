#include "PollUntil.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "collectors/file/FileCollector.h"
#include "transport/TransportFactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <thread>

// A server that stalls in the middle of a pull (its session processes
// stopped with SIGSTOP: the TCP connection stays up, nothing answers) is cut
// after ServerAliveInterval x ServerAliveCountMax, naming that limit, and the
// file collection keeps what arrived as `incomplete`.
class PullStallTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SshdFixture m_sshd;
    QString m_bigFile;
    static constexpr qint64 kBigBytes = 96LL << 20;

    void stopSessions(int signal)
    {
        for (qint64 pid : m_sshd.sessionPids())
            ::kill(pid_t(pid), signal);
    }

    SshOptions options() const { return m_sshd.sshOptions(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_sshd.start(1, &error), qPrintable(error));
        // A short limit for the test: 1 s x 2 (the default is 15 s x 3).
        m_sshd.writeSshConfig(QStringLiteral("Host %1\n  ServerAliveInterval 1\n  ServerAliveCountMax 2\n").arg(m_sshd.alias()));
        m_bigFile = m_dir.filePath(QStringLiteral("big.bin"));
        QFile f(m_bigFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, 'x');
        for (qint64 i = 0; i < kBigBytes / block.size(); ++i)
            QCOMPARE(f.write(block), qint64(block.size()));
    }

    void cleanup()
    {
        stopSessions(SIGCONT);
    }

    void stalledPullIsCut()
    {
        auto t = TransportFactory::create(m_sshd.alias(), options());
        t->connect(CancelToken());
        PullRequest req;
        req.remotePath = m_bigFile;
        qint64 received = 0;
        bool stopped = false;
        QElapsedTimer clock;
        const PullResult r = t->pull(req, [&](QByteArrayView d) {
            received += d.size();
            if (!stopped) {
                stopped = true;
                stopSessions(SIGSTOP);
                clock.start();
            }
        }, CancelToken());
        QVERIFY(stopped);
        QVERIFY2(r.error.contains(QLatin1String("timed out after 2 s without an answer from the server "
                                                "(ServerAliveInterval 1 s x ServerAliveCountMax 2)")), qPrintable(r.error));
        QVERIFY(clock.elapsed() < 20000); // not the 300 s pull limit
        QCOMPARE(r.size, received);
        QVERIFY(r.size > 0 && r.size < kBigBytes);
        // The connection is gone: the next request fails at once.
        const RunResult after = t->run(RunRequest{QStringLiteral("true"), {}, 5000}, nullptr, CancelToken());
        QVERIFY(!after.error.isEmpty());
    }

    // casectl-level evidence: the collection keeps what arrived, incomplete,
    // with the stall as its error.
    void stalledFileCollectionIsIncomplete()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("stall.casebook"));
        CaseFile::create(casePath, QStringLiteral("stall"));
        auto cf = CaseFile::open(casePath);
        auto t = TransportFactory::create(m_sshd.alias(), options());
        t->connect(CancelToken());
        CollectionContext ctx;
        ctx.caseFile = cf.get();
        ctx.hostId = HostStore(cf->db()).ensure(m_sshd.alias());
        ctx.hostSpec = m_sshd.alias();
        // Stop the server once the first chunk is committed (seen from a
        // second connection to the case).
        std::atomic_bool done{false};
        std::thread staller([&] {
            auto reader = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
            pollUntil([&] { return done || reader->db().queryInt(QStringLiteral("SELECT count(*) FROM artifact_chunks")) > 0; }, 60000);
            stopSessions(SIGSTOP);
        });
        const CollectorResult r = FileCollector({m_bigFile}, kBigBytes * 2).collect(*t, ctx, CancelToken());
        done = true;
        staller.join();
        QVERIFY(!r.ok);
        const CollectionRecord c = CollectionStore(cf->db()).all().value(0);
        QCOMPARE(CollectionRecord::statusName(c.status), QStringLiteral("incomplete"));
        QVERIFY2(c.error.contains(QLatin1String("without an answer from the server")), qPrintable(c.error));
        const qint64 kept = cf->db().queryInt(QStringLiteral("SELECT size FROM artifacts WHERE kind = 'file'"));
        QVERIFY(kept > 0 && kept < kBigBytes);
    }
};

QTEST_GUILESS_MAIN(PullStallTest)
#include "PullStallTest.moc"
