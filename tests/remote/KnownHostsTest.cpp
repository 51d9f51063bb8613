#include "transport/HostSpec.h"
#include "transport/SshConfigFile.h"
#include "trust/KnownHosts.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

// known_hosts reading with OpenSSH's rules, host specs and config lookups.
class KnownHostsTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return path;
    }

    static QByteArray hashed(const QByteArray &name, const QByteArray &salt)
    {
        return "|1|" + salt.toBase64() + '|' + QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1).toBase64();
    }

private slots:
    void matchesLikeOpenSsh()
    {
        const QString file = write(QStringLiteral("kh"),
                                   "# comment\n"
                                   "web*.example.com,!web9.example.com ssh-ed25519 AAAAweb\n"
                                   "[db1]:2222 ssh-ed25519 AAAAdb1port\n"
                                   "db1 ecdsa-sha2-nistp256 AAAAdb1\n"
                                   + hashed("nfs1", "saltsaltsaltsaltsalt") + " ssh-ed25519 AAAAnfs\n"
                                   "@revoked * ssh-ed25519 AAAArevoked\n"
                                   "@cert-authority * ssh-ed25519 AAAAca\n"
                                   "garbage-line-without-key\n");
        const KnownHosts kh({file});
        using S = KnownHosts::Match::Status;
        QCOMPARE(kh.check(QStringLiteral("web1.example.com"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAweb")).status, S::Ok);
        QCOMPARE(kh.check(QStringLiteral("web9.example.com"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAweb")).status, S::Unknown);
        const auto changed = kh.check(QStringLiteral("web2.example.com"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAother"));
        QCOMPARE(changed.status, S::Changed);
        QCOMPARE(changed.line, 2);
        QCOMPARE(changed.file, file);
        QCOMPARE(kh.check(QStringLiteral("db1"), 2222, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAdb1port")).status, S::Ok);
        const auto other = kh.check(QStringLiteral("db1"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAnew"));
        QCOMPARE(other.status, S::OtherType);
        QCOMPARE(other.line, 4);
        QCOMPARE(other.knownType, QStringLiteral("ecdsa-sha2-nistp256"));
        QCOMPARE(kh.check(QStringLiteral("nfs1"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAnfs")).status, S::Ok);
        QCOMPARE(kh.check(QStringLiteral("nfs2"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAnfs")).status, S::Unknown);
        QCOMPARE(kh.check(QStringLiteral("anything"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAArevoked")).status, S::Revoked);
        QCOMPARE(kh.check(QStringLiteral("db1"), 22, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAca")).status, S::OtherType);
        // Missing files are skipped.
        QCOMPARE(KnownHosts({m_dir.filePath(QStringLiteral("missing"))}).check(QStringLiteral("x"), 22, QStringLiteral("ssh-ed25519"),
                                                                             QStringLiteral("A")).status, S::Unknown);
    }

    void appendCreatesAndKeepsLines()
    {
        const QString file = write(QStringLiteral("append"), "old ssh-ed25519 AAAAold"); // no final newline
        KnownHosts::append(file, QStringLiteral("10.1.84.31"), 2222, QStringLiteral("ssh-ed25519"), QStringLiteral("AAAAnew"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old ssh-ed25519 AAAAold\n[10.1.84.31]:2222 ssh-ed25519 AAAAnew\n"));
        const QString fresh = m_dir.filePath(QStringLiteral("sub/dir/known_hosts"));
        KnownHosts::append(fresh, QStringLiteral("web1"), 22, QStringLiteral("ssh-rsa"), QStringLiteral("AAAArsa"));
        QCOMPARE(KnownHosts({fresh}).check(QStringLiteral("web1"), 22, QStringLiteral("ssh-rsa"), QStringLiteral("AAAArsa")).status,
                 KnownHosts::Match::Status::Ok);
    }

    void hostSpecs()
    {
        HostSpec s = HostSpec::parse(QStringLiteral("root@db1:2222"));
        QCOMPARE(s.user, QStringLiteral("root"));
        QCOMPARE(s.host, QStringLiteral("db1"));
        QCOMPARE(s.port, 2222);
        s = HostSpec::parse(QStringLiteral("[fe80::1]:22"));
        QCOMPARE(s.host, QStringLiteral("fe80::1"));
        QCOMPARE(s.port, 22);
        s = HostSpec::parse(QStringLiteral("web-prod-3"));
        QVERIFY(s.user.isEmpty());
        QCOMPARE(s.port, 0);
        QCOMPARE(HostSpec::parse(QStringLiteral("::1")).host, QStringLiteral("::1"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HostSpec::parse(QStringLiteral("db1:99999")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HostSpec::parse(QStringLiteral("@db1")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HostSpec::parse(QStringLiteral("db1 ; rm -rf /")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HostSpec::parse(QString()));
    }

    void sshConfigLookups()
    {
        const QString inc = write(QStringLiteral("inc.conf"), "Host bastion\n  HostName 10.0.0.1\n");
        const QString file = write(QStringLiteral("ssh_config"),
                                   "Host web-1 web-2\n  ProxyJump bastion\n\n"
                                   "Host web-* !web-9\n  ProxyJump other\n  User deploy\n\n"
                                   "Include " + inc.toUtf8() + "\n"
                                   "Match all\n  ConnectTimeout 5\n");
        const SshConfigFile c = SshConfigFile::load(file);
        QCOMPARE(c.value(QStringLiteral("web-1"), QStringLiteral("proxyjump")), QStringLiteral("bastion")); // first wins
        QCOMPARE(c.value(QStringLiteral("web-3"), QStringLiteral("ProxyJump")), QStringLiteral("other"));
        QCOMPARE(c.value(QStringLiteral("web-9"), QStringLiteral("ProxyJump")), QString());
        QCOMPARE(c.value(QStringLiteral("anything"), QStringLiteral("ConnectTimeout")), QStringLiteral("5"));
        QCOMPARE(c.concreteHosts(), (QStringList{QStringLiteral("web-1"), QStringLiteral("web-2"), QStringLiteral("bastion")}));
    }

    // A config that includes itself three times was read 3^16 times (found
    // while writing fuzz_ssh_config): a load reads at most 256 files.
    void selfIncludeIsBounded()
    {
        const QString path = m_dir.filePath(QStringLiteral("loop.conf"));
        write(QStringLiteral("loop.conf"), "Host web-1\n  User ops\nInclude " + path.toUtf8() + ' ' + path.toUtf8() + ' '
                                               + path.toUtf8() + "\nHost db1\n  User dba\n");
        const SshConfigFile c = SshConfigFile::load(path);
        QCOMPARE(c.value(QStringLiteral("web-1"), QStringLiteral("user")), QStringLiteral("ops"));
        QCOMPARE(c.value(QStringLiteral("db1"), QStringLiteral("user")), QStringLiteral("dba"));
        QCOMPARE(c.concreteHosts(), (QStringList{QStringLiteral("web-1"), QStringLiteral("db1")}));
    }
};

QTEST_GUILESS_MAIN(KnownHostsTest)
#include "KnownHostsTest.moc"
