#include "BlockerEvidence.h"

qint64 FdTarget::bracketInode() const
{
    const qsizetype lb = target.indexOf(QLatin1Char('['));
    if (lb < 0 || !target.endsWith(QLatin1Char(']')))
        return -1;
    bool ok = false;
    const qint64 v = QStringView(target).mid(lb + 1, target.size() - lb - 2).toLongLong(&ok);
    return ok && v >= 0 ? v : -1;
}

QString FdTarget::kindOf(const QString &target)
{
    if (target == QLatin1String("/dev/fuse"))
        return QStringLiteral("fuse-device");
    if (target.startsWith(QLatin1String("socket:[")))
        return QStringLiteral("socket");
    if (target.startsWith(QLatin1String("pipe:[")))
        return QStringLiteral("pipe");
    if (target.startsWith(QLatin1String("anon_inode:")))
        return QStringLiteral("anon-inode");
    if (target.startsWith(QLatin1Char('/')))
        return target.endsWith(QLatin1String(" (deleted)")) ? QStringLiteral("deleted") : QStringLiteral("path");
    return QStringLiteral("other");
}

bool TaskSched::maskHas(const QString &hexMask, int sig)
{
    if (sig < 1 || sig > 64 || hexMask.isEmpty() || hexMask.size() > 16)
        return false;
    bool ok = false;
    const quint64 m = hexMask.toULongLong(&ok, 16);
    return ok && (m >> (sig - 1)) & 1u;
}
