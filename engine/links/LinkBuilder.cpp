#include "LinkBuilder.h"

#include "procfs/ProcTask.h"

#include <QRegularExpression>

namespace LinkBuilder {

EvidenceRef ref(LinkKind kind, qint64 id, const QString &label)
{
    return EvidenceRef{LinkKinds::name(kind), id, label};
}

EvidenceRef task(const ProcTask &t)
{
    return ref(LinkKind::Task, t.id, QStringLiteral("%1/%2 %3").arg(t.pid).arg(t.tid).arg(t.comm));
}

QString text(LinkKind kind, const QString &target)
{
    return QStringLiteral("[[%1:%2]]").arg(LinkKinds::name(kind), target);
}

bool isLinkableHostName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9._:-]{1,100}$)"));
    bool numeric = false;
    name.toLongLong(&numeric);
    return !numeric && re.match(name).hasMatch();
}

QString taskTarget(const QString &hostName, qint64 snapshotId, qint64 tid)
{
    if (isLinkableHostName(hostName))
        return QStringLiteral("%1/%2/%3").arg(hostName).arg(snapshotId).arg(tid);
    return QStringLiteral("%1/%2").arg(snapshotId).arg(tid);
}

QString stackTarget(qint64 stackId, qint64 snapshotId)
{
    return snapshotId ? QStringLiteral("%1@%2").arg(stackId).arg(snapshotId) : QString::number(stackId);
}

}
