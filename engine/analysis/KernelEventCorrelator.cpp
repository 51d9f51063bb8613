#include "KernelEventCorrelator.h"

#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteTransaction.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "util/TimeUtil.h"

#include <QRegularExpression>
#include <limits>

int KernelEventCorrelator::run(qint64 hostId)
{
    SqliteTransaction tx(m_db);
    FindingStore findings(m_db);
    const QStringList kinds{QStringLiteral("kernel-event-task")};
    for (const CollectionRecord &c : CollectionStore(m_db).forHost(hostId))
        if (c.kind == QLatin1String("kernel-log"))
            findings.supersedeFor(c.id, kinds);
    const auto snap = SnapshotStore(m_db).latest(hostId);
    if (!snap) {
        tx.commit();
        return 0;
    }
    static const QRegularExpression pidRe(QStringLiteral("pid ([0-9]+) \\((.*)\\)"));
    int written = 0;
    for (const TimelineEvent &e : EventStore(m_db).range(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                                                         hostId, QStringLiteral("kernel-log"))) {
        const auto m = pidRe.match(e.summary);
        if (!m.hasMatch())
            continue;
        const QList<ProcTask> found = TaskQuery(m_db).snapshot(snap->id).tid(m.captured(1).toLongLong()).run();
        if (found.isEmpty() || (!m.captured(2).isEmpty() && found.first().comm != m.captured(2)))
            continue;
        const ProcTask &t = found.first();
        Finding f;
        f.hostId = hostId;
        f.collectionId = e.collectionId;
        f.kind = QStringLiteral("kernel-event-task");
        f.atUs = e.atUs;
        f.severity = e.kind == QLatin1String("hung-task") || e.kind == QLatin1String("oom-kill") ? QStringLiteral("high")
                                                                                                 : QStringLiteral("medium");
        f.title = QStringLiteral("Kernel %1 for %2 (tid %3); snapshot %4 shows it in state %5%6")
                      .arg(e.kind, t.comm).arg(t.tid).arg(snap->id).arg(t.statusState == QLatin1String("Z") ? QStringLiteral("Z") : t.state,
                           t.wchan.isEmpty() ? QString() : QStringLiteral(" at %1").arg(t.wchan));
        f.detail = QStringLiteral("%1 at %2: %3").arg(e.kind, TimeUtil::isoUtc(e.atUs), e.summary);
        f.data = QJsonObject{{QStringLiteral("event_id"), e.id}, {QStringLiteral("event_kind"), e.kind},
                             {QStringLiteral("pid"), t.pid}, {QStringLiteral("tid"), t.tid}, {QStringLiteral("comm"), t.comm},
                             {QStringLiteral("state"), t.state}, {QStringLiteral("snapshot_id"), snap->id}};
        f.evidence.append({QStringLiteral("kernel-event"), e.id, e.summary.left(80)});
        f.evidence.append({QStringLiteral("task"), t.id, QStringLiteral("%1/%2 %3").arg(t.pid).arg(t.tid).arg(t.comm)});
        if (t.stackId)
            f.evidence.append({QStringLiteral("stack"), t.stackId, t.stackSignature});
        findings.add(f);
        ++written;
    }
    tx.commit();
    return written;
}
