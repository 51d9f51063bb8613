#include "WaitsForGraph.h"

#include <QJsonArray>
#include <algorithm>
#include <functional>

namespace {
constexpr int kMaxEdgeEvidence = 64;
constexpr int kMaxCycles = 50;

QString edgeKey(int from, int to, const QString &kind)
{
    return QStringLiteral("%1>%2>%3").arg(from).arg(to).arg(kind);
}

QJsonArray evidenceJson(const QList<EvidenceRef> &refs)
{
    QJsonArray a;
    for (const EvidenceRef &e : refs)
        a.append(QJsonObject{{QStringLiteral("kind"), e.refKind}, {QStringLiteral("id"), e.refId}, {QStringLiteral("label"), e.label},
                             {QStringLiteral("link"), QStringLiteral("[[%1:%2]]").arg(e.refKind).arg(e.refId)}});
    return a;
}

QList<EvidenceRef> evidenceFromJson(const QJsonArray &a)
{
    QList<EvidenceRef> out;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("id")).toInteger(),
                    o.value(QStringLiteral("label")).toString()});
    }
    return out;
}
}

int WaitsForGraph::ensureNode(const QString &key, const QString &kind, const QString &label)
{
    const int existing = find(key);
    if (existing >= 0)
        return existing;
    BlockerNode n;
    n.key = key;
    n.kind = kind;
    n.label = label;
    m_nodes.append(n);
    const int i = int(m_nodes.size() - 1);
    m_byKey.insert(key, i);
    return i;
}

int WaitsForGraph::addEdge(int from, int to, const QString &kind, const QString &explanation, const QString &rule,
                           const QList<EvidenceRef> &evidence)
{
    if (from < 0 || to < 0 || from >= m_nodes.size() || to >= m_nodes.size() || from == to)
        return -1;
    const QString k = edgeKey(from, to, kind);
    if (m_edgeByKey.contains(k)) {
        BlockerEdge &e = m_edges[m_edgeByKey.value(k)];
        ++e.count;
        for (const EvidenceRef &r : evidence)
            if (e.evidence.size() < kMaxEdgeEvidence)
                e.evidence.append(r);
        return m_edgeByKey.value(k);
    }
    BlockerEdge e;
    e.from = from;
    e.to = to;
    e.kind = kind;
    e.explanation = explanation;
    e.rule = rule;
    e.evidence = evidence.mid(0, kMaxEdgeEvidence);
    m_edges.append(e);
    m_edgeByKey.insert(k, int(m_edges.size() - 1));
    return int(m_edges.size() - 1);
}

void WaitsForGraph::addNodeEvidence(int node, const EvidenceRef &ref)
{
    if (node < 0 || node >= m_nodes.size())
        return;
    auto &ev = m_nodes[node].evidence;
    for (const EvidenceRef &e : ev)
        if (e.refKind == ref.refKind && e.refId == ref.refId)
            return;
    if (ev.size() < kMaxEdgeEvidence)
        ev.append(ref);
}

bool WaitsForGraph::hasEdge(int from, int to, const QString &kind) const
{
    return m_edgeByKey.contains(edgeKey(from, to, kind));
}

void WaitsForGraph::removeEdgesTo(int to, const QString &kind)
{
    QList<BlockerEdge> kept;
    for (const BlockerEdge &e : std::as_const(m_edges))
        if (!(e.to == to && e.kind == kind))
            kept.append(e);
    m_edges = kept;
    m_edgeByKey.clear();
    for (int i = 0; i < m_edges.size(); ++i)
        m_edgeByKey.insert(edgeKey(m_edges[i].from, m_edges[i].to, m_edges[i].kind), i);
}

void WaitsForGraph::removeEdge(int from, int to, const QString &kind)
{
    if (!hasEdge(from, to, kind))
        return;
    m_edges.removeAt(m_edgeByKey.value(edgeKey(from, to, kind)));
    m_edgeByKey.clear();
    for (int i = 0; i < m_edges.size(); ++i)
        m_edgeByKey.insert(edgeKey(m_edges[i].from, m_edges[i].to, m_edges[i].kind), i);
}

QList<int> WaitsForGraph::outgoing(int node) const
{
    QList<int> out;
    for (int i = 0; i < m_edges.size(); ++i)
        if (m_edges[i].from == node)
            out.append(i);
    return out;
}

QList<int> WaitsForGraph::incoming(int node) const
{
    QList<int> out;
    for (int i = 0; i < m_edges.size(); ++i)
        if (m_edges[i].to == node)
            out.append(i);
    return out;
}

QList<int> WaitsForGraph::dependencies(int node) const
{
    QList<int> out;
    for (const BlockerEdge &e : m_edges) {
        int dep = -1;
        if ((e.kind == waitsFor() || e.kind == servedBy()) && e.from == node)
            dep = e.to;
        else if (e.kind == holds() && e.to == node)
            dep = e.from; // a resource depends on its holder
        if (dep >= 0 && !out.contains(dep))
            out.append(dep);
    }
    return out;
}

