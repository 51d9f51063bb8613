#include "BlockerNodes.h"

#include <QJsonArray>

QString BlockerNodes::taskKey(qint64 tid)
{
    return QStringLiteral("task:%1").arg(tid);
}

QString BlockerNodes::processKey(qint64 pid)
{
    return QStringLiteral("process:%1").arg(pid);
}

EvidenceRef BlockerNodes::taskRef(const ProcTask &t)
{
    return EvidenceRef{QStringLiteral("task"), t.id, QStringLiteral("%1/%2 %3").arg(t.pid).arg(t.tid).arg(t.comm)};
}

int BlockerNodes::ensureTask(WaitsForGraph &graph, const ProcTask &t)
{
    const QString key = taskKey(t.tid);
    const bool isNew = graph.find(key) < 0;
    const int i = graph.ensureNode(key, QStringLiteral("task"),
                                   t.pid == t.tid ? QStringLiteral("%1 (%2)").arg(t.comm).arg(t.pid)
                                                  : QStringLiteral("%1 (%2/%3)").arg(t.comm).arg(t.pid).arg(t.tid));
    if (isNew) {
        BlockerNode &n = graph.node(i);
        QStringList frames;
        for (const QString &f : t.stackRaw)
            frames.append(f.section(QLatin1Char(']'), 1).trimmed().section(QLatin1Char('+'), 0, 0));
        n.data = QJsonObject{{QStringLiteral("pid"), t.pid},
                             {QStringLiteral("tid"), t.tid},
                             {QStringLiteral("comm"), t.comm},
                             {QStringLiteral("state"), t.isZombieInDisguise() ? QStringLiteral("Z") : t.state},
                             {QStringLiteral("wchan"), t.wchan},
                             {QStringLiteral("stack_signature"), t.stackSignature},
                             {QStringLiteral("frames"), QJsonArray::fromStringList(frames.mid(0, 40))},
                             {QStringLiteral("task_id"), t.id}};
        n.detail = QStringLiteral("state %1, wchan %2").arg(t.state, t.wchan.isEmpty() ? QStringLiteral("-") : t.wchan);
        graph.addNodeEvidence(i, taskRef(t));
    }
    return i;
}

QString BlockerNodes::subsystemOf(const QString &function)
{
    QString f = function;
    while (f.startsWith(QLatin1Char('_')))
        f.remove(0, 1);
    return f.section(QLatin1Char('_'), 0, 0);
}

QString BlockerNodes::memoryCgroupOf(const QString &cgroupText)
{
    if (cgroupText.startsWith(QLatin1Char('/')))
        return cgroupText.section(QLatin1Char('\n'), 0, 0); // already a path (procfs_tasks.cgroup)
    QString v2;
    for (const QString &line : cgroupText.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString controllers = line.section(QLatin1Char(':'), 1, 1);
        const QString path = line.section(QLatin1Char(':'), 2);
        if (controllers.split(QLatin1Char(',')).contains(QLatin1String("memory")))
            return path;
        if (line.startsWith(QLatin1String("0::")))
            v2 = path;
    }
    return v2;
}
