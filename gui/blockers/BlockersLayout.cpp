#include "BlockersLayout.h"

#include "blockers/WaitsForGraph.h"

#include <QHash>
#include <QMap>
#include <algorithm>

namespace {
constexpr qreal kBoxWidth = 230;
constexpr qreal kBoxHeight = 52;
constexpr qreal kColumnGap = 90;
constexpr qreal kRowGap = 18;
constexpr int kMaxColumns = 12;
}

int BlockersLayout::boxOf(int node) const
{
    for (int i = 0; i < boxes.size(); ++i)
        if (boxes[i].nodes.contains(node))
            return i;
    return -1;
}

BlockersLayout BlockersLayout::compute(const WaitsForGraph &g, const QHash<int, int> &ranks)
{
    BlockersLayout l;
    const int n = g.nodeCount();
    QSet<int> cycleNodes;
    for (const QList<int> &c : g.cycles())
        for (int x : c)
            cycleNodes.insert(x);
    // Column: the longest way from a victim (a node nothing depends on), bounded for cycles.
    QList<int> column(n, 0);
    for (int pass = 0; pass < kMaxColumns; ++pass) {
        bool changed = false;
        for (int i = 0; i < n; ++i)
            for (int d : g.dependencies(i))
                if (column[d] < column[i] + 1 && column[i] + 1 < kMaxColumns) {
                    column[d] = column[i] + 1;
                    changed = true;
                }
        if (!changed)
            break;
    }
    // Victims grouped: tasks nothing depends on, same comm, same targets.
    QMap<QString, QList<int>> groups;
    QList<int> singles;
    for (int i = 0; i < n; ++i) {
        const BlockerNode &node = g.node(i);
        if (node.kind == QLatin1String("task") && g.dependents(i).isEmpty() && !ranks.contains(i)) {
            QList<int> deps = g.dependencies(i);
            std::sort(deps.begin(), deps.end());
            QStringList key{node.data.value(QStringLiteral("comm")).toString(), node.data.value(QStringLiteral("waits_rule")).toString()};
            for (int d : deps)
                key.append(QString::number(d));
            groups[key.join(QLatin1Char('|'))].append(i);
        } else {
            singles.append(i);
        }
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        Box b;
        b.nodes = it.value();
        const BlockerNode &first = g.node(b.nodes.first());
        const QString comm = first.data.value(QStringLiteral("comm")).toString();
        b.kind = b.nodes.size() > 1 ? QStringLiteral("task-group") : QStringLiteral("task");
        b.title = b.nodes.size() > 1 ? QStringLiteral("%1 × %2").arg(b.nodes.size()).arg(comm.isEmpty() ? first.label : comm) : first.label;
        const QString rule = first.data.value(QStringLiteral("waits_rule")).toString();
        const QString state = first.data.value(QStringLiteral("state")).toString();
        b.subtitle = QStringLiteral("task%1%2").arg(state.isEmpty() ? QString() : QStringLiteral(" · ") + state,
                                                    rule.isEmpty() ? QString() : QStringLiteral(" · ") + rule);
        b.column = 0;
        for (int x : b.nodes)
            b.inCycle |= cycleNodes.contains(x);
        l.boxes.append(b);
    }
    for (int i : std::as_const(singles)) {
        const BlockerNode &node = g.node(i);
        Box b;
        b.nodes = {i};
        b.kind = node.kind;
        b.title = node.label;
        b.subtitle = node.kind + (node.status.isEmpty() ? QString() : QStringLiteral(" · ") + node.status);
        if (node.kind == QLatin1String("task")) {
            const QString state = node.data.value(QStringLiteral("state")).toString();
            const QString rule = node.data.value(QStringLiteral("waits_rule")).toString();
            b.subtitle = QStringLiteral("task%1%2").arg(state.isEmpty() ? QString() : QStringLiteral(" · ") + state,
                                                        rule.isEmpty() ? QString() : QStringLiteral(" · ") + rule);
        }
        b.column = column[i];
        b.external = node.external;
        b.inCycle = cycleNodes.contains(i);
        b.rank = ranks.value(i);
        l.boxes.append(b);
    }
    // Rows within each column, in box order (victim groups by size).
    std::stable_sort(l.boxes.begin(), l.boxes.end(), [](const Box &a, const Box &b) {
        if (a.column != b.column)
            return a.column < b.column;
        return a.nodes.size() > b.nodes.size();
    });
    QHash<int, int> rowsUsed;
    for (Box &b : l.boxes) {
        const int row = rowsUsed[b.column]++;
        b.rect = QRectF(b.column * (kBoxWidth + kColumnGap), row * (kBoxHeight + kRowGap), kBoxWidth, kBoxHeight);
        l.bounds = l.bounds.united(b.rect);
    }
    // Arrows between boxes, counted by the tasks along them.
    QHash<QString, int> arrowIndex;
    for (const BlockerEdge &e : g.edges()) {
        const int from = l.boxOf(e.from), to = l.boxOf(e.to);
        if (from < 0 || to < 0 || from == to)
            continue;
        const QString key = QStringLiteral("%1>%2>%3").arg(from).arg(to).arg(e.kind);
        if (!arrowIndex.contains(key)) {
            arrowIndex.insert(key, int(l.arrows.size()));
            l.arrows.append({from, to, e.kind, 0});
        }
        l.arrows[arrowIndex.value(key)].count += g.node(e.from).kind == QLatin1String("task") ? 1 : e.count;
    }
    return l;
}
