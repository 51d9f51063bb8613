#include "ThrowawayUser.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <atomic>
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool runTool(const QString &program, const QStringList &args, const QByteArray &input, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(program, p.errorString());
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3").arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

// The pids whose real uid is `uid` (read from /proc/PID/status).
QList<pid_t> processesOf(int uid)
{
    QList<pid_t> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const pid_t pid = pid_t(e.toInt(&ok));
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/status").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("Uid:")) {
                const QList<QByteArray> fields = line.mid(4).simplified().split(' ');
                if (!fields.isEmpty() && fields.first().toInt() == uid)
                    out.append(pid);
                break;
            }
        }
    }
    return out;
}

}

ThrowawayUser::~ThrowawayUser()
{
    remove();
}

QString ThrowawayUser::sudoersPath() const
{
    return QStringLiteral("/etc/sudoers.d/%1").arg(m_name);
}

bool ThrowawayUser::create(const QString &password, QString *error)
{
    static std::atomic_int counter{0};
    remove();
    m_name = QStringLiteral("cbt%1n%2").arg(getpid()).arg(counter++);
    if (!runTool(QStringLiteral("useradd"), {QStringLiteral("-M"), QStringLiteral("-d"), QStringLiteral("/nonexistent"),
                                              QStringLiteral("-s"), QStringLiteral("/bin/sh"), m_name}, {}, error)) {
        m_name.clear();
        return false;
    }
    const passwd *pw = getpwnam(m_name.toLocal8Bit().constData());
    m_uid = pw ? int(pw->pw_uid) : -1;
    // A password also unlocks the account: with UsePAM no, sshd refuses
    // even key logins to a locked one ("!" in shadow).
    const QString secret = password.isEmpty() ? QStringLiteral("unused-%1").arg(getpid()) : password;
    if (!runTool(QStringLiteral("chpasswd"), {}, (m_name + QLatin1Char(':') + secret + QLatin1Char('\n')).toUtf8(), error)) {
        remove();
        return false;
    }
    return true;
}

bool ThrowawayUser::setSudoRule(const QString &rule, QString *error)
{
    if (m_name.isEmpty())
        return false;
    const QString path = sudoersPath();
    if (rule.isEmpty())
        return QFile::remove(path) || !QFile::exists(path);
    const QString tmp = path + QStringLiteral(".new"); // sudo skips names with a dot
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(tmp, f.errorString());
        return false;
    }
    QString text = rule;
    text.replace(QLatin1String("%u"), m_name);
    f.write(text.toUtf8() + '\n');
    f.close();
    chmod(tmp.toLocal8Bit().constData(), 0440);
    if (!runTool(QStringLiteral("visudo"), {QStringLiteral("-c"), QStringLiteral("-q"), QStringLiteral("-f"), tmp}, {}, error)) {
        QFile::remove(tmp);
        return false;
    }
    QFile::remove(path);
    return QFile::rename(tmp, path);
}

void ThrowawayUser::remove()
{
    if (m_name.isEmpty())
        return;
    QFile::remove(sudoersPath());
    QFile::remove(sudoersPath() + QStringLiteral(".new"));
    if (m_uid > 0) {
        for (pid_t pid : processesOf(m_uid))
            ::kill(pid, SIGKILL);
    }
    runTool(QStringLiteral("userdel"), {QStringLiteral("-f"), m_name}, {}, nullptr);
    QFile::remove(QStringLiteral("/var/lib/sudo/lectured/%1").arg(m_name));
    QDir(QStringLiteral("/run/sudo/ts")).remove(m_name);
    m_name.clear();
    m_uid = -1;
}
