#include "BlockerChain.h"

#include "WaitsForGraph.h"

#include <QMap>
#include <QSet>

namespace {
QString linkOf(const BlockerNode &n)
{
    if (n.evidence.isEmpty())
        return {};
    const EvidenceRef &e = n.evidence.first();
    return QStringLiteral(" [[%1:%2]]").arg(e.refKind).arg(e.refId);
}

QString edgeVerb(const WaitsForGraph &g, int from, int to)
{
    // from depends on to: how to say it.
    if (g.hasEdge(from, to, WaitsForGraph::waitsFor()))
        return QStringLiteral("waits for");
    if (g.hasEdge(to, from, WaitsForGraph::holds()))
        return QStringLiteral("held by");
    if (g.hasEdge(from, to, WaitsForGraph::servedBy()))
        return QStringLiteral("served by");
    return QStringLiteral("depends on");
}
}

BlockerChain BlockerChain::to(const WaitsForGraph &g, int root)
{
    BlockerChain c;
    c.root = root;
    c.blocked = int(g.blockedTasks(root).size());
    QList<int> reversed{root};
    QSet<int> seen{root};
    int cur = root;
    for (int step = 0; step < 64; ++step) {
        int best = -1, bestBlocked = -1;
        for (int d : g.dependents(cur)) {
            if (seen.contains(d))
                continue;
            const int b = int(g.blockedTasks(d).size());
            if (b > bestBlocked || (b == bestBlocked && best >= 0 && g.node(d).key < g.node(best).key)) {
                best = d;
                bestBlocked = b;
            }
        }
        if (best < 0 || bestBlocked == 0)
            break;
        seen.insert(best);
        reversed.append(best);
        cur = best;
    }
    for (auto it = reversed.crbegin(); it != reversed.crend(); ++it)
        c.path.append(*it);
    for (int d : g.dependents(c.path.first()))
        if (g.node(d).kind == QLatin1String("task") && !seen.contains(d))
            c.victims.append(d);
    return c;
}

QString BlockerChain::text(const WaitsForGraph &g, bool links) const
{
    QString out;
    if (!victims.isEmpty()) {
        // Victims grouped by comm and the frame they wait in.
        QMap<QString, int> groups;
        for (int v : victims) {
            const BlockerNode &n = g.node(v);
            const QString comm = n.data.value(QStringLiteral("comm")).toString();
            const QString rule = n.data.value(QStringLiteral("waits_rule")).toString();
            groups[QStringLiteral("%1%2").arg(comm.isEmpty() ? n.label : comm,
                                                  rule.isEmpty() ? QString() : QStringLiteral(", rule %1").arg(rule))]++;
        }
        QStringList parts;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it)
            parts.append(QStringLiteral("%1 × %2").arg(it.value()).arg(it.key()));
        out = QStringLiteral("%1 task(s) (%2)%3 %4 ")
                  .arg(victims.size()).arg(parts.mid(0, 4).join(QStringLiteral("; ")),
                                           links ? linkOf(g.node(victims.first())) : QString(),
                                           edgeVerb(g, victims.first(), path.first()));
    }
    for (int i = 0; i < path.size(); ++i) {
        const BlockerNode &n = g.node(path[i]);
        out += n.label;
        if (!n.status.isEmpty())
            out += QStringLiteral(" (%1)").arg(n.status);
        if (links)
            out += linkOf(n);
        if (i + 1 < path.size())
            out += QStringLiteral(", %1 ").arg(edgeVerb(g, path[i], path[i + 1]));
    }
    return out;
}

QList<EvidenceRef> BlockerChain::evidence(const WaitsForGraph &g) const
{
    QList<EvidenceRef> out;
    QSet<QString> seen;
    auto add = [&](const EvidenceRef &r) {
        const QString k = r.refKind + QLatin1Char(':') + QString::number(r.refId);
        if (!seen.contains(k) && out.size() < 200) {
            seen.insert(k);
            out.append(r);
        }
    };
    for (int p : path)
        for (const EvidenceRef &r : g.node(p).evidence)
            add(r);
    for (int i = 0; i + 1 < path.size(); ++i)
        for (const BlockerEdge &e : g.edges())
            if ((e.from == path[i] && e.to == path[i + 1]) || (e.from == path[i + 1] && e.to == path[i]))
                for (const EvidenceRef &r : e.evidence)
                    add(r);
    for (int v : victims)
        for (const EvidenceRef &r : g.node(v).evidence)
            add(r);
    return out;
}
