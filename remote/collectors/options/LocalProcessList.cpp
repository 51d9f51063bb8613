#include "LocalProcessList.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace LocalProcessList {

LocalProcess parseStat(const QByteArray &line)
{
    // pid (name) state ppid ...; the name may hold ')' and spaces, so it
    // ends at the LAST ')'.
    LocalProcess p;
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open <= 0 || close < open)
        return {};
    bool ok = false;
    const qint64 pid = line.left(open).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0)
        return {};
    const QList<QByteArray> rest = line.mid(close + 1).simplified().split(' ');
    if (rest.size() < 2 || rest.at(0).size() != 1)
        return {};
    p.pid = pid;
    p.name = QString::fromUtf8(line.mid(open + 1, close - open - 1).left(64));
    p.state = QLatin1Char(rest.at(0).at(0));
    p.ppid = rest.at(1).toLongLong();
    return p;
}

QList<LocalProcess> read(const CancelToken &cancel, const QString &procRoot, int limit)
{
    QList<LocalProcess> out;
    const QStringList entries = QDir(procRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (cancel.isCancelled() || out.size() >= limit)
            break;
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(procRoot + QLatin1Char('/') + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // it exited meanwhile
        const LocalProcess p = parseStat(stat.read(4096));
        if (p.pid > 0)
            out << p;
    }
    std::sort(out.begin(), out.end(), [](const LocalProcess &a, const LocalProcess &b) { return a.pid < b.pid; });
    return out;
}

}
