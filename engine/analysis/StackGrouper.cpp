#include "StackGrouper.h"

#include "procfs/StackFrames.h"

#include <QHash>
#include <algorithm>

QString StackGrouper::keyOf(const ProcTask &t, const Options &o, QStringList *frames)
{
    const QStringList norm = StackFrames::normalizeAll(t.stackRaw, o.keepOffsets);
    if (frames)
        *frames = norm;
    if (norm.isEmpty())
        return QStringLiteral("no-stack:") + (t.stackStatus.isEmpty() ? QStringLiteral("unknown") : t.stackStatus);
    if (!o.keepOffsets && !t.stackSignature.isEmpty())
        return t.stackSignature;
    return StackFrames::signature(norm);
}

bool StackGrouper::wasRead(const ProcTask &t)
{
    return t.stackStatus == QLatin1String("ok") || t.stackStatus == QLatin1String("empty") || t.stackStatus.isEmpty();
}

QString StackGrouper::notReadLabel(const QString &stackStatus)
{
    if (stackStatus == QLatin1String("not-permitted"))
        return QStringLiteral("not read (permission)");
    if (stackStatus == QLatin1String("vanished"))
        return QStringLiteral("not read (vanished)");
    return QStringLiteral("not read (error)");
}

QMap<QString, int> StackGrouper::notRead(const QList<ProcTask> &tasks)
{
    QMap<QString, int> out;
    for (const ProcTask &t : tasks)
        if (!wasRead(t))
            ++out[notReadLabel(t.stackStatus)];
    return out;
}

QList<StackGroup> StackGrouper::group(const QList<ProcTask> &tasks, const Options &o)
{
    QHash<QString, qsizetype> index;
    QList<StackGroup> groups;
    for (const ProcTask &t : tasks) {
        if (!wasRead(t))
            continue;
        QStringList frames;
        const QString key = keyOf(t, o, &frames);
        if (!o.includeNoStack && key.startsWith(QLatin1String("no-stack:")))
            continue;
        auto it = index.constFind(key);
        if (it == index.cend()) {
            StackGroup g;
            g.signature = key;
            g.frames = frames;
            g.stackId = o.keepOffsets ? 0 : t.stackId;
            it = index.insert(key, groups.size());
            groups.append(g);
        }
        StackGroup &g = groups[*it];
        ++g.count;
        g.taskIds.append(t.id);
        g.tids.append(t.tid);
        ++g.comms[t.comm];
        ++g.wchans[t.wchan.isEmpty() ? QStringLiteral("-") : t.wchan];
        ++g.states[t.state];
    }
    std::stable_sort(groups.begin(), groups.end(), [](const StackGroup &a, const StackGroup &b) {
        return a.count != b.count ? a.count > b.count : a.signature < b.signature;
    });
    return groups;
}
