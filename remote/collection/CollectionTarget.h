#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One host to collect from, as the user named it ('local', an ssh_config
// alias, [user@]host[:port]). What applies to one host only travels here;
// privilege (--sudo, a hosts file's become=) is in SshOptions::becomeByHost.
struct CollectionTarget
{
    QString host;

    static QList<CollectionTarget> fromHosts(const QStringList &hosts)
    {
        QList<CollectionTarget> targets;
        targets.reserve(hosts.size());
        for (const QString &h : hosts)
            targets.append(CollectionTarget{h});
        return targets;
    }
};
