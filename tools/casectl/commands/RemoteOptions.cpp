#include "RemoteOptions.h"

#include "CliContext.h"
#include "Command.h"
#include "fleet/FleetRunner.h"
#include "fleet/HostList.h"
#include "trust/KnownHosts.h"
#include "util/CaseError.h"

#include <QFile>
#include <QMap>

#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <termios.h>
#include <unistd.h>

namespace {

std::mutex &terminalMutex()
{
    return RemoteOptions::outputMutex();
}

// Reads one line from /dev/tty, without echo unless asked; nullopt without a terminal.
std::optional<QByteArray> askTerminal(const QString &prompt, bool echo)
{
    std::lock_guard lock(terminalMutex());
    const int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray text = prompt.toUtf8() + ' ';
    if (write(fd, text.constData(), size_t(text.size())) < 0) {
        close(fd);
        return std::nullopt;
    }
    termios saved{};
    const bool isTty = tcgetattr(fd, &saved) == 0;
    if (isTty && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray answer;
    char c = 0;
    while (read(fd, &c, 1) == 1 && c != '\n' && answer.size() < 4096)
        answer.append(c);
    if (isTty && !echo) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        (void)!write(fd, "\n", 1);
    }
    close(fd);
    return answer;
}

}

namespace RemoteOptions {

std::mutex &outputMutex()
{
    static std::mutex m;
    return m;
}

void add(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("ssh-config"), QStringLiteral("Read only this OpenSSH client config (like ssh -F)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("known-hosts"), QStringLiteral("Use this known_hosts file (like -o UserKnownHostsFile=FILE)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("accept-new"), QStringLiteral("Trust and record unknown host keys (like StrictHostKeyChecking=accept-new); changed keys are still refused.")});
    p.addOption({QStringLiteral("password"), QStringLiteral("Allow keyboard-interactive and password authentication, asked on the terminal.")});
    p.addOption({QStringLiteral("connect-timeout"), QStringLiteral("Seconds allowed for connecting and authenticating (default: ConnectTimeout or 20)."), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("jobs"), QStringLiteral("Hosts handled at once (default %1).").arg(FleetRunner::kDefaultJobs), QStringLiteral("N")});
    p.addOption({QStringLiteral("hosts-file"), QStringLiteral("Read more hosts from FILE, one per line (# comments); a word "
                                                              "become=sudo|doas|none after a host sets --sudo for that host."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("sudo"), QStringLiteral("Run the work on each host as root: sudo -n where NOPASSWD allows it, "
                                                        "else the sudo password is asked once per host on the terminal "
                                                        "(sent on stdin, never stored).")});
    p.addOption({QStringLiteral("become-method"), QStringLiteral("How --sudo becomes root: sudo (default) or doas (doas needs a "
                                                                 "nopass rule: it cannot take a password from casectl)."),
                 QStringLiteral("sudo|doas")});
}

SshOptions sshOptions(const QCommandLineParser &p, CliContext &ctx)
{
    SshOptions o;
    o.configFile = p.value(QStringLiteral("ssh-config"));
    if (!o.configFile.isEmpty() && !QFile::exists(o.configFile))
        throw UsageError(QStringLiteral("--ssh-config: %1 does not exist").arg(o.configFile));
    o.knownHostsFile = p.value(QStringLiteral("known-hosts"));
    o.allowPassword = p.isSet(QStringLiteral("password"));
    if (p.isSet(QStringLiteral("connect-timeout"))) {
        bool ok = false;
        const int seconds = p.value(QStringLiteral("connect-timeout")).toInt(&ok);
        if (!ok || seconds <= 0)
            throw UsageError(QStringLiteral("--connect-timeout needs a positive number of seconds"));
        o.connectTimeoutMs = seconds * 1000;
    }
    if (p.isSet(QStringLiteral("accept-new"))) {
        o.acceptNew = true; // like -o StrictHostKeyChecking=accept-new: wins over the config
    }
    // Accepted without asking (--accept-new, or StrictHostKeyChecking
    // accept-new/no in the config): say so on stderr, as OpenSSH does.
    o.hostKeyAdded = [&ctx](const HostKeyQuestion &q) {
        std::lock_guard lock(terminalMutex());
        ctx.warning(QStringLiteral("Permanently added '%1' (%2, %3) to the list of known hosts in %4.")
                        .arg(q.host, KnownHosts::shortType(q.keyType), q.sha256, q.knownHostsFile));
    };
    if (p.isSet(QStringLiteral("sudo")) || p.isSet(QStringLiteral("become-method"))) {
        o.become.method = BecomeOptions::Method::Sudo;
        if (p.isSet(QStringLiteral("become-method"))
            && (!BecomeOptions::parseMethod(p.value(QStringLiteral("become-method")), &o.become.method)
                || o.become.method == BecomeOptions::Method::None))
            throw UsageError(QStringLiteral("--become-method takes sudo or doas"));
    }
    // Per host, from the hosts file's "become=..." words.
    if (p.isSet(QStringLiteral("hosts-file"))) {
        try {
            HostList::resolve({}, p.value(QStringLiteral("hosts-file")), o.configFile, &o.becomeByHost);
        } catch (const CaseError &e) {
            throw UsageError(e.message());
        }
    }
    o.secretPrompt = [](const SecretQuestion &q) -> std::optional<QByteArray> {
        QString prompt = q.prompt.trimmed();
        if (q.kind == SecretQuestion::Kind::KeyPassphrase)
            prompt = QStringLiteral("%1 (for %2)").arg(prompt.isEmpty() ? QStringLiteral("Key passphrase:") : prompt, q.host);
        else if (q.kind == SecretQuestion::Kind::KeyboardInteractive)
            prompt = QStringLiteral("(%1) %2").arg(q.host, prompt);
        return askTerminal(prompt, q.echo);
    };
    return o;
}

int jobs(const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("jobs")))
        return FleetRunner::kDefaultJobs;
    bool ok = false;
    const int n = p.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || n < 1 || n > 1024)
        throw UsageError(QStringLiteral("--jobs needs a number from 1 to 1024"));
    return n;
}

QStringList hosts(const QCommandLineParser &p, const QStringList &args)
{
    QStringList list;
    try {
        QHash<QString, BecomeOptions> become; // taken by sshOptions()
        list = HostList::resolve(args, p.value(QStringLiteral("hosts-file")), p.value(QStringLiteral("ssh-config")), &become);
    } catch (const CaseError &e) {
        throw UsageError(e.message());
    }
    if (list.isEmpty())
        throw UsageError(QStringLiteral("no hosts given (HOST arguments or --hosts-file)"));
    return list;
}

QString summary(const QList<FleetHostResult> &results)
{
    QMap<int, int> counts;
    for (const auto &r : results)
        ++counts[int(r.status)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(FleetHostResult::statusName(FleetHostResult::Status(it.key())));
    return QStringLiteral("%1 host%2: %3").arg(results.size()).arg(results.size() == 1 ? QString() : QStringLiteral("s"),
                                              parts.join(QLatin1String(", ")));
}

}
