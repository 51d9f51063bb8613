#include "SshConfigFile.h"

#include "SshConfigLine.h"
#include "SshTokens.h"
#include "trust/KnownHosts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>

#include <unistd.h>

namespace {

constexpr int kMaxIncludeDepth = 16;
// Bounds on one load, includes together: a file that includes itself twice
// would otherwise be read 2^16 times.
constexpr int kMaxConfigFiles = 256;
constexpr qint64 kMaxConfigBytes = 4 << 20;

bool isAccumulating(const QString &keyword)
{
    return keyword == QLatin1String("identityfile") || keyword == QLatin1String("certificatefile");
}

bool flagValue(const QStringList &args, bool fallback)
{
    const QString v = args.value(0).toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false"))
        return false;
    return fallback;
}

// OpenSSH's convtime(): 90, 90s, 1m30s, 2h ...; -1 when unreadable.
int seconds(const QString &text)
{
    if (text.isEmpty())
        return -1;
    qint64 total = 0, value = 0;
    bool digits = false;
    for (const QChar c : text) {
        if (c.isDigit()) {
            value = value * 10 + c.digitValue();
            digits = true;
            if (value > std::numeric_limits<int>::max())
                return -1;
            continue;
        }
        if (!digits)
            return -1;
        const QChar u = c.toLower();
        const int scale = u == QLatin1Char('s') ? 1 : u == QLatin1Char('m') ? 60 : u == QLatin1Char('h') ? 3600
                        : u == QLatin1Char('d') ? 86400 : u == QLatin1Char('w') ? 604800 : 0;
        if (scale == 0)
            return -1;
        total += value * scale;
        value = 0;
        digits = false;
    }
    total += value;
    return total > std::numeric_limits<int>::max() ? -1 : int(total);
}

}

QString SshConfigFile::userSshDir()
{
    return SshTokens::homeDir() + QStringLiteral("/.ssh");
}

SshConfigFile SshConfigFile::load(const QString &path)
{
    SshConfigFile config;
    if (!path.isEmpty()) {
        config.read(path, true, 0);
    } else {
        config.read(userSshDir() + QStringLiteral("/config"), true, 0);
        config.read(QStringLiteral("/etc/ssh/ssh_config"), false, 0);
    }
    return config;
}

void SshConfigFile::read(const QString &path, bool userFile, int depth)
{
    if (depth > kMaxIncludeDepth || m_filesRead >= kMaxConfigFiles || m_bytesRead >= kMaxConfigBytes)
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    ++m_filesRead;
    const QByteArray bytes = f.read(kMaxConfigBytes - m_bytesRead);
    m_bytesRead += bytes.size();
    const QString text = QString::fromUtf8(bytes);
    for (const QString &rawLine : text.split(QLatin1Char('\n'))) {
        const std::optional<SshConfigLine> line = SshConfigLine::parse(rawLine);
        if (!line)
            continue;
        if (line->keyword == QLatin1String("host")) {
            m_directives.append(Directive{Directive::Kind::Host, {}, line->args});
        } else if (line->keyword == QLatin1String("match")) {
            m_directives.append(Directive{Directive::Kind::Match, {}, line->args});
        } else if (line->keyword == QLatin1String("include")) {
            for (QString inc : line->args) {
                inc = SshTokens::expandTilde(inc);
                if (!inc.startsWith(QLatin1Char('/')))
                    inc = (userFile ? userSshDir() : QStringLiteral("/etc/ssh")) + QLatin1Char('/') + inc;
                const QFileInfo incInfo(inc);
                const QDir dir = incInfo.dir();
                const QStringList names = dir.entryList({incInfo.fileName()}, QDir::Files, QDir::Name);
                for (const QString &name : names) {
                    m_directives.append(Directive{Directive::Kind::IncludeBegin, {}, {}});
                    read(dir.filePath(name), userFile, depth + 1);
                    m_directives.append(Directive{Directive::Kind::IncludeEnd, {}, {}});
                }
            }
        } else {
            m_directives.append(Directive{Directive::Kind::Option, line->keyword, line->args});
        }
    }
}

