#include "StackDiff.h"

#include "StackGrouper.h"
#include "procfs/StackFrames.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

StackDiff::Result StackDiff::frames(const QStringList &a, const QStringList &b)
{
    Result r;
    r.framesA = a;
    r.framesB = b;
    const QSet<QString> sa(a.cbegin(), a.cend()), sb(b.cbegin(), b.cend());
    for (const QString &f : a)
        (sb.contains(f) ? r.common : r.onlyA).append(f);
    for (const QString &f : b)
        if (!sa.contains(f))
            r.onlyB.append(f);
    while (r.commonOuter < a.size() && r.commonOuter < b.size()
           && a[a.size() - 1 - r.commonOuter] == b[b.size() - 1 - r.commonOuter])
        ++r.commonOuter;
    return r;
}

StackDiff::Result StackDiff::tasks(const ProcTask &a, const ProcTask &b)
{
    Result r = frames(StackFrames::normalizeAll(a.stackRaw), StackFrames::normalizeAll(b.stackRaw));
    r.kind = QStringLiteral("task");
    return r;
}

StackDiff::Result StackDiff::sets(const QList<ProcTask> &a, const QList<ProcTask> &b, bool matchTasks)
{
    const QList<StackGroup> ga = StackGrouper::group(a), gb = StackGrouper::group(b);
    Result r;
    // Frames: dominant group of each side.
    if (!ga.isEmpty() && !gb.isEmpty()) {
        const Result f = frames(ga.first().frames, gb.first().frames);
        r.framesA = f.framesA;
        r.framesB = f.framesB;
        r.common = f.common;
        r.onlyA = f.onlyA;
        r.onlyB = f.onlyB;
        r.commonOuter = f.commonOuter;
    }
    QHash<QString, const StackGroup *> ia, ib;
    for (const auto &g : ga)
        ia.insert(g.signature, &g);
    for (const auto &g : gb)
        ib.insert(g.signature, &g);
    auto add = [&](const StackGroup *x, const StackGroup *y) {
        GroupChange c;
        const StackGroup *g = x ? x : y;
        c.signature = g->signature;
        c.frames = g->frames;
        c.countA = x ? x->count : 0;
        c.countB = y ? y->count : 0;
        c.change = !x ? QStringLiteral("appeared") : !y ? QStringLiteral("cleared")
                 : c.countB > c.countA ? QStringLiteral("grew") : c.countB < c.countA ? QStringLiteral("shrank")
                 : QStringLiteral("stayed");
        c.topComm = g->topComm();
        c.topWchan = g->topWchan();
        r.groups.append(c);
    };
    for (const auto &g : ga)
        add(&g, ib.value(g.signature));
    for (const auto &g : gb)
        if (!ia.contains(g.signature))
            add(nullptr, &g);
    if (matchTasks) {
        auto key = [](const ProcTask &t) { return QStringLiteral("%1/%2/%3").arg(t.pid).arg(t.tid).arg(t.startTicks); };
        QHash<QString, const ProcTask *> ta, tb;
        for (const auto &t : a)
            ta.insert(key(t), &t);
        for (const auto &t : b)
            tb.insert(key(t), &t);
        auto ref = [](const ProcTask *x, const ProcTask *y) {
            const ProcTask *t = y ? y : x;
            TaskRef tr{t->pid, t->tid, t->comm, t->state, {}, {}};
            if (x) tr.signatureA = StackGrouper::keyOf(*x, {});
            if (y) tr.signatureB = StackGrouper::keyOf(*y, {});
            return tr;
        };
        for (const auto &t : a) {
            const ProcTask *o = tb.value(key(t));
            if (!o)
                r.cleared.append(ref(&t, nullptr));
            else if (StackGrouper::keyOf(t, {}) == StackGrouper::keyOf(*o, {}))
                r.stayed.append(ref(&t, o));
            else
                r.changed.append(ref(&t, o));
        }
        for (const auto &t : b)
            if (!ta.contains(key(t)))
                r.appeared.append(ref(nullptr, &t));
    }
    return r;
}

QJsonObject StackDiff::Result::toJson() const
{
    auto arr = [](const QStringList &l) { return QJsonArray::fromStringList(l); };
    QJsonArray g;
    for (const auto &c : groups)
        g.append(QJsonObject{{QStringLiteral("signature"), c.signature}, {QStringLiteral("frames"), arr(c.frames)},
                             {QStringLiteral("count_a"), c.countA}, {QStringLiteral("count_b"), c.countB},
                             {QStringLiteral("change"), c.change}, {QStringLiteral("comm"), c.topComm},
                             {QStringLiteral("wchan"), c.topWchan}});
    auto tasksJson = [](const QList<TaskRef> &l) {
        QJsonArray a;
        for (const auto &t : l)
            a.append(QJsonObject{{QStringLiteral("pid"), t.pid}, {QStringLiteral("tid"), t.tid}, {QStringLiteral("comm"), t.comm},
                                 {QStringLiteral("state"), t.state}, {QStringLiteral("signature_a"), t.signatureA},
                                 {QStringLiteral("signature_b"), t.signatureB}});
        return a;
    };
    QJsonObject o{{QStringLiteral("kind"), kind}, {QStringLiteral("a"), labelA}, {QStringLiteral("b"), labelB},
                  {QStringLiteral("frames_a"), arr(framesA)}, {QStringLiteral("frames_b"), arr(framesB)},
                  {QStringLiteral("common"), arr(common)}, {QStringLiteral("only_a"), arr(onlyA)},
                  {QStringLiteral("only_b"), arr(onlyB)}, {QStringLiteral("common_outer"), commonOuter},
                  {QStringLiteral("groups"), g}};
    if (kind == QLatin1String("snapshot")) {
        o.insert(QStringLiteral("appeared"), tasksJson(appeared));
        o.insert(QStringLiteral("cleared"), tasksJson(cleared));
        o.insert(QStringLiteral("stayed"), tasksJson(stayed));
        o.insert(QStringLiteral("changed"), tasksJson(changed));
    }
    return o;
}
