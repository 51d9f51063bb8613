#include "HostList.h"

#include "transport/SshConfigFile.h"
#include "trust/KnownHosts.h"
#include "util/CaseError.h"

#include <QFile>

namespace HostList {

QStringList resolve(const QStringList &args, const QString &hostsFile, const QString &sshConfigFile,
                    QHash<QString, BecomeOptions> *become)
{
    QStringList names = args;
    QHash<QString, BecomeOptions> becomeByName; // as written (a name or a pattern)
    if (!hostsFile.isEmpty()) {
        QFile f(hostsFile);
        if (!f.open(QIODevice::ReadOnly))
            throw CaseError(QStringLiteral("cannot read hosts file %1: %2").arg(hostsFile, f.errorString()));
        for (const QByteArray &raw : f.read(16 << 20).split('\n')) {
            QString line = QString::fromUtf8(raw);
            const qsizetype hash = line.indexOf(QLatin1Char('#'));
            if (hash >= 0)
                line.truncate(hash);
            QString previous;
            for (const QString &raw : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const QString word = raw.trimmed();
                if (!word.startsWith(QLatin1String("become="))) {
                    names.append(word);
                    previous = word;
                    continue;
                }
                BecomeOptions b;
                if (!become)
                    throw CaseError(QStringLiteral("hosts file %1: \"%2\" is not used by this command").arg(hostsFile, word));
                if (previous.isEmpty())
                    throw CaseError(QStringLiteral("hosts file %1: \"%2\" must follow a host on its line").arg(hostsFile, word));
                if (!BecomeOptions::parseMethod(word.mid(7), &b.method))
                    throw CaseError(QStringLiteral("hosts file %1: \"%2\": become= takes sudo, doas or none").arg(hostsFile, word));
                becomeByName.insert(previous, b);
            }
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
                    if (become && becomeByName.contains(name) && !become->contains(h))
                        become->insert(h, becomeByName.value(name));
                    if (!hosts.contains(h))
                        hosts.append(h);
                }
            }
            if (matched == 0)
                throw CaseError(QStringLiteral("the pattern '%1' matches no Host in the ssh config").arg(name));
        } else {
            if (!hosts.contains(name))
                hosts.append(name);
            if (become && becomeByName.contains(name))
                become->insert(name, becomeByName.value(name));
        }
    }
    return hosts;
}

}