bool SshConfigFile::patternListMatches(const QStringList &patterns, const QString &name)
{
    // match_pattern_list(): a negated match excludes, else any positive match.
    bool matched = false;
    for (const QString &p : patterns) {
        const bool negated = p.startsWith(QLatin1Char('!'));
        if (KnownHosts::wildcardMatch(negated ? p.mid(1) : p, name)) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QString SshConfigFile::matchHost(const Obtained &obtained, const QString &alias)
{
    // Match host sees HostName (with %h expanded) once it is set.
    const auto it = obtained.first.constFind(QStringLiteral("hostname"));
    if (it == obtained.first.cend())
        return alias;
    return SshTokens::expandPercent(it->value(0), {{QLatin1Char('h'), alias}}, false);
}

bool SshConfigFile::matchApplies(const QStringList &args, const Obtained &obtained, const QString &alias,
                                 bool finalPass, QStringList &ignored, bool &wantFinal) const
{
    bool result = true;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString criterion = args.at(i).toLower();
        const bool negate = criterion.startsWith(QLatin1Char('!'));
        if (negate)
            criterion.remove(0, 1);
        bool r = false;
        if (criterion == QLatin1String("all")) {
            r = true;
        } else if (criterion == QLatin1String("canonical") || criterion == QLatin1String("final")) {
            if (criterion == QLatin1String("final"))
                wantFinal = true;
            r = finalPass;
        } else {
            if (i + 1 >= args.size())
                return false; // ssh rejects a criterion without its argument
            const QStringList patterns = args.at(++i).split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (criterion == QLatin1String("host")) {
                r = patternListMatches(patterns, matchHost(obtained, alias));
            } else if (criterion == QLatin1String("originalhost")) {
                r = patternListMatches(patterns, alias);
            } else if (criterion == QLatin1String("user")) {
                const QString user = obtained.first.value(QStringLiteral("user")).value(0);
                r = patternListMatches(patterns, user.isEmpty() ? SshTokens::localUser() : user);
            } else if (criterion == QLatin1String("localuser")) {
                r = patternListMatches(patterns, SshTokens::localUser());
            } else {
                const QString what = QStringLiteral("Match %1 %2").arg(criterion, args.at(i));
                if (!ignored.contains(what))
                    ignored.append(what);
                return false;
            }
        }
        if (r == negate)
            result = false;
    }
    return result;
}

void SshConfigFile::walk(Obtained &obtained, const QString &alias, bool finalPass) const
{
    bool active = true;
    QList<bool> saved;  // active at each open Include
    int neverMatch = 0; // open Includes read inside inactive blocks
    for (const Directive &d : m_directives) {
        switch (d.kind) {
        case Directive::Kind::Host:
            active = neverMatch == 0 && patternListMatches(d.args, alias);
            break;
        case Directive::Kind::Match:
            active = matchApplies(d.args, obtained, alias, finalPass, obtained.ignored, obtained.wantFinal)
                     && neverMatch == 0;
            break;
        case Directive::Kind::IncludeBegin:
            saved.append(active);
            if (!active)
                ++neverMatch;
            break;
        case Directive::Kind::IncludeEnd:
            active = saved.takeLast();
            if (!active)
                --neverMatch;
            break;
        case Directive::Kind::Option:
            if (!active)
                break;
            if (isAccumulating(d.keyword)) {
                QStringList &list = d.keyword == QLatin1String("identityfile") ? obtained.identityFiles
                                                                                : obtained.certificateFiles;
                if (!list.contains(d.args.at(0)))
                    list.append(d.args.at(0));
            } else if (!obtained.first.contains(d.keyword)) {
                obtained.first.insert(d.keyword, d.args);
            }
            break;
        }
    }
}

QString SshConfigFile::value(const QString &host, const QString &keyword) const
{
    Obtained obtained;
    walk(obtained, host, false);
    const QString key = keyword.toLower();
    if (isAccumulating(key))
        return (key == QLatin1String("identityfile") ? obtained.identityFiles : obtained.certificateFiles).value(0);
    return obtained.first.value(key).join(QLatin1Char(' '));
}

SshHostConfig SshConfigFile::resolve(const QString &alias, const QString &user, int port) const
{
    Obtained obtained;
    // What is typed is set before the config is read, so it wins.
    if (!user.isEmpty())
        obtained.first.insert(QStringLiteral("user"), {user});
    if (port > 0)
        obtained.first.insert(QStringLiteral("port"), {QString::number(port)});
    walk(obtained, alias, false);
    if (obtained.wantFinal) {
        if (obtained.first.contains(QStringLiteral("hostname")))
            obtained.first.insert(QStringLiteral("hostname"), {matchHost(obtained, alias)});
        walk(obtained, alias, true);
    }
    const auto first = [&](const char *key) { return obtained.first.value(QLatin1String(key)); };

    SshHostConfig c;
    c.alias = alias;
    c.ignored = obtained.ignored;
    c.hostName = matchHost(obtained, alias).toLower();
    bool ok = false;
    const int p = first("port").value(0).toInt(&ok);
    c.port = ok && p > 0 && p <= 65535 ? p : 22;
    c.user = first("user").value(0);
    if (c.user.isEmpty())
        c.user = SshTokens::localUser();
    c.identitiesOnly = flagValue(first("identitiesonly"), false);
    c.hashKnownHosts = flagValue(first("hashknownhosts"), false);
    const QString strict = first("stricthostkeychecking").value(0).toLower();
    if (strict == QLatin1String("yes") || strict == QLatin1String("true"))
        c.strictHostKeyChecking = SshHostConfig::StrictHostKeyChecking::Yes;
    else if (strict == QLatin1String("no") || strict == QLatin1String("false") || strict == QLatin1String("off"))
        c.strictHostKeyChecking = SshHostConfig::StrictHostKeyChecking::No;
    else if (strict == QLatin1String("accept-new"))
        c.strictHostKeyChecking = SshHostConfig::StrictHostKeyChecking::AcceptNew;
    const QString timeout = first("connecttimeout").value(0);
    if (timeout.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        const int s = seconds(timeout);
        c.connectTimeoutSeconds = s > 0 ? s : -1;
    }
    if (first("serveraliveinterval").size() > 0)
        c.serverAliveInterval = qMax(0, seconds(first("serveraliveinterval").value(0)));
    if (first("serveralivecountmax").size() > 0) {
        const int n = first("serveralivecountmax").value(0).toInt(&ok);
        if (ok && n >= 0)
            c.serverAliveCountMax = n;
    }
    c.proxyJump = first("proxyjump").value(0);
    if (c.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        c.proxyJump.clear();

    // The tokens of IdentityFile, CertificateFile and UserKnownHostsFile.
    const QString home = SshTokens::homeDir();
    const QString localHost = QHostInfo::localHostName();
    const QString jump = c.proxyJump;
    const QByteArray connection = (localHost + c.hostName + QString::number(c.port) + c.user + jump).toUtf8();
    const QString hostKeyAlias = first("hostkeyalias").value(0);
    const QHash<QChar, QString> tokens{
        {QLatin1Char('C'), QString::fromLatin1(QCryptographicHash::hash(connection, QCryptographicHash::Sha1).toHex())},
        {QLatin1Char('d'), home},
        {QLatin1Char('h'), c.hostName},
        {QLatin1Char('i'), QString::number(getuid())},
        {QLatin1Char('j'), jump},
        {QLatin1Char('k'), hostKeyAlias.isEmpty() ? alias : hostKeyAlias},
        {QLatin1Char('L'), localHost.section(QLatin1Char('.'), 0, 0)},
        {QLatin1Char('l'), localHost},
        {QLatin1Char('n'), alias},
        {QLatin1Char('p'), QString::number(c.port)},
        {QLatin1Char('r'), c.user},
        {QLatin1Char('u'), SshTokens::localUser()},
    };
    const auto expand = [&](const QString &path) {
        return SshTokens::expandPercent(SshTokens::expandTilde(path), tokens, true);
    };

    c.identityFilesConfigured = !obtained.identityFiles.isEmpty();
    c.identityFiles = c.identityFilesConfigured
                          ? obtained.identityFiles
                          : QStringList{QStringLiteral("~/.ssh/id_rsa"),        QStringLiteral("~/.ssh/id_ecdsa"),
                                        QStringLiteral("~/.ssh/id_ecdsa_sk"),   QStringLiteral("~/.ssh/id_ed25519"),
                                        QStringLiteral("~/.ssh/id_ed25519_sk"), QStringLiteral("~/.ssh/id_xmss")};
    for (const QString &f : std::as_const(c.identityFiles))
        c.identityFilesExpanded.append(expand(f));
    c.certificateFiles = obtained.certificateFiles;
    for (const QString &f : std::as_const(c.certificateFiles))
        c.certificateFilesExpanded.append(expand(f));
    QStringList userFiles = first("userknownhostsfile");
    if (userFiles.isEmpty())
        userFiles = {QStringLiteral("~/.ssh/known_hosts"), QStringLiteral("~/.ssh/known_hosts2")};
    if (userFiles.value(0).compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        for (const QString &f : std::as_const(userFiles))
            c.userKnownHostsFiles.append(expand(f));
    }
    c.globalKnownHostsFiles = first("globalknownhostsfile");
    if (c.globalKnownHostsFiles.isEmpty())
        c.globalKnownHostsFiles = {QStringLiteral("/etc/ssh/ssh_known_hosts"), QStringLiteral("/etc/ssh/ssh_known_hosts2")};
    else if (c.globalKnownHostsFiles.value(0).compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        c.globalKnownHostsFiles.clear();
    return c;
}

QStringList SshConfigFile::concreteHosts() const
{
    QStringList hosts;
    for (const Directive &d : m_directives) {
        if (d.kind != Directive::Kind::Host)
            continue;
        for (const QString &p : d.args) {
            if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) || p.startsWith(QLatin1Char('!')))
                continue;
            if (!hosts.contains(p))
                hosts.append(p);
        }
    }
    return hosts;
}
