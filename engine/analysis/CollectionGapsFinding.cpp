#include "CollectionGapsFinding.h"

#include "casefile/FindingStore.h"
#include "casefile/SqliteTransaction.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace {

const QString kKind = QStringLiteral("collection-gaps");

// what -> largest count of one sample (summed over the reasons that make it partial).
QMap<QString, qint64> countsByWhat(const QList<CollectionGap> &gaps)
{
    QMap<QPair<QString, qint64>, qint64> perSample;
    for (const CollectionGap &g : gaps)
        if (g.makesPartial())
            perSample[{g.what, g.snapshotId}] += g.count;
    QMap<QString, qint64> out;
    for (auto it = perSample.cbegin(); it != perSample.cend(); ++it)
        out[it.key().first] = qMax(out.value(it.key().first), it.value());
    return out;
}

bool hasReason(const QList<CollectionGap> &gaps, const QString &reason)
{
    return std::any_of(gaps.cbegin(), gaps.cend(), [&](const CollectionGap &g) { return g.reason == reason; });
}

QString joinAnd(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
}

}

bool CollectionGapsFinding::anyPartial(const QList<CollectionGap> &gaps)
{
    return std::any_of(gaps.cbegin(), gaps.cend(), [](const CollectionGap &g) { return g.makesPartial(); });
}

QString CollectionGapsFinding::describe(const QString &what, qint64 count)
{
    static const QMap<QString, QPair<QString, QString>> nouns{
        {QStringLiteral("kernel-stack"), {QStringLiteral("kernel stack"), QStringLiteral("kernel stacks")}},
        {QStringLiteral("fd-table"), {QStringLiteral("fd table"), QStringLiteral("fd tables")}},
        {QStringLiteral("pid-namespace"), {QStringLiteral("pid namespace"), QStringLiteral("pid namespaces")}},
        {QStringLiteral("cmdline"), {QStringLiteral("command line"), QStringLiteral("command lines")}},
        {QStringLiteral("task-stat"), {QStringLiteral("task stat file"), QStringLiteral("task stat files")}},
        {QStringLiteral("task-status"), {QStringLiteral("task status file"), QStringLiteral("task status files")}},
        {QStringLiteral("task-owner"), {QStringLiteral("task owner"), QStringLiteral("task owners")}},
        {QStringLiteral("schedstat"), {QStringLiteral("schedstat file"), QStringLiteral("schedstat files")}},
        {QStringLiteral("fdinfo"), {QStringLiteral("fdinfo read"), QStringLiteral("fdinfo reads")}},
        {QStringLiteral("fd-targets"), {QStringLiteral("list of involved processes cut at its bound"),
                                        QStringLiteral("lists of involved processes cut at their bound")}},
        {QStringLiteral("file-locks"), {QStringLiteral("read of /proc/locks"), QStringLiteral("reads of /proc/locks")}},
        {QStringLiteral("task-cgroup"), {QStringLiteral("thread cgroup read"), QStringLiteral("thread cgroup reads")}},
        {QStringLiteral("cgroup-memory"), {QStringLiteral("cgroup memory file"), QStringLiteral("cgroup memory files")}},
    };
    if (what == QLatin1String("kernel-log"))
        return QStringLiteral("the kernel log");
    if (what == QLatin1String("output"))
        return QStringLiteral("the end of the output");
    const auto it = nouns.constFind(what);
    const QString noun = it != nouns.cend() ? (count == 1 ? it->first : it->second)
                                            : what + (count == 1 ? QStringLiteral(" file") : QStringLiteral(" files"));
    return QStringLiteral("%1 %2").arg(count).arg(noun);
}

QString CollectionGapsFinding::title(const ReadAs &readAs, const QList<CollectionGap> &gaps)
{
    QStringList items;
    const QMap<QString, qint64> counts = countsByWhat(gaps);
    // Stacks first: the D-state triage rests on them.
    if (counts.contains(QStringLiteral("kernel-stack")))
        items.append(describe(QStringLiteral("kernel-stack"), counts.value(QStringLiteral("kernel-stack"))));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.key() != QLatin1String("kernel-stack"))
            items.append(describe(it.key(), it.value()));
    const bool root = readAs.uid == 0;
    QString who = readAs.name.isEmpty() ? (readAs.uid >= 0 ? QStringLiteral("uid %1").arg(readAs.uid) : QString()) : readAs.name;
    QString t = who.isEmpty() ? QStringLiteral("collected with gaps: ")
                              : QStringLiteral("collected as %1%2: ").arg(who, root || readAs.uid < 0 ? QString() : QStringLiteral(" without root"));
    t += QStringLiteral("%1 unreadable").arg(joinAnd(items));
    QStringList remedies;
    if (hasReason(gaps, QStringLiteral("not-permitted")))
        remedies.append(root ? QStringLiteral("the host denies even root (a container, an LSM or lockdown)")
                             : QStringLiteral("rerun with --sudo"));
    if (hasReason(gaps, QStringLiteral("timed-out")))
        remedies.append(QStringLiteral("steps timed out: the host may itself be stuck"));
    if (!remedies.isEmpty())
        t += QStringLiteral("; ") + remedies.join(QStringLiteral("; "));
    return t;
}

int CollectionGapsFinding::write(qint64 hostId, qint64 collectionId, const ReadAs &readAs, const QList<CollectionGap> &gaps)
{
    FindingStore findings(m_db);
    SqliteTransaction tx(m_db);
    findings.supersedeFor(collectionId, {kKind});
    if (!anyPartial(gaps)) {
        tx.commit();
        return 0;
    }
    Finding f;
    f.hostId = hostId;
    f.collectionId = collectionId;
    f.kind = kKind;
    f.severity = QStringLiteral("medium");
    f.atUs = TimeUtil::nowUs();
    f.title = title(readAs, gaps);
    QStringList lines;
    QJsonArray list;
    for (const CollectionGap &g : gaps) {
        lines.append(QStringLiteral("%1: %2 %3%4").arg(g.what, QString::number(g.count), g.reason,
                                                         g.detail.isEmpty() ? QString() : QStringLiteral(" (e.g. %1)").arg(g.detail)));
        list.append(QJsonObject{{QStringLiteral("what"), g.what}, {QStringLiteral("reason"), g.reason},
                                {QStringLiteral("count"), g.count}, {QStringLiteral("snapshot_id"), g.snapshotId},
                                {QStringLiteral("detail"), g.detail}});
    }
    QString detail = QStringLiteral("Not read: %1.").arg(lines.join(QStringLiteral("; ")));
    const QMap<QString, qint64> counts = countsByWhat(gaps);
    if (counts.contains(QStringLiteral("kernel-stack")))
        detail += QStringLiteral(" Tasks whose kernel stack was not read are shown as \"not read\" apart from the stack groups, "
                                 "never as a stack of their own.");
    if (counts.contains(QStringLiteral("fd-table")))
        detail += QStringLiteral(" Without their fd tables, the sockets those processes hold are unknown: a zombie holding "
                                 "a port among them cannot be found.");
    f.detail = detail;
    f.data = QJsonObject{{QStringLiteral("read_as"), readAs.name}, {QStringLiteral("uid"), readAs.uid},
                         {QStringLiteral("gaps"), list}};
    findings.add(f);
    tx.commit();
    return 1;
}
