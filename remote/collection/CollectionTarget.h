#pragma once

#include "HostPrivilege.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// One host to collect from, as the user named it ('local', an ssh_config
// alias, [user@]host[:port]), with what applies to that host only.
struct CollectionTarget
{
    QString host;
    std::optional<HostPrivilege> privilege; // none: run as the login user

    static QList<CollectionTarget> fromHosts(const QStringList &hosts)
    {
        QList<CollectionTarget> targets;
        targets.reserve(hosts.size());
        for (const QString &h : hosts)
            targets.append(CollectionTarget{h, std::nullopt});
        return targets;
    }
};
