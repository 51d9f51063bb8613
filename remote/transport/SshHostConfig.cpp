#include "SshHostConfig.h"

QString SshHostConfig::strictName(StrictHostKeyChecking value)
{
    switch (value) {
    case StrictHostKeyChecking::Yes:
        return QStringLiteral("true");
    case StrictHostKeyChecking::AcceptNew:
        return QStringLiteral("accept-new");
    case StrictHostKeyChecking::No:
        return QStringLiteral("false");
    case StrictHostKeyChecking::Ask:
        break;
    }
    return QStringLiteral("ask");
}
