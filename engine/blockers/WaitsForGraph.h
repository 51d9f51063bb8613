#pragma once

#include "casefile/FindingStore.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

// A node of the waits-for graph: a task, or a resource tasks wait on or hold.
struct BlockerNode
{
    // task, process, directory-lock, file-lock, mount, fuse-server, nfs-server,
    // nfs-lock-server, endpoint, service, work-item, rcu-grace-period,
    // completion, block-io
    QString kind;
    QString key;        // unique in the graph: "task:1234", "file-lock:0:45:1234"...
    QString label;      // short, plain text
    QString detail;     // what it is and what is known about it
    // external: outside the host (a server, a remote endpoint); status: for
    // servers/endpoints/services: not-responding, silent, refused, answered,
    // inactive, active...
    bool external = false;
    QString status;
    QJsonObject data;
    QList<EvidenceRef> evidence;
};

// A directed edge. waits-for: a task (or a server) waits for a resource;
// holds: a task holds a resource; served-by: a resource is provided by a task,
// a process or a server.
struct BlockerEdge
{
    int from = -1;
    int to = -1;
    QString kind;        // waits-for, holds, served-by
    QString explanation; // why the edge exists, in words
    QString rule;        // the stack rule or source that made it
    int count = 1;       // how many times the sources saw it
    QList<EvidenceRef> evidence;
};

// What everyone is waiting for, and what that is waiting for. Built by the
// EdgeSources (engine/blockers/EdgeSourceCatalog.cpp), read by the verdicts,
// stored per analysis run (BlockerGraphStore), drawn by the Blockers pane.
class WaitsForGraph
{
public:
    static QString waitsFor() { return QStringLiteral("waits-for"); }
    static QString holds() { return QStringLiteral("holds"); }
    static QString servedBy() { return QStringLiteral("served-by"); }

    // The node with this key, created with kind and label when new.
    int ensureNode(const QString &key, const QString &kind, const QString &label);
    int find(const QString &key) const { return m_byKey.value(key, -1); }
    BlockerNode &node(int i) { return m_nodes[i]; }
    const BlockerNode &node(int i) const { return m_nodes[i]; }
    const QList<BlockerNode> &nodes() const { return m_nodes; }
    const QList<BlockerEdge> &edges() const { return m_edges; }
    int nodeCount() const { return int(m_nodes.size()); }

    // Adds an edge, or merges into the same (from, to, kind): count + 1 and
    // the evidence appended (bounded).
    int addEdge(int from, int to, const QString &kind, const QString &explanation, const QString &rule,
                const QList<EvidenceRef> &evidence = {});
    void addNodeEvidence(int node, const EvidenceRef &ref);
    bool hasEdge(int from, int to, const QString &kind) const;
    void removeEdgesTo(int to, const QString &kind);
    void removeEdge(int from, int to, const QString &kind);

    // What a node needs to move on: a task or server, the resources it waits
    // for; a resource, the tasks holding it and what serves it.
    QList<int> dependencies(int node) const;
    QList<int> dependents(int node) const; // the reverse
    QList<int> outgoing(int node) const;   // edge indices
    QList<int> incoming(int node) const;

    // Tasks that cannot move on until this node does (transitively), itself excluded.
    QSet<int> blockedTasks(int node) const;
    // Each cycle of dependencies once (as node indices, smallest index first).
    QList<QList<int>> cycles() const;

    // The graph without the unidentified placeholders ("file-lock:?") no edge
    // touches any more (a later source moved their waiters to the identified
    // resource). Other nodes without edges stay: a server the kernel log
    // says is not responding is a fact even when nothing waits on it yet.
    WaitsForGraph pruned() const;

    QJsonObject toJson() const;
    static WaitsForGraph fromJson(const QJsonObject &json);

private:
    QList<BlockerNode> m_nodes;
    QList<BlockerEdge> m_edges;
    QHash<QString, int> m_byKey;
    QHash<QString, int> m_edgeByKey;
};
