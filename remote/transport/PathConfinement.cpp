#include "PathConfinement.h"

namespace PathConfinement {

bool isInside(const QString &resolvedPath, const QString &resolvedRoot)
{
    if (resolvedRoot == QLatin1String("/"))
        return resolvedPath.startsWith(QLatin1Char('/'));
    QString root = resolvedRoot;
    while (root.size() > 1 && root.endsWith(QLatin1Char('/')))
        root.chop(1);
    return resolvedPath.startsWith(root + QLatin1Char('/'));
}

QString escapeMessage(const QString &requested, const QString &resolved, const QString &root)
{
    return QStringLiteral("%1: refusing a symlink escape: it resolves to %2, outside %3").arg(requested, resolved, root);
}

}
