#include "Requirement.h"

#include <QStandardPaths>

#include <unistd.h>

namespace TestEnv {

QString projectEnvironment()
{
    return qEnvironmentVariable("CASEBOOK_IN_ENV");
}

bool insideProjectEnvironment()
{
    return !projectEnvironment().isEmpty();
}

QString tool(const char *name)
{
    const QString onPath = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (!onPath.isEmpty())
        return onPath;
    // A non-root PATH often lacks the sbin directories (tcpdump, iptables, rpcbind).
    return QStandardPaths::findExecutable(QString::fromLatin1(name), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

bool isRoot()
{
    return ::geteuid() == 0;
}

QByteArray unmetRequirement(const QString &what)
{
    if (insideProjectEnvironment())
        return QStringLiteral("missing inside the project environment (CASEBOOK_IN_ENV=%1), which provides it: %2")
            .arg(projectEnvironment(), what)
            .toUtf8();
    return QStringLiteral("needs %1; skipped outside the project environment (tools/dev test fails instead)").arg(what).toUtf8();
}

QByteArray limitation(const QString &what)
{
    return QStringLiteral("limitation of this machine, not a missing package: %1").arg(what).toUtf8();
}

}
