#include "Requirement.h"
#include "SshdFixture.h"
#include "transport/SshTransport.h"
#include "transport/TransportFactory.h"
#include "trust/KnownHosts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// SshTransport against real OpenSSH servers (SshdFixture).
class SshTransportTest : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;
    QTemporaryDir m_dir;

    SshOptions options() const
    {
        SshOptions o;
        o.configFile = m_sshd.sshConfigPath();
        o.knownHostsFile = m_sshd.knownHostsPath();
        o.globalKnownHostsFile = m_dir.filePath(QStringLiteral("no-global-known-hosts"));
        return o;
    }

    std::unique_ptr<Transport> connected(int instance = 0)
    {
        auto t = TransportFactory::create(m_sshd.alias(instance), options());
        t->connect({});
        return t;
    }

    static QString sha256sum(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("sha256sum"), {path});
        p.waitForFinished();
        return QString::fromLatin1(p.readAllStandardOutput().left(64));
    }

    void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

private slots:
    void initTestCase()
    {
        qunsetenv("SSH_AUTH_SOCK");
        QString error;
        CASEBOOK_REQUIRE(m_sshd.start(2, &error), QStringLiteral("a loopback sshd: ") + error);
    }

    void commandExitCodeAndStderr()
    {
        auto t = connected();
        QCOMPARE(t->hostKey().type, QStringLiteral("ssh-ed25519"));
        QCOMPARE(t->hostKey().sha256, m_sshd.hostKeyFingerprint());
        RunRequest req;
        req.command = QStringLiteral("echo out; echo 'lockd: server not responding' >&2; exit 7");
        const RunResult r = t->run(req, nullptr, {});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.exitCode, 7);
        QCOMPARE(r.stdoutData, QByteArray("out\n"));
        QCOMPARE(r.stderrData, QByteArray("lockd: server not responding\n"));
        // The session is reusable, stdin reaches the command.
        req.command = QStringLiteral("wc -c");
        req.stdinData = QByteArray(200000, 'x');
        const RunResult again = t->run(req, nullptr, {});
        QVERIFY(again.ok());
        QCOMPARE(again.stdoutData.trimmed(), QByteArray("200000"));
    }

    void hostSpecWithUserAndPort()
    {
        auto t = TransportFactory::create(m_sshd.hostSpec(1), options());
        t->connect({});
        RunRequest req;
        req.command = QStringLiteral("echo $SSH_CONNECTION");
        const RunResult r = t->run(req, nullptr, {});
        QVERIFY(r.ok());
        QVERIFY(r.stdoutData.trimmed().endsWith(QByteArray::number(m_sshd.port(1))));
    }

    void exitSignalReported()
    {
        auto t = connected();
        RunRequest req;
        req.command = QStringLiteral("kill -TERM $$");
        const RunResult r = t->run(req, nullptr, {});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.exitSignal, QStringLiteral("TERM"));
    }

    void streamsHundredMegabytes()
    {
        auto t = connected();
        RunRequest req;
        req.command = QStringLiteral("head -c 104857600 /dev/zero; echo done >&2");
        req.maxOutputBytes = 0;
        qint64 got = 0;
        int chunks = 0;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView d) {
            got += d.size();
            ++chunks;
        };
        QByteArray err;
        sink.onStderr = [&](QByteArrayView d) { err.append(d); };
        const RunResult r = t->run(req, &sink, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(got, qint64(104857600));
        QVERIFY(chunks > 100); // streamed, not buffered whole
        QCOMPARE(err, QByteArray("done\n"));
    }

    void hangStoppedByTimeout()
    {
        auto t = connected();
        RunRequest req;
        req.command = QStringLiteral("echo started; sleep 600");
        req.timeoutMs = 1500;
        const RunResult r = t->run(req, nullptr, {});
        QVERIFY(r.timedOut);
        QCOMPARE(r.stdoutData, QByteArray("started\n"));
        // The connection still works afterwards.
        req.command = QStringLiteral("true");
        req.timeoutMs = 20000;
        QVERIFY(t->run(req, nullptr, {}).ok());
    }

    void pullHashEqualsSha256sum()
    {
        const QString path = m_dir.filePath(QStringLiteral("vmcore-dmesg.txt"));
        QByteArray data;
        for (int i = 0; i < 200000; ++i)
            data += "[927063.519245] lockd: server 10.1.84.31 not responding, still trying " + QByteArray::number(i) + '\n';
        writeFile(path, data);
        auto t = connected();
        PullRequest req;
        req.remotePath = path;
        QByteArray got;
        const PullResult r = t->pull(req, [&](QByteArrayView d) { got.append(d); }, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.size, qint64(data.size()));
        QCOMPARE(r.sha256, sha256sum(path));
        QVERIFY(got == data);
        // Zero-sized procfs files are read to their end.
        req.remotePath = QStringLiteral("/proc/self/status");
        got.clear();
        const PullResult proc = t->pull(req, [&](QByteArrayView d) { got.append(d); }, {});
        QVERIFY2(proc.ok(), qPrintable(proc.error));
        QVERIFY(got.contains("State:"));
        // Size cap.
        req.remotePath = path;
        req.maxBytes = 1000;
        const PullResult capped = t->pull(req, {}, {});
        QVERIFY(capped.ok() && capped.truncated);
        QCOMPARE(capped.size, qint64(1000));
    }

    void pullRefusesNonRegularFiles()
    {
        auto t = connected();
        PullRequest req;
        req.remotePath = m_dir.path();
        PullResult r = t->pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("directory")), qPrintable(r.error));
        req.remotePath = QStringLiteral("/dev/zero");
        r = t->pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("character device")), qPrintable(r.error));
        const QString fifo = m_dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
        req.remotePath = fifo;
        r = t->pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("FIFO")), qPrintable(r.error));
        req.remotePath = m_dir.filePath(QStringLiteral("missing"));
        r = t->pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("No such file")), qPrintable(r.error));
        // A symlink leading out of the allowed root.
        const QString root = m_dir.filePath(QStringLiteral("evidence"));
        QVERIFY(QDir().mkpath(root));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), root + QStringLiteral("/escape")));
        writeFile(root + QStringLiteral("/ok.txt"), "fine\n");
        req.confineTo = root;
        req.remotePath = root + QStringLiteral("/escape");
        r = t->pull(req, {}, {});
        QVERIFY2(r.error.contains(QLatin1String("symlink escape")), qPrintable(r.error));
        req.remotePath = root + QStringLiteral("/ok.txt");
        r = t->pull(req, {}, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.size, qint64(5));
    }

    void wrongKeyGivesAuthError()
    {
        const QString stranger = m_sshd.generateKey(QStringLiteral("stranger"));
        QVERIFY(!stranger.isEmpty());
        const QString config = m_dir.filePath(QStringLiteral("wrongkey_config"));
        writeFile(config, QStringLiteral("Host *\n  IdentityFile %1\n  IdentitiesOnly yes\n").arg(stranger).toUtf8());
        SshOptions o = options();
        o.configFile = config;
        SshTransport t(m_sshd.hostSpec(0), o);
        try {
            t.connect({});
            QFAIL("connected with an unauthorized key");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::Auth);
            QVERIFY2(e.message().contains(QLatin1String("authentication failed")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(m_sshd.userName()), qPrintable(e.message()));
        }
    }

    void passphraseAskedThroughCallback()
    {
        const QString key = m_sshd.generateKey(QStringLiteral("locked"), QStringLiteral("ed25519"), QStringLiteral("correct horse"));
        QVERIFY(!key.isEmpty());
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile authorized(m_sshd.dir() + QStringLiteral("/authorized_keys"));
        QVERIFY(authorized.open(QIODevice::Append));
        authorized.write(pub.readAll());
        authorized.close();
        const QString config = m_dir.filePath(QStringLiteral("locked_config"));
        writeFile(config, QStringLiteral("Host *\n  IdentityFile %1\n  IdentitiesOnly yes\n").arg(key).toUtf8());
        SshOptions o = options();
        o.configFile = config;
        int asked = 0;
        o.secretPrompt = [&](const SecretQuestion &q) -> std::optional<QByteArray> {
            ++asked;
            if (q.kind != SecretQuestion::Kind::KeyPassphrase)
                return std::nullopt;
            return QByteArray("correct horse");
        };
        {
            SshTransport t(m_sshd.hostSpec(0), o);
            t.connect({});
            QVERIFY(t.run(RunRequest{QStringLiteral("true"), {}, 10000, 1024}, nullptr, {}).ok());
        }
        QVERIFY(asked >= 1);
        // Declining the passphrase: a clear authentication error, no password tried.
        o.secretPrompt = [](const SecretQuestion &) -> std::optional<QByteArray> { return std::nullopt; };
        try {
            SshTransport t(m_sshd.hostSpec(0), o);
            t.connect({});
            QFAIL("connected without the passphrase");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::Auth);
            QVERIFY2(!e.message().contains(QLatin1String("password")), qPrintable(e.message()));
        }
    }

    void unknownAndChangedHostKeys()
    {
        // Unknown: refused without touching the file, unless accepted.
        SshOptions o = options();
        o.knownHostsFile = m_dir.filePath(QStringLiteral("kh_unknown"));
        try {
            SshTransport t(m_sshd.alias(0), o);
            t.connect({});
            QFAIL("connected to an unknown host");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::HostKeyUnknown);
            QVERIFY2(e.message().contains(m_sshd.hostKeyFingerprint()), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("ED25519")), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(o.knownHostsFile));
        HostKeyQuestion asked;
        o.hostKeyPrompt = [&](const HostKeyQuestion &q) {
            asked = q;
            return true;
        };
        {
            SshTransport t(m_sshd.alias(0), o);
            t.connect({});
        }
        QCOMPARE(asked.sha256, m_sshd.hostKeyFingerprint());
        QCOMPARE(asked.host, m_sshd.knownHostsName(0));
        QFile kh(o.knownHostsFile);
        QVERIFY(kh.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(kh.readAll()).trimmed(), m_sshd.knownHostsName(0) + QLatin1Char(' ') + m_sshd.hostKeyLine());

        // Changed: refused naming file:line, file untouched.
        const QString other = m_sshd.generateKey(QStringLiteral("impostor"));
        QFile pub(other + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = pub.readAll().split(' ');
        const QString changedFile = m_dir.filePath(QStringLiteral("kh_changed"));
        const QByteArray content = "# comment\n" + m_sshd.knownHostsName(0).toUtf8() + ' ' + parts.at(0) + ' ' + parts.at(1) + '\n';
        writeFile(changedFile, content);
        o.knownHostsFile = changedFile;
        o.acceptNew = true;
        try {
            SshTransport t(m_sshd.alias(0), o);
            t.connect({});
            QFAIL("connected despite a changed host key");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::HostKeyChanged);
            QVERIFY2(e.message().contains(changedFile + QStringLiteral(":2")), qPrintable(e.message()));
        }
        QFile after(changedFile);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), content);
    }

    // Issue #13: HostName/Port from one block, User/IdentityFile from a later
    // one; the first obtained value of each keyword wins, as in OpenSSH.
    void configBlocksCombineAsOpenSsh()
    {
        const QString config = m_dir.filePath(QStringLiteral("nc_config"));
        writeFile(config, QStringLiteral("Host nc-direct\n  HostName 127.0.0.1\n  Port %1\n\n"
                                         "Host nc-*\n  User %2\n  Port 1\n  IdentityFile %3\n  IdentitiesOnly yes\n")
                              .arg(m_sshd.port(0)).arg(m_sshd.userName(), m_sshd.identityFile()).toUtf8());
        SshOptions o = options();
        o.configFile = config;
        SshTransport t(QStringLiteral("nc-direct"), o);
        t.connect({});
        RunRequest r;
        r.command = QStringLiteral("id -un");
        const RunResult result = t.run(r, nullptr, {});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.stdoutData.trimmed(), m_sshd.userName().toUtf8());
    }

    // --accept-new records the key in the first UserKnownHostsFile of the
    // config, hashed with HashKnownHosts yes, and the next connection finds it.
    void acceptNewWritesFirstUserKnownHostsFileHashed()
    {
        const QString first = m_dir.filePath(QStringLiteral("kh_cfg_first"));
        const QString second = m_dir.filePath(QStringLiteral("kh_cfg_second"));
        const QString config = m_dir.filePath(QStringLiteral("kh_config"));
        writeFile(config, QStringLiteral("Host hashed\n  HostName 127.0.0.1\n  Port %1\n  User %2\n  IdentityFile %3\n"
                                         "  IdentitiesOnly yes\n  UserKnownHostsFile %4 %5\n  HashKnownHosts yes\n")
                              .arg(m_sshd.port(0)).arg(m_sshd.userName(), m_sshd.identityFile(), first, second).toUtf8());
        SshOptions o = options();
        o.configFile = config;
        o.knownHostsFile.clear();
        o.acceptNew = true;
        HostKeyQuestion told;
        o.hostKeyAdded = [&](const HostKeyQuestion &q) { told = q; };
        {
            SshTransport t(QStringLiteral("hashed"), o);
            t.connect({});
        }
        QCOMPARE(told.knownHostsFile, first);
        QVERIFY(!QFile::exists(second));
        QFile kh(first);
        QVERIFY(kh.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = kh.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const qsizetype space = lines.at(0).indexOf(' ');
        const QString name = QString::fromLatin1(lines.at(0).left(space));
        QVERIFY2(name.startsWith(QLatin1String("|1|")), qPrintable(name));
        QVERIFY(KnownHosts::hostMatches(name, m_sshd.knownHostsName(0)));
        QCOMPARE(QString::fromLatin1(lines.at(0).mid(space + 1)), m_sshd.hostKeyLine());
        // ssh-keygen finds the hashed entry too.
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-F"), m_sshd.knownHostsName(0), QStringLiteral("-f"), first});
        QVERIFY(keygen.waitForFinished());
        QCOMPARE(keygen.exitCode(), 0);

        o.acceptNew = false;
        SshTransport again(QStringLiteral("hashed"), o);
        again.connect({});
        QCOMPARE(again.hostKey().sha256, m_sshd.hostKeyFingerprint());
    }

    // A @cert-authority line is never taken as the host's own key, even when
    // it holds that very key; the refusal names the line.
    void certAuthorityLineIsNotAPlainKey()
    {
        const QString file = m_dir.filePath(QStringLiteral("kh_ca"));
        writeFile(file, "@cert-authority " + m_sshd.knownHostsName(0).toUtf8() + ' ' + m_sshd.hostKeyLine().toUtf8() + '\n');
        SshOptions o = options();
        o.knownHostsFile = file;
        try {
            SshTransport t(m_sshd.alias(0), o);
            t.connect({});
            QFAIL("a @cert-authority line was taken as the host key");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::HostKeyUnknown);
            QVERIFY2(e.message().contains(QStringLiteral("@cert-authority line at %1:1").arg(file)), qPrintable(e.message()));
        }
    }

    void otherKeyTypeRefused()
    {
        const QString ecdsa = m_sshd.generateKey(QStringLiteral("ecdsa_host"), QStringLiteral("ecdsa"));
        QFile pub(ecdsa + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = pub.readAll().split(' ');
        const QString file = m_dir.filePath(QStringLiteral("kh_othertype"));
        writeFile(file, m_sshd.knownHostsName(0).toUtf8() + ' ' + parts.at(0) + ' ' + parts.at(1) + '\n');
        SshOptions o = options();
        o.knownHostsFile = file;
        o.acceptNew = true;
        try {
            SshTransport t(m_sshd.alias(0), o);
            t.connect({});
            QFAIL("connected despite a different key type on record");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::HostKeyChanged);
            QVERIFY2(e.message().contains(file + QStringLiteral(":1")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("ECDSA")), qPrintable(e.message()));
        }
    }

    void proxyJumpThroughSecondSshd()
    {
        // target reached through sshd-1 as a jump host; the jump host's key
        // is verified too.
        SshOptions o = options();
        m_sshd.writeSshConfig(QStringLiteral("Host target\n  HostName 127.0.0.1\n  Port %1\n  ProxyJump %2\n\n")
                                  .arg(m_sshd.port(0)).arg(m_sshd.alias(1)));
        {
            SshTransport t(QStringLiteral("target"), o);
            t.connect({});
            RunRequest req;
            req.command = QStringLiteral("echo $SSH_CONNECTION");
            const RunResult r = t.run(req, nullptr, {});
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY(r.stdoutData.trimmed().endsWith(QByteArray::number(m_sshd.port(0))));
            QByteArray pulled;
            PullRequest pr;
            pr.remotePath = QStringLiteral("/proc/self/status");
            QVERIFY(t.pull(pr, [&](QByteArrayView d) { pulled.append(d); }, {}).ok());
            QVERIFY(pulled.contains("State:"));
        }
        // The jump host's key must be known as well.
        const QString onlyTarget = m_dir.filePath(QStringLiteral("kh_only_target"));
        writeFile(onlyTarget, m_sshd.knownHostsName(0).toUtf8() + ' ' + m_sshd.hostKeyLine().toUtf8() + '\n');
        o.knownHostsFile = onlyTarget;
        try {
            SshTransport t(QStringLiteral("target"), o);
            t.connect({});
            QFAIL("jumped through a host with an unknown key");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::HostKeyUnknown);
            QVERIFY2(e.message().contains(QLatin1String("via jump host")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(m_sshd.knownHostsName(1)), qPrintable(e.message()));
        }
        m_sshd.writeSshConfig();
    }

    void sshdKilledMidTransfer()
    {
        auto t = connected(1);
        RunRequest req;
        req.command = QStringLiteral("head -c 4000000000 /dev/zero");
        req.maxOutputBytes = 0;
        req.timeoutMs = 120000;
        qint64 got = 0;
        bool killed = false;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView d) {
            got += d.size();
            if (!killed && got > (8 << 20)) {
                killed = true;
                m_sshd.kill(1);
            }
        };
        const RunResult r = t->run(req, &sink, {});
        QVERIFY(killed);
        QVERIFY(!r.timedOut);
        QVERIFY2(r.error.contains(QLatin1String("connection lost")), qPrintable(r.error));
        // Later calls fail at once with a clear error.
        const RunResult after = t->run(RunRequest{QStringLiteral("true"), {}, 5000, 1024}, nullptr, {});
        QVERIFY(!after.error.isEmpty());
        // A fresh connection is refused.
        try {
            connected(1);
            QFAIL("connected to a dead sshd");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::Connect);
        }
    }

    void sshdKilledMidPull()
    {
        QString error;
        QVERIFY2(m_sshd.start(1, &error), qPrintable(error)); // a fresh instance to kill
        const int victim = m_sshd.count() - 1;
        const QString big = m_dir.filePath(QStringLiteral("big.img"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(qint64(4) << 30)); // sparse
        }
        auto t = connected(victim);
        PullRequest req;
        req.remotePath = big;
        req.maxBytes = qint64(8) << 30;
        qint64 got = 0;
        bool killed = false;
        const PullResult r = t->pull(req, [&](QByteArrayView d) {
            got += d.size();
            if (!killed && got > (8 << 20)) {
                killed = true;
                m_sshd.kill(victim);
            }
        }, {});
        QVERIFY(killed);
        QVERIFY(!r.ok());
        QVERIFY2(!r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.size < (qint64(4) << 30));
        QFile::remove(big);
    }

    void silentServerTimesOut()
    {
        // Accepts TCP connections but never sends an SSH banner.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SshOptions o = options();
        o.connectTimeoutMs = 1500;
        SshTransport t(QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd.userName()).arg(silent.serverPort()), o);
        try {
            t.connect({});
            QFAIL("connected to a server that never answered");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::Timeout);
            QVERIFY2(e.message().contains(QLatin1String("timed out")), qPrintable(e.message()));
        }
    }

    void cancelBeforeConnect()
    {
        CancelToken cancel;
        cancel.cancel();
        SshTransport t(m_sshd.alias(0), options());
        try {
            t.connect(cancel);
            QFAIL("connected although cancelled");
        } catch (const TransportError &e) {
            QCOMPARE(e.kind(), TransportError::Kind::Cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(SshTransportTest)
#include "SshTransportTest.moc"