QList<int> WaitsForGraph::dependents(int node) const
{
    QList<int> out;
    for (const BlockerEdge &e : m_edges) {
        int dep = -1;
        if ((e.kind == waitsFor() || e.kind == servedBy()) && e.to == node)
            dep = e.from;
        else if (e.kind == holds() && e.from == node)
            dep = e.to;
        if (dep >= 0 && !out.contains(dep))
            out.append(dep);
    }
    return out;
}

QSet<int> WaitsForGraph::blockedTasks(int node) const
{
    QSet<int> seen{node};
    QList<int> todo{node};
    QSet<int> tasks;
    while (!todo.isEmpty()) {
        const int n = todo.takeLast();
        for (int d : dependents(n)) {
            if (seen.contains(d))
                continue;
            seen.insert(d);
            todo.append(d);
            if (m_nodes[d].kind == QLatin1String("task"))
                tasks.insert(d);
        }
    }
    tasks.remove(node);
    return tasks;
}

QList<QList<int>> WaitsForGraph::cycles() const
{
    // Tarjan's strongly connected components; every component with more than
    // one node (or a self-loop, which addEdge refuses) is a cycle.
    const int n = nodeCount();
    QList<QList<int>> deps(n);
    for (int i = 0; i < n; ++i)
        deps[i] = dependencies(i);
    QList<int> index(n, -1), low(n, 0);
    QList<bool> onStack(n, false);
    QList<int> stack;
    int counter = 0;
    QList<QList<int>> out;
    // Iterative to bound stack depth on hostile graphs.
    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        QList<QPair<int, int>> work{{root, 0}};
        while (!work.isEmpty()) {
            auto &[v, pos] = work.last();
            if (pos == 0) {
                index[v] = low[v] = counter++;
                stack.append(v);
                onStack[v] = true;
            }
            if (pos < deps[v].size()) {
                const int w = deps[v][pos++];
                if (index[w] < 0) {
                    work.append({w, 0});
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                QList<int> comp;
                int w;
                do {
                    w = stack.takeLast();
                    onStack[w] = false;
                    comp.append(w);
                } while (w != v);
                if (comp.size() > 1 && out.size() < kMaxCycles) {
                    std::sort(comp.begin(), comp.end());
                    out.append(comp);
                }
            }
            const int finished = v;
            work.removeLast();
            if (!work.isEmpty())
                low[work.last().first] = std::min(low[work.last().first], low[finished]);
        }
    }
    return out;
}

WaitsForGraph WaitsForGraph::pruned() const
{
    QSet<int> used;
    for (const BlockerEdge &e : m_edges) {
        used.insert(e.from);
        used.insert(e.to);
    }
    QJsonObject json = toJson();
    QJsonArray kept;
    const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    for (int i = 0; i < nodes.size(); ++i)
        if (used.contains(i) || !m_nodes[i].key.endsWith(QLatin1String(":?")))
            kept.append(nodes[i]);
    json.insert(QStringLiteral("nodes"), kept);
    return fromJson(json);
}

QJsonObject WaitsForGraph::toJson() const
{
    QJsonArray nodes, edges;
    for (const BlockerNode &n : m_nodes)
        nodes.append(QJsonObject{{QStringLiteral("key"), n.key}, {QStringLiteral("kind"), n.kind}, {QStringLiteral("label"), n.label},
                                 {QStringLiteral("detail"), n.detail}, {QStringLiteral("external"), n.external},
                                 {QStringLiteral("status"), n.status}, {QStringLiteral("data"), n.data},
                                 {QStringLiteral("evidence"), evidenceJson(n.evidence)}});
    for (const BlockerEdge &e : m_edges)
        edges.append(QJsonObject{{QStringLiteral("from"), m_nodes[e.from].key}, {QStringLiteral("to"), m_nodes[e.to].key},
                                 {QStringLiteral("kind"), e.kind}, {QStringLiteral("explanation"), e.explanation},
                                 {QStringLiteral("rule"), e.rule}, {QStringLiteral("count"), e.count},
                                 {QStringLiteral("evidence"), evidenceJson(e.evidence)}});
    return QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
}

WaitsForGraph WaitsForGraph::fromJson(const QJsonObject &json)
{
    WaitsForGraph g;
    for (const QJsonValue &v : json.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject o = v.toObject();
        const int i = g.ensureNode(o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("kind")).toString(),
                                   o.value(QStringLiteral("label")).toString());
        BlockerNode &n = g.node(i);
        n.detail = o.value(QStringLiteral("detail")).toString();
        n.external = o.value(QStringLiteral("external")).toBool();
        n.status = o.value(QStringLiteral("status")).toString();
        n.data = o.value(QStringLiteral("data")).toObject();
        n.evidence = evidenceFromJson(o.value(QStringLiteral("evidence")).toArray());
    }
    for (const QJsonValue &v : json.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject o = v.toObject();
        const int from = g.find(o.value(QStringLiteral("from")).toString());
        const int to = g.find(o.value(QStringLiteral("to")).toString());
        const int e = g.addEdge(from, to, o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("explanation")).toString(),
                                o.value(QStringLiteral("rule")).toString(), evidenceFromJson(o.value(QStringLiteral("evidence")).toArray()));
        if (e >= 0)
            g.m_edges[e].count = std::max(1, o.value(QStringLiteral("count")).toInt(1));
    }
    return g;
}
