#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// casectl exec and collect against real sshd instances, as a user runs them.
class CasectlRemoteTest : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;
    QTemporaryDir m_dir;

    CasectlResult casectl(const QStringList &args, const QStringList &remote)
    {
        QStringList all = args;
        // Options go before "--" (exec's command follows it).
        const qsizetype dashes = all.indexOf(QStringLiteral("--"));
        for (qsizetype i = 0; i < remote.size(); ++i)
            all.insert(dashes < 0 ? all.size() : dashes + i, remote.at(i));
        return runCasectl(all, 180000, m_sshd.environment());
    }
    CasectlResult casectl(const QStringList &args) { return casectl(args, m_sshd.casectlArgs()); }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return path;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        QString error;
        CASEBOOK_REQUIRE(m_sshd.start(2, &error), QStringLiteral("a loopback sshd: ") + error);
    }

    void execPlainAndJson()
    {
        const auto plain = casectl({QStringLiteral("exec"), m_sshd.alias(0), m_sshd.alias(1), QStringLiteral("--"),
                                    QStringLiteral("echo"), QStringLiteral("hello;"), QStringLiteral("echo oops >&2")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY2(plain.out.contains("sshd-0: hello\n"), plain.out.constData());
        QVERIFY(plain.out.contains("sshd-1: hello\n"));
        QVERIFY(plain.err.contains("sshd-1: oops\n"));
        QVERIFY(plain.err.contains("2 hosts: 2 ok"));

        const auto json = casectl({QStringLiteral("exec"), m_sshd.alias(0), QStringLiteral("local"), QStringLiteral("--json"),
                                   QStringLiteral("--"), QStringLiteral("echo out; echo err >&2; exit 3")});
        QCOMPARE(json.exitCode, 1);
        const QJsonArray hosts = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(hosts.size(), 2);
        for (const QJsonValue &v : hosts) {
            const QJsonObject h = v.toObject();
            QCOMPARE(h.value(QStringLiteral("exit_code")).toInt(), 3);
            QCOMPARE(h.value(QStringLiteral("stdout")).toString(), QStringLiteral("out\n"));
            QCOMPARE(h.value(QStringLiteral("stderr")).toString(), QStringLiteral("err\n"));
            QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
            QVERIFY(h.contains(QStringLiteral("duration_ms")));
        }
        QCOMPARE(hosts.at(0).toObject().value(QStringLiteral("host_key")).toObject().value(QStringLiteral("sha256")).toString(),
                 m_sshd.hostKeyFingerprint());
        QVERIFY(!hosts.at(1).toObject().contains(QStringLiteral("host_key"))); // local

        const auto timeout = casectl({QStringLiteral("exec"), m_sshd.alias(0), QStringLiteral("--timeout"), QStringLiteral("1"),
                                      QStringLiteral("--json"), QStringLiteral("--"), QStringLiteral("sleep 300")});
        QCOMPARE(timeout.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(timeout.out).array().at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("timed out"));
        QCOMPARE(casectl({QStringLiteral("exec"), m_sshd.alias(0)}).exitCode, 2); // no command
    }

    void unknownKeyRefusedThenAccepted()
    {
        const QString kh = m_dir.filePath(QStringLiteral("casectl_known_hosts"));
        const QStringList remote{QStringLiteral("--ssh-config"), m_sshd.sshConfigPath(), QStringLiteral("--known-hosts"), kh};
        const auto refused = casectl({QStringLiteral("exec"), m_sshd.alias(0), QStringLiteral("--"), QStringLiteral("true")}, remote);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("refused"), refused.err.constData());
        QVERIFY(refused.err.contains(m_sshd.knownHostsName(0).toUtf8()));
        QVERIFY(refused.err.contains("ED25519 key fingerprint is " + m_sshd.hostKeyFingerprint().toUtf8()));
        QVERIFY(!QFile::exists(kh));

        const auto accepted = casectl({QStringLiteral("exec"), m_sshd.alias(0), QStringLiteral("--accept-new"), QStringLiteral("--"),
                                       QStringLiteral("echo trusted")}, remote);
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        QVERIFY(accepted.out.contains("sshd-0: trusted"));
        QVERIFY(accepted.err.contains("Permanently added"));
        QCOMPARE(readAll(kh).trimmed(), (m_sshd.knownHostsName(0) + QLatin1Char(' ') + m_sshd.hostKeyLine()).toUtf8());
        // Now known: no flag needed.
        QCOMPARE(casectl({QStringLiteral("exec"), m_sshd.alias(0), QStringLiteral("--"), QStringLiteral("true")}, remote).exitCode, 0);
    }

    void changedKeyRefusedWithFileAndLine()
    {
        const QString impostor = m_sshd.generateKey(QStringLiteral("impostor_host"));
        const QList<QByteArray> parts = readAll(impostor + QStringLiteral(".pub")).split(' ');
        const QByteArray content = "# fleet keys\n\n" + m_sshd.knownHostsName(1).toUtf8() + ' ' + parts.at(0) + ' ' + parts.at(1) + '\n';
        const QString kh = writeFile(QStringLiteral("changed_known_hosts"), content);
        const QStringList remote{QStringLiteral("--ssh-config"), m_sshd.sshConfigPath(), QStringLiteral("--known-hosts"), kh};
        const auto r = casectl({QStringLiteral("exec"), m_sshd.alias(1), QStringLiteral("--accept-new"), QStringLiteral("--"),
                                QStringLiteral("true")}, remote);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), r.err.constData());
        QVERIFY2(r.err.contains((kh + QStringLiteral(":3")).toUtf8()), r.err.constData());
        QCOMPARE(readAll(kh), content);
    }

    void collectPullsFilesWithHostKeys()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("fleet.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), casePath, QStringLiteral("--title"), QStringLiteral("NFS hang on web tier")}).exitCode, 0);
        QByteArray evidence;
        for (int i = 0; i < 50000; ++i)
            evidence += "php-fpm[" + QByteArray::number(i) + "]: flock(LOCK_EX) on /mnt/nfs/sessions\n";
        const QString file = writeFile(QStringLiteral("php-fpm.log"), evidence);
        const auto r = casectl({QStringLiteral("collect"), casePath, m_sshd.alias(0), QStringLiteral("local"), QStringLiteral("--pull"),
                                file, QStringLiteral("--pull"), QStringLiteral("/proc/self"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1); // /proc/self is a directory: refused, the rest kept
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        const QJsonArray hosts = out.value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), 2);
        QVERIFY2(hosts.at(0).toObject().value(QStringLiteral("error")).toString().contains(QLatin1String("directory")), r.out.constData());

        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        HostStore hostStore(cf->db());
        const auto remoteHost = hostStore.byName(m_sshd.alias(0));
        QVERIFY(remoteHost.has_value());
        QCOMPARE(remoteHost->hostkeyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(remoteHost->hostkeySha256, m_sshd.hostKeyFingerprint());
        CollectionStore collections(cf->db());
        const auto remoteCollections = collections.forHost(remoteHost->id);
        QCOMPARE(remoteCollections.size(), 1);
        QCOMPARE(remoteCollections.at(0).kind, QStringLiteral("file"));
        QCOMPARE(remoteCollections.at(0).hostkeySha256, m_sshd.hostKeyFingerprint());
        QCOMPARE(remoteCollections.at(0).status, CollectionRecord::Status::Incomplete);
        const auto localHost = hostStore.byName(QStringLiteral("local"));
        QVERIFY(localHost.has_value());
        QVERIFY(localHost->hostkeySha256.isEmpty());

        // The pulled artifact's hash is sha256sum's.
        const QString expected = QString::fromLatin1(QCryptographicHash::hash(evidence, QCryptographicHash::Sha256).toHex());
        int matches = 0;
        for (const QJsonValue &h : hosts)
            for (const QJsonValue &c : h.toObject().value(QStringLiteral("collectors")).toArray())
                for (const QJsonValue &f : c.toObject().value(QStringLiteral("files")).toArray())
                    if (f.toObject().value(QStringLiteral("sha256")).toString() == expected)
                        ++matches;
        QCOMPARE(matches, 2);
        QProcess sum;
        sum.start(QStringLiteral("sha256sum"), {file});
        QVERIFY(sum.waitForFinished());
        QCOMPARE(QString::fromLatin1(sum.readAllStandardOutput().left(64)), expected);

        QCOMPARE(casectl({QStringLiteral("collect"), casePath, m_sshd.alias(0)}).exitCode, 2); // no collector
        QCOMPARE(runCasectl({QStringLiteral("verify"), casePath}).exitCode, 0);
    }

    void fanOutThirtyTwoHostsOneDown()
    {
        SshdFixture fleet;
        QString error;
        QVERIFY2(fleet.start(32, &error), qPrintable(error));
        fleet.kill(17);
        const QString hostsFile = writeFile(QStringLiteral("hosts.txt"), "# web tier\nsshd-3\nsshd-4 # dup of the pattern\n");
        const auto r = runCasectl({QStringLiteral("exec"), QStringLiteral("sshd-*"), QStringLiteral("--hosts-file"), hostsFile,
                                   QStringLiteral("--jobs"), QStringLiteral("8"), QStringLiteral("--json"), QStringLiteral("--ssh-config"),
                                   fleet.sshConfigPath(), QStringLiteral("--known-hosts"), fleet.knownHostsPath(), QStringLiteral("--"),
                                   QStringLiteral("echo $SSH_CONNECTION")}, 300000, fleet.environment());
        QCOMPARE(r.exitCode, 1);
        const QJsonArray hosts = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hosts.size(), 32);
        int ok = 0;
        for (int i = 0; i < 32; ++i) {
            const QJsonObject h = hosts.at(i).toObject();
            QCOMPARE(h.value(QStringLiteral("host")).toString(), fleet.alias(i));
            if (i == 17) {
                QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
                QVERIFY(h.value(QStringLiteral("error")).toString().contains(QLatin1String("cannot connect")));
                continue;
            }
            QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            QVERIFY(h.value(QStringLiteral("stdout")).toString().trimmed().endsWith(QString::number(fleet.port(i))));
            ++ok;
        }
        QCOMPARE(ok, 31);
    }
};

QTEST_GUILESS_MAIN(CasectlRemoteTest)
#include "CasectlRemoteTest.moc"
