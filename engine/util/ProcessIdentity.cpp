#include "ProcessIdentity.h"

#include <QFile>
#include <QSysInfo>

#include <unistd.h>

QString ProcessIdentity::startTimeOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    // comm may contain ')' and spaces: fields start after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); starttime is field 22.
    if (fields.size() < 20)
        return {};
    return QString::fromLatin1(fields.at(19));
}

ProcessIdentity ProcessIdentity::current()
{
    ProcessIdentity id;
    id.pid = ::getpid();
    id.startTime = startTimeOf(id.pid);
    id.machine = QSysInfo::machineHostName();
    return id;
}

bool ProcessIdentity::isAlive() const
{
    if (pid <= 0 || machine != QSysInfo::machineHostName())
        return false;
    const QString now = startTimeOf(pid);
    return !now.isEmpty() && now == startTime;
}
