#include "SshdFixture.h"

#include "transport/TransportFactory.h"
#include "util/CancelToken.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <QHash>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

struct SshdFixture::Instance
{
    int index = 0;
    int port = 0;
    QString configPath;
    QString logPath;
    std::unique_ptr<QProcess> process;
};

namespace {

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool runTool(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

}

SshdFixture::SshdFixture()
{
    const passwd *pw = getpwuid(geteuid());
    m_user = pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("root");
}

SshdFixture::~SshdFixture()
{
    stopAll();
}

QString SshdFixture::generateKey(const QString &name, const QString &type, const QString &passphrase) const
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    if (!runTool(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase,
                                                 QStringLiteral("-C"), QStringLiteral("casebook-test"), QStringLiteral("-f"), path}))
        return {};
    return path;
}

bool SshdFixture::start(int count, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")))
        return fail(QStringLiteral("/usr/sbin/sshd is not installed"));
    if (m_hostKeyLine.isEmpty()) {
        const QString hostKey = generateKey(QStringLiteral("ssh_host_ed25519_key"));
        const QString userKey = generateKey(QStringLiteral("id_ed25519"));
        if (hostKey.isEmpty() || userKey.isEmpty())
            return fail(QStringLiteral("ssh-keygen failed"));
        if (!QFile::copy(userKey + QStringLiteral(".pub"), m_dir.filePath(QStringLiteral("authorized_keys"))))
            return fail(QStringLiteral("cannot write authorized_keys"));
        // sshd reads authorized_keys as the account logging in: a non-root
        // one must be able to reach it (the private keys stay 0600).
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
        QFile::setPermissions(m_dir.filePath(QStringLiteral("authorized_keys")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const QList<QByteArray> parts = readFile(hostKey + QStringLiteral(".pub")).trimmed().split(' ');
        if (parts.size() < 2)
            return fail(QStringLiteral("unreadable host key"));
        m_hostKeyLine = QString::fromLatin1(parts.at(0) + ' ' + parts.at(1));
        QByteArray fp;
        if (!runTool(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                                                     QStringLiteral("-f"), hostKey + QStringLiteral(".pub")}, &fp))
            return fail(QStringLiteral("ssh-keygen -l failed"));
        m_fingerprint = QString::fromLatin1(fp.split(' ').value(1));
    }
    for (int n = 0; n < count; ++n) {
        auto instance = std::make_unique<Instance>();
        instance->index = int(m_instances.size());
        QString why;
        bool up = false;
        for (int attempt = 0; attempt < 5 && !up; ++attempt)
            up = startOne(*instance, &why); // another test may grab the port first
        if (!up)
            return fail(why);
        m_instances.push_back(std::move(instance));
    }
    writeSshConfig(m_extraConfig);
    writeKnownHosts();
    return true;
}

bool SshdFixture::startOne(Instance &in, QString *error)
{
    in.port = freePort();
    in.configPath = m_dir.filePath(QStringLiteral("sshd_config.%1").arg(in.index));
    in.logPath = m_dir.filePath(QStringLiteral("sshd.%1.log").arg(in.index));
    const QString config = QStringLiteral(
        "Port %1\n"
        "ListenAddress 127.0.0.1\n"
        "HostKey %2/ssh_host_ed25519_key\n"
        "AuthorizedKeysFile %2/authorized_keys\n"
        "PidFile none\n"
        "UsePAM no\n"
        "StrictModes no\n"
        "PermitRootLogin yes\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "AllowTcpForwarding yes\n"
        "MaxStartups 100:30:200\n"
        "MaxSessions 50\n"
        "Subsystem sftp internal-sftp\n"
        // bash sources ~/.bashrc for ssh commands only at SHLVL < 2: the test
        // account's own start-up files (slow, or locking, as pyenv's rehash
        // is) stay out of every remote command.
        "SetEnv SHLVL=1\n"
        "LogLevel INFO\n").arg(in.port).arg(m_dir.path());
    if (!writeFile(in.configPath, config.toUtf8())) {
        if (error)
            *error = QStringLiteral("cannot write sshd_config");
        return false;
    }
    QFile::remove(in.logPath);
    in.process = std::make_unique<QProcess>();
    in.process->setStandardOutputFile(in.logPath, QIODevice::Append);
    in.process->setStandardErrorFile(in.logPath, QIODevice::Append);
    const QStringList sshd{QStringLiteral("/usr/sbin/sshd"), QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), in.configPath};
    if (m_ownPidNamespace)
        // A private /proc of its own (made private before the new proc is
        // mounted, so nothing propagates back, also inside a chroot).
        in.process->start(QStringLiteral("unshare"),
                          QStringList{QStringLiteral("--pid"), QStringLiteral("--fork"), QStringLiteral("--kill-child"), QStringLiteral("--mount"),
                                      QStringLiteral("--propagation"), QStringLiteral("unchanged"), QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("mount --make-private /proc && mount -t proc proc /proc && exec \"$@\""),
                                      QStringLiteral("sh")}
                              + sshd);
    else
        in.process->start(sshd.first(), sshd.mid(1));
    if (!in.process->waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot start sshd: %1").arg(in.process->errorString());
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 15000) {
        const QByteArray log = readFile(in.logPath);
        if (log.contains("Server listening on"))
            return true;
        if (in.process->state() == QProcess::NotRunning || in.process->waitForFinished(50)) {
            if (error)
                *error = QStringLiteral("sshd exited: %1").arg(QString::fromUtf8(readFile(in.logPath)));
            return false;
        }
    }
    in.process->kill();
    in.process->waitForFinished(5000);
    if (error)
        *error = QStringLiteral("sshd did not come up: %1").arg(QString::fromUtf8(readFile(in.logPath)));
    return false;
}

