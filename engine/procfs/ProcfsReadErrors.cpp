#include "ProcfsReadErrors.h"

#include <QMap>
#include <QSet>

namespace {

// "grep: PATH: MESSAGE", "find: 'PATH': MESSAGE", "sed: read error on PATH: MESSAGE".
bool splitError(QByteArrayView line, QByteArrayView *path, QByteArrayView *message)
{
    const qsizetype colon = line.indexOf(": ");
    if (colon < 0)
        return false;
    QByteArrayView rest = line.mid(colon + 2);
    if (rest.startsWith("read error on "))
        rest = rest.mid(14);
    qsizetype end = -1;
    if (rest.startsWith('\'')) {
        end = rest.indexOf("': ");
        if (end < 0)
            return false;
        *path = rest.mid(1, end - 1);
        *message = rest.mid(end + 3);
        return true;
    }
    end = rest.lastIndexOf(": ");
    if (end < 0)
        return false;
    *path = rest.left(end);
    *message = rest.mid(end + 2);
    return true;
}

bool isTaskPath(QByteArrayView path)
{
    return !path.isEmpty() && path[0] >= '0' && path[0] <= '9';
}

}

QString ProcfsReadErrors::reasonOf(QByteArrayView path, QByteArrayView message)
{
    if (message.contains("ermission denied") || message.contains("not permitted"))
        return QStringLiteral("not-permitted");
    if (message.contains("No such process") || (message.contains("No such file") && isTaskPath(path)))
        return QStringLiteral("vanished");
    if (message.contains("No such file"))
        return QStringLiteral("missing");
    return QStringLiteral("unreadable");
}

QString ProcfsReadErrors::whatOf(QByteArrayView section, QByteArrayView path)
{
    if (section == "STACK")
        return QStringLiteral("kernel-stack");
    if (section == "LINKS")
        return path.endsWith("/ns/pid") ? QStringLiteral("pid-namespace") : QStringLiteral("fd-table");
    static const QHash<QByteArray, QString> names{
        {"TASKSTAT", QStringLiteral("task-stat")}, {"TASKSTATUS", QStringLiteral("task-status")},
        {"WCHAN", QStringLiteral("wchan")},        {"CGROUP", QStringLiteral("cgroup")},
        {"CMDLINE", QStringLiteral("cmdline")},    {"UIDS", QStringLiteral("task-owner")},
        {"SCHEDSTAT", QStringLiteral("schedstat")}, {"LOCKS", QStringLiteral("file-locks")},
        {"FDINFO", QStringLiteral("fdinfo")},       {"INVOLVED", QStringLiteral("fd-targets")},
        {"TASKCGROUP", QStringLiteral("task-cgroup")}, {"TASKCGROUPMEM", QStringLiteral("cgroup-memory")}};
    const auto it = names.constFind(section.toByteArray());
    return it != names.cend() ? *it : QString::fromLatin1(section.toByteArray().toLower());
}

QList<CollectionGap> ProcfsReadErrors::gaps(const QHash<QByteArray, QByteArray> &errorsBySection)
{
    struct Count
    {
        QSet<QByteArray> paths;
        qint64 lines = 0;
        QString detail;
    };
    QMap<QPair<QString, QString>, Count> counts; // (what, reason)
    for (auto it = errorsBySection.cbegin(); it != errorsBySection.cend(); ++it) {
        for (const QByteArray &raw : it.value().split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty())
                continue;
            QByteArrayView path, message;
            QString what, reason;
            if (line.startsWith("casebook: timed out after ")) {
                what = whatOf(it.key(), {});
                reason = QStringLiteral("timed-out");
            } else if (line.startsWith("casebook: capped: ")) {
                // "casebook: capped: WHAT: DETAIL": the script read up to a bound and left the rest.
                const QByteArray rest = line.mid(18);
                const qsizetype colon = rest.indexOf(':');
                what = colon > 0 && colon <= 32 ? QString::fromLatin1(rest.left(colon)) : whatOf(it.key(), {});
                reason = QStringLiteral("cut");
            } else if (splitError(line, &path, &message)) {
                what = whatOf(it.key(), path);
                reason = reasonOf(path, message);
            } else {
                what = whatOf(it.key(), {});
                reason = QStringLiteral("unreadable");
            }
            Count &c = counts[{what, reason}];
            if (c.detail.isEmpty())
                c.detail = QString::fromUtf8(line.left(300));
            if (path.isEmpty())
                ++c.lines;
            else
                c.paths.insert(path.toByteArray());
        }
    }
    QList<CollectionGap> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({0, it.key().first, it.key().second, it->paths.size() + it->lines, it->detail});
    return out;
}
