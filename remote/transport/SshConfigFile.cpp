#include "SshConfigFile.h"

#include "trust/KnownHosts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <pwd.h>
#include <unistd.h>

namespace {
constexpr int kMaxIncludeDepth = 16;
constexpr int kMaxConfigBytes = 4 << 20;
}

QString SshConfigFile::userSshDir()
{
    const passwd *pw = getpwuid(getuid());
    const QString home = pw && pw->pw_dir ? QFile::decodeName(pw->pw_dir) : QDir::homePath();
    return home + QStringLiteral("/.ssh");
}

SshConfigFile SshConfigFile::load(const QString &path)
{
    SshConfigFile config;
    if (!path.isEmpty()) {
        config.read(path, true, 0, {QStringLiteral("*")}, true);
    } else {
        config.read(userSshDir() + QStringLiteral("/config"), true, 0, {QStringLiteral("*")}, true);
        config.read(QStringLiteral("/etc/ssh/ssh_config"), false, 0, {QStringLiteral("*")}, true);
    }
    return config;
}

void SshConfigFile::read(const QString &path, bool userFile, int depth, QStringList patterns, bool matchAll)
{
    if (depth > kMaxIncludeDepth)
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QString text = QString::fromUtf8(f.read(kMaxConfigBytes));
    static const QRegularExpression split(QStringLiteral("^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)$"));
    for (const QString &rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QRegularExpressionMatch m = split.match(line);
        if (!m.hasMatch())
            continue;
        const QString keyword = m.captured(1).toLower();
        QString value = m.captured(2).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        if (keyword == QLatin1String("host")) {
            patterns = value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            matchAll = false;
        } else if (keyword == QLatin1String("match")) {
            const QStringList words = value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (words.value(0).compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
                patterns = {QStringLiteral("*")};
                matchAll = true;
            } else if (words.value(0).compare(QLatin1String("host"), Qt::CaseInsensitive) == 0 && words.size() == 2) {
                patterns = words.at(1).split(QLatin1Char(','));
                matchAll = false;
            } else {
                patterns = {}; // unsupported criteria: never applies
                matchAll = false;
            }
        } else if (keyword == QLatin1String("include")) {
            for (QString inc : value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
                if (inc.startsWith(QLatin1String("~/")))
                    inc = QFileInfo(userSshDir()).path() + inc.mid(1);
                else if (!inc.startsWith(QLatin1Char('/')))
                    inc = (userFile ? userSshDir() : QStringLiteral("/etc/ssh")) + QLatin1Char('/') + inc;
                const QFileInfo incInfo(inc);
                QDir dir = incInfo.dir();
                const QStringList names = dir.entryList({incInfo.fileName()}, QDir::Files, QDir::Name);
                for (const QString &name : names)
                    read(dir.filePath(name), userFile, depth + 1, patterns, matchAll);
            }
        } else {
            m_entries.append(Entry{patterns, matchAll, keyword, value});
        }
    }
}

bool SshConfigFile::blockApplies(const Entry &entry, const QString &host)
{
    if (entry.matchAll)
        return true;
    bool matched = false;
    for (const QString &p : entry.patterns) {
        const bool negated = p.startsWith(QLatin1Char('!'));
        if (KnownHosts::wildcardMatch(negated ? p.mid(1) : p, host)) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QString SshConfigFile::value(const QString &host, const QString &keyword) const
{
    const QString key = keyword.toLower();
    for (const Entry &e : m_entries) {
        if (e.keyword == key && blockApplies(e, host))
            return e.value;
    }
    return {};
}

QStringList SshConfigFile::concreteHosts() const
{
    QStringList hosts;
    for (const Entry &e : m_entries) {
        if (e.matchAll)
            continue;
        for (const QString &p : e.patterns) {
            if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) || p.startsWith(QLatin1Char('!')))
                continue;
            if (!hosts.contains(p))
                hosts.append(p);
        }
    }
    return hosts;
}