// Every descendant of pid (sshd forks one sshd-session per connection).
static QList<qint64> descendants(qint64 root)
{
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(pid);
    }
    QList<qint64> out, todo{root};
    while (!todo.isEmpty()) {
        const qint64 p = todo.takeLast();
        for (qint64 c : children.value(p)) {
            out.append(c);
            todo.append(c);
        }
    }
    return out;
}

void SshdFixture::kill(int i)
{
    Instance &in = *m_instances.at(size_t(i));
    if (in.process && in.process->state() != QProcess::NotRunning) {
        const QList<qint64> sessions = descendants(in.process->processId());
        in.process->kill();
        for (qint64 pid : sessions)
            ::kill(pid_t(pid), SIGKILL);
        in.process->waitForFinished(5000);
    }
}

QList<qint64> SshdFixture::sessionPids(int i) const
{
    const Instance &in = *m_instances.at(size_t(i));
    if (!in.process || in.process->state() == QProcess::NotRunning)
        return {};
    return descendants(in.process->processId());
}

void SshdFixture::stopAll()
{
    for (size_t i = 0; i < m_instances.size(); ++i)
        kill(int(i));
}

int SshdFixture::port(int i) const
{
    return m_instances.at(size_t(i))->port;
}

QString SshdFixture::alias(int i) const
{
    return QStringLiteral("sshd-%1").arg(i);
}

QString SshdFixture::hostSpec(int i) const
{
    return QStringLiteral("%1@127.0.0.1:%2").arg(m_user).arg(port(i));
}

QString SshdFixture::hostSpecFor(const QString &user, int i) const
{
    return QStringLiteral("%1@127.0.0.1:%2").arg(user).arg(port(i));
}

QString SshdFixture::knownHostsName(int i) const
{
    return QStringLiteral("[127.0.0.1]:%1").arg(port(i));
}

QString SshdFixture::sshConfigPath() const
{
    return m_dir.filePath(QStringLiteral("ssh_config"));
}

QString SshdFixture::knownHostsPath() const
{
    return m_dir.filePath(QStringLiteral("known_hosts"));
}

QString SshdFixture::identityFile() const
{
    return m_dir.filePath(QStringLiteral("id_ed25519"));
}

QString SshdFixture::hostKeyLine() const
{
    return m_hostKeyLine;
}

QString SshdFixture::hostKeyFingerprint() const
{
    return m_fingerprint;
}

QString SshdFixture::userName() const
{
    return m_user;
}

QString SshdFixture::logPath(int i) const
{
    return m_instances.at(size_t(i))->logPath;
}

QStringList SshdFixture::casectlArgs() const
{
    return {QStringLiteral("--ssh-config"), sshConfigPath(), QStringLiteral("--known-hosts"), knownHostsPath()};
}

SshOptions SshdFixture::sshOptions() const
{
    SshOptions o;
    o.configFile = sshConfigPath();
    o.knownHostsFile = knownHostsPath();
    return o;
}

std::unique_ptr<Transport> SshdFixture::connect(int i) const
{
    auto t = TransportFactory::create(hostSpec(i), sshOptions());
    t->connect(CancelToken());
    return t;
}

QProcessEnvironment SshdFixture::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    return env;
}

void SshdFixture::writeSshConfig(const QString &extra)
{
    m_extraConfig = extra;
    QString text;
    for (int i = 0; i < count(); ++i)
        text += QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User %3\n\n").arg(alias(i)).arg(port(i)).arg(m_user);
    text += extra;
    text += QStringLiteral("\nHost *\n  IdentityFile %1\n  IdentitiesOnly yes\n  ConnectTimeout 10\n").arg(identityFile());
    writeFile(sshConfigPath(), text.toUtf8());
}

void SshdFixture::writeKnownHosts()
{
    QString text;
    for (int i = 0; i < count(); ++i)
        text += knownHostsName(i) + QLatin1Char(' ') + m_hostKeyLine + QLatin1Char('\n');
    writeFile(knownHostsPath(), text.toUtf8());
}
