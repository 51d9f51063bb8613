#include "transport/LocalTransport.h"
#include "transport/TransportFactory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// LocalTransport against real processes and files.
class LocalTransportTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    LocalTransport m_local;

    static QString sha256sum(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("sha256sum"), {path});
        p.waitForFinished();
        return QString::fromLatin1(p.readAllStandardOutput().left(64));
    }

private slots:
    void factory()
    {
        QCOMPARE(TransportFactory::create(QStringLiteral("local"))->hostSpec(), QStringLiteral("local"));
        QCOMPARE(TransportFactory::create(QStringLiteral("root@db1:2222"))->hostSpec(), QStringLiteral("root@db1:2222"));
    }

    void exitCodeAndStderr()
    {
        RunRequest req;
        req.command = QStringLiteral("echo out; echo 'it failed' >&2; exit 3");
        const RunResult r = m_local.run(req, nullptr, {});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.stdoutData, QByteArray("out\n"));
        QCOMPARE(r.stderrData, QByteArray("it failed\n"));
        QVERIFY(!r.ok());
    }

    void stdinIsDelivered()
    {
        RunRequest req;
        req.command = QStringLiteral("tr a-z A-Z");
        req.stdinData = QByteArray(300000, 'x');
        const RunResult r = m_local.run(req, nullptr, {});
        QVERIFY(r.ok());
        QCOMPARE(r.stdoutData, QByteArray(300000, 'X'));
    }

    void killedBySignal()
    {
        RunRequest req;
        req.command = QStringLiteral("kill -TERM $$");
        const RunResult r = m_local.run(req, nullptr, {});
        QCOMPARE(r.exitSignal, QStringLiteral("TERM"));
        QVERIFY(!r.ok());
    }

    void streamsHundredMegabytes()
    {
        RunRequest req;
        req.command = QStringLiteral("head -c 104857600 /dev/zero; echo done >&2");
        req.maxOutputBytes = 0;
        qint64 got = 0;
        bool allZero = true;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView d) {
            got += d.size();
            allZero = allZero && !d.contains('\1');
        };
        QByteArray err;
        sink.onStderr = [&](QByteArrayView d) { err.append(d); };
        const RunResult r = m_local.run(req, &sink, {});
        QVERIFY(r.ok());
        QCOMPARE(got, qint64(104857600));
        QVERIFY(allZero);
        QCOMPARE(err, QByteArray("done\n"));
        QVERIFY(r.stdoutData.isEmpty());
    }

    void outputCapFlagsTruncation()
    {
        RunRequest req;
        req.command = QStringLiteral("head -c 1000000 /dev/zero");
        req.maxOutputBytes = 1000;
        const RunResult r = m_local.run(req, nullptr, {});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.stdoutData.size(), 1000);
        QVERIFY(r.stdoutTruncated);
    }

    void hangStoppedByTimeout()
    {
        RunRequest req;
        req.command = QStringLiteral("sleep 600 & sleep 600; echo never");
        req.timeoutMs = 500;
        const RunResult r = m_local.run(req, nullptr, {});
        QVERIFY(r.timedOut);
        QVERIFY(!r.ok());
        QVERIFY(r.stdoutData.isEmpty());
    }

    void cancelStopsCommand()
    {
        RunRequest req;
        req.command = QStringLiteral("echo started; exec sleep 600");
        req.timeoutMs = 0;
        CancelToken cancel;
        // Cancelled once the command is running: it has written its first line.
        OutputSink sink;
        sink.onStdout = [cancel](QByteArrayView) { cancel.cancel(); };
        const RunResult r = m_local.run(req, &sink, cancel);
        QVERIFY(cancel.isCancelled());
        QVERIFY(r.cancelled);
        QCOMPARE(r.exitSignal, QStringLiteral("KILL"));
    }

    void pullHashEqualsSha256sum()
    {
        const QString path = m_dir.filePath(QStringLiteral("evidence.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            f.write(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha512).repeated(16));
        f.close();
        PullRequest req;
        req.remotePath = path;
        QByteArray data;
        const PullResult r = m_local.pull(req, [&](QByteArrayView d) { data.append(d); }, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.size, f.size());
        QCOMPARE(r.sha256, sha256sum(path));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()), r.sha256);
    }

    void pullProcFileWithZeroSize()
    {
        PullRequest req;
        req.remotePath = QStringLiteral("/proc/self/status");
        QByteArray data;
        const PullResult r = m_local.pull(req, [&](QByteArrayView d) { data.append(d); }, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(data.contains("State:"));
    }

    void pullTruncatesAtCap()
    {
        PullRequest req;
        req.remotePath = QStringLiteral("/proc/self/maps");
        req.maxBytes = 10;
        const PullResult r = m_local.pull(req, {}, {});
        QVERIFY(r.ok());
        QVERIFY(r.truncated);
        QCOMPARE(r.size, qint64(10));
    }

    void pullRefusesNonRegularFiles()
    {
        PullRequest req;
        req.remotePath = m_dir.path();
        PullResult r = m_local.pull(req, {}, {});
        QVERIFY(r.error.contains(QLatin1String("directory")));
        req.remotePath = QStringLiteral("/dev/zero");
        r = m_local.pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("character device")), qPrintable(r.error));
        const QString fifo = m_dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
        req.remotePath = fifo;
        r = m_local.pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("FIFO")), qPrintable(r.error));
        req.remotePath = m_dir.filePath(QStringLiteral("missing"));
        r = m_local.pull(req, {}, {});
        QVERIFY(r.error.contains(QLatin1String("No such file")));
    }

    void pullRefusesSymlinkEscape()
    {
        const QString root = m_dir.filePath(QStringLiteral("root"));
        QVERIFY(QDir().mkpath(root));
        QFile inside(root + QStringLiteral("/inside.txt"));
        QVERIFY(inside.open(QIODevice::WriteOnly));
        inside.write("ok\n");
        inside.close();
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), root + QStringLiteral("/escape")));
        QVERIFY(QFile::link(root + QStringLiteral("/inside.txt"), root + QStringLiteral("/fine")));
        PullRequest req;
        req.confineTo = root;
        req.remotePath = root + QStringLiteral("/escape");
        PullResult r = m_local.pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("symlink escape")), qPrintable(r.error));
        req.remotePath = root + QStringLiteral("/fine");
        r = m_local.pull(req, {}, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.size, qint64(3));
        req.followSymlinks = false;
        r = m_local.pull(req, {}, {});
        QVERIFY(r.error.contains(QLatin1String("symbolic link")));
    }
};

QTEST_GUILESS_MAIN(LocalTransportTest)
#include "LocalTransportTest.moc"
