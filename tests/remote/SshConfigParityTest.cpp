#include "transport/SshConfigFile.h"
#include "transport/SshTokens.h"

#include <QDir>
#include <QFile>
#include <QMultiHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Casebook's ssh_config resolution against the real `ssh -G` over the
// configs in tests/data/ssh-config (first line: "# hosts: ALIAS...").
class SshConfigParityTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QString dataDir() { return qEnvironmentVariable("CASEBOOK_TEST_DATA") + QStringLiteral("/ssh-config"); }

    static QStringList configNames() { return QDir(dataDir()).entryList({QStringLiteral("*.conf")}, QDir::Files, QDir::Name); }

    // The config with its /CASEBOOK_TEST_DATA placeholder made real.
    QString prepared(const QString &name)
    {
        QFile in(dataDir() + QLatin1Char('/') + name);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = in.readAll();
        text.replace("/CASEBOOK_TEST_DATA", QFile::encodeName(qEnvironmentVariable("CASEBOOK_TEST_DATA")));
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            return {};
        return path;
    }

    static QStringList hostsOf(const QString &name)
    {
        QFile f(dataDir() + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString first = QString::fromUtf8(f.readLine()).trimmed();
        const QString prefix = QStringLiteral("# hosts:");
        if (!first.startsWith(prefix))
            return {};
        return first.mid(prefix.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }

    // ssh -G output: keyword -> values in order (several for identityfile).
    static QMultiHash<QString, QString> sshG(const QString &config, const QString &host)
    {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), {QStringLiteral("-G"), QStringLiteral("-F"), config, host});
        if (!ssh.waitForFinished(30000) || ssh.exitCode() != 0)
            return {};
        QMultiHash<QString, QString> out;
        for (const QByteArray &line : ssh.readAllStandardOutput().split('\n')) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0)
                out.insert(QString::fromUtf8(line.left(space)), QString::fromUtf8(line.mid(space + 1)));
        }
        return out;
    }

    static QStringList all(const QMultiHash<QString, QString> &g, const QString &key)
    {
        QStringList values = g.values(key);
        std::reverse(values.begin(), values.end()); // QMultiHash: most recent first
        return values;
    }

private slots:
    void corpusIsThere()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(configNames().size() >= 7, qPrintable(dataDir()));
        for (const QString &name : configNames())
            QVERIFY2(!hostsOf(name).isEmpty(), qPrintable(name + QStringLiteral(": no '# hosts:' line")));
    }

    void matchesSshG_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("host");
        for (const QString &name : configNames()) {
            for (const QString &host : hostsOf(name))
                QTest::newRow(qPrintable(name + QLatin1Char(':') + host)) << name << host;
        }
    }

    void matchesSshG()
    {
        QFETCH(QString, config);
        QFETCH(QString, host);
        const QString path = prepared(config);
        QVERIFY(!path.isEmpty());
        const QMultiHash<QString, QString> g = sshG(path, host);
        QVERIFY2(!g.isEmpty(), "ssh -G failed");
        const SshHostConfig c = SshConfigFile::load(path).resolve(host);

        QCOMPARE(c.hostName, g.value(QStringLiteral("hostname")));
        QCOMPARE(QString::number(c.port), g.value(QStringLiteral("port")));
        QCOMPARE(c.user, g.value(QStringLiteral("user")));
        QCOMPARE(c.identityFiles, all(g, QStringLiteral("identityfile")));
        QCOMPARE(c.certificateFiles, all(g, QStringLiteral("certificatefile")));
        QCOMPARE(c.identitiesOnly ? QStringLiteral("yes") : QStringLiteral("no"), g.value(QStringLiteral("identitiesonly")));
        QCOMPARE(c.userKnownHostsFiles.join(QLatin1Char(' ')), g.value(QStringLiteral("userknownhostsfile")));
        QCOMPARE(c.globalKnownHostsFiles.join(QLatin1Char(' ')), g.value(QStringLiteral("globalknownhostsfile")));
        QCOMPARE(SshHostConfig::strictName(c.strictHostKeyChecking), g.value(QStringLiteral("stricthostkeychecking")));
        QCOMPARE(c.hashKnownHosts ? QStringLiteral("yes") : QStringLiteral("no"), g.value(QStringLiteral("hashknownhosts")));
        QCOMPARE(c.connectTimeoutSeconds < 0 ? QStringLiteral("none") : QString::number(c.connectTimeoutSeconds),
                 g.value(QStringLiteral("connecttimeout")));
        QCOMPARE(QString::number(c.serverAliveInterval), g.value(QStringLiteral("serveraliveinterval")));
        QCOMPARE(QString::number(c.serverAliveCountMax), g.value(QStringLiteral("serveralivecountmax")));
        QCOMPARE(c.proxyJump, g.value(QStringLiteral("proxyjump")));
    }

    // ssh -G prints IdentityFile as written; what Casebook loads is expanded
    // with the same tokens as UserKnownHostsFile (compared above).
    void identityFilesExpanded()
    {
        const QString path = prepared(QStringLiteral("tokens.conf"));
        const SshHostConfig c = SshConfigFile::load(path).resolve(QStringLiteral("tok"));
        QCOMPARE(c.identityFilesExpanded,
                 QStringList{SshTokens::homeDir() + QStringLiteral("/.ssh/id_tok.internal.example_svc account")});
    }

    // What is typed (user@host:port) wins over the config, and Match user sees it.
    void typedUserAndPortWin()
    {
        const QString path = prepared(QStringLiteral("match-host.conf"));
        const SshHostConfig c = SshConfigFile::load(path).resolve(QStringLiteral("db-primary"), QStringLiteral("dba"), 2022);
        QCOMPARE(c.user, QStringLiteral("dba"));
        QCOMPARE(c.port, 2022);
        QCOMPARE(c.serverAliveCountMax, 7);
    }
};

QTEST_GUILESS_MAIN(SshConfigParityTest)
#include "SshConfigParityTest.moc"
