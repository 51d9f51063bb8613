#include "StackDiffTarget.h"

#include "StackGrouper.h"
#include "casefile/HostStore.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "util/CaseError.h"

namespace {
qint64 snapshotOf(SqliteDatabase &db, const QString &part, qint64 *hostId)
{
    SnapshotStore store(db);
    if (part.isEmpty() || part == QLatin1String("latest")) {
        const SnapshotInfo s = store.resolve(0);
        *hostId = s.hostId;
        return s.id;
    }
    bool numeric = false;
    const qint64 id = part.toLongLong(&numeric);
    if (numeric) {
        const SnapshotInfo s = store.resolve(id);
        *hostId = s.hostId;
        return s.id;
    }
    const auto host = HostStore(db).byName(part);
    if (!host)
        throw CaseError(QStringLiteral("no host named '%1' in the case").arg(part));
    const auto s = store.latest(host->id);
    if (!s)
        throw CaseError(QStringLiteral("host '%1' has no procfs snapshot").arg(part));
    *hostId = host->id;
    return s->id;
}
}

StackDiffTarget StackDiffTarget::resolve(SqliteDatabase &db, const QString &spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        throw CaseError(QStringLiteral("bad diff target '%1': expected task:, group:, snapshot: or host:").arg(spec));
    StackDiffTarget t;
    t.kind = spec.left(colon);
    const QString rest = spec.mid(colon + 1);
    if (t.kind == QLatin1String("task")) {
        const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
        bool ok = false;
        const qint64 tid = rest.mid(slash + 1).toLongLong(&ok);
        if (!ok)
            throw CaseError(QStringLiteral("bad task '%1': expected task:TID, task:SNAPSHOT/TID or task:HOST/TID").arg(spec));
        t.snapshotId = snapshotOf(db, slash < 0 ? QString() : rest.left(slash), &t.hostId);
        t.tasks = TaskQuery(db).snapshot(t.snapshotId).tid(tid).run();
        if (t.tasks.isEmpty())
            throw CaseError(QStringLiteral("no task %1 in snapshot %2").arg(tid).arg(t.snapshotId));
        t.label = QStringLiteral("task:%1/%2").arg(t.snapshotId).arg(tid);
    } else if (t.kind == QLatin1String("group")) {
        const qsizetype at = rest.indexOf(QLatin1Char('@'));
        const QString sig = at < 0 ? rest : rest.left(at);
        t.snapshotId = snapshotOf(db, at < 0 ? QString() : rest.mid(at + 1), &t.hostId);
        for (const ProcTask &task : TaskQuery(db).snapshot(t.snapshotId).run())
            if (StackGrouper::keyOf(task, {}) == sig)
                t.tasks.append(task);
        t.label = QStringLiteral("group:%1@%2").arg(sig).arg(t.snapshotId);
    } else if (t.kind == QLatin1String("snapshot") || t.kind == QLatin1String("host")) {
        if (t.kind == QLatin1String("host") && rest.isEmpty())
            throw CaseError(QStringLiteral("host: needs a host name"));
        if (t.kind == QLatin1String("snapshot") && rest != QLatin1String("latest")) {
            bool ok = false;
            rest.toLongLong(&ok);
            if (!ok)
                throw CaseError(QStringLiteral("bad snapshot '%1': expected snapshot:ID or snapshot:latest").arg(spec));
        }
        if (t.kind == QLatin1String("host")) {
            bool numeric = false;
            rest.toLongLong(&numeric);
            if (numeric && !HostStore(db).byName(rest))
                throw CaseError(QStringLiteral("no host named '%1' in the case").arg(rest));
        }
        t.snapshotId = snapshotOf(db, rest, &t.hostId);
        t.tasks = TaskQuery(db).snapshot(t.snapshotId).run();
        t.label = t.kind == QLatin1String("host") ? QStringLiteral("host:%1").arg(rest)
                                                   : QStringLiteral("snapshot:%1").arg(t.snapshotId);
    } else {
        throw CaseError(QStringLiteral("bad diff target '%1': expected task:, group:, snapshot: or host:").arg(spec));
    }
    return t;
}

StackDiff::Result StackDiffTarget::diff(SqliteDatabase &db, const QString &a, const QString &b)
{
    const StackDiffTarget ta = resolve(db, a), tb = resolve(db, b);
    if (ta.kind != tb.kind)
        throw CaseError(QStringLiteral("cannot compare a %1 with a %2").arg(ta.kind, tb.kind));
    StackDiff::Result r;
    if (ta.kind == QLatin1String("task"))
        r = StackDiff::tasks(ta.tasks.first(), tb.tasks.first());
    else
        r = StackDiff::sets(ta.tasks, tb.tasks, ta.kind == QLatin1String("snapshot") && ta.hostId == tb.hostId);
    if (ta.kind != QLatin1String("task") && ta.kind != QLatin1String("group")) {
        // Whole snapshots/hosts compare group by group; the frames of their
        // largest groups are unrelated more often than not.
        r.framesA.clear();
        r.framesB.clear();
        r.common.clear();
        r.onlyA.clear();
        r.onlyB.clear();
        r.commonOuter = 0;
    }
    r.kind = ta.kind;
    r.labelA = ta.label;
    r.labelB = tb.label;
    return r;
}
