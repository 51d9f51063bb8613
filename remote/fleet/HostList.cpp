#include "HostList.h"

#include "transport/SshConfigFile.h"
#include "trust/KnownHosts.h"
#include "util/CaseError.h"

#include <QFile>

namespace HostList {

QStringList resolve(const QStringList &args, const QString &hostsFile, const QString &sshConfigFile)
{
    QStringList names = args;
    if (!hostsFile.isEmpty()) {
        QFile f(hostsFile);
        if (!f.open(QIODevice::ReadOnly))
            throw CaseError(QStringLiteral("cannot read hosts file %1: %2").arg(hostsFile, f.errorString()));
        for (const QByteArray &raw : f.read(16 << 20).split('\n')) {
            QString line = QString::fromUtf8(raw);
            const qsizetype hash = line.indexOf(QLatin1Char('#'));
            if (hash >= 0)
                line.truncate(hash);
            for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                names.append(word.trimmed());
        }
    }
    QStringList hosts;
    bool haveConfig = false;
    SshConfigFile config;
    for (const QString &name : std::as_const(names)) {
        if (name.isEmpty())
            continue;
        if (name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?'))) {
            if (!haveConfig) {
                config = SshConfigFile::load(sshConfigFile);
                haveConfig = true;
            }
            int matched = 0;
            for (const QString &h : config.concreteHosts()) {
                if (KnownHosts::wildcardMatch(name, h)) {
                    ++matched;
                    if (!hosts.contains(h))
                        hosts.append(h);
                }
            }
            if (matched == 0)
                throw CaseError(QStringLiteral("the pattern '%1' matches no Host in the ssh config").arg(name));
        } else if (!hosts.contains(name)) {
            hosts.append(name);
        }
    }
    return hosts;
}

}
