#include "BlockerGraphStore.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/Json.h"
#include "util/TimeUtil.h"

#include <QJsonArray>

#include <QDateTime>

const Finding *BlockerRun::topRootCause() const
{
    for (int i = 0; i < findings.size(); ++i)
        if (ranks.value(i) == 1)
            return &findings[i];
    return nullptr;
}

void BlockerGraphStore::save(BlockerRun &run)
{
    SqliteTransaction tx(m_db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    qint64 previous = 0;
    {
        auto p = m_db.prepare(QStringLiteral("SELECT MAX(id) FROM blocker_runs WHERE host_id IS ?"));
        p.bindIdOrNull(1, run.hostId);
        if (p.step() && !p.isNull(0))
            previous = p.int64(0);
    }
    auto ins = m_db.prepare(QStringLiteral("INSERT INTO blocker_runs(host_id, collection_id, snapshot_id, created_us, input_stamp, rules, summary)"
                                           " VALUES (?,?,?,?,?,?,?)"));
    const Finding *top = run.topRootCause();
    ins.bindIdOrNull(1, run.hostId).bindIdOrNull(2, run.collectionId).bindIdOrNull(3, run.snapshotId).bind(4, now).bind(5, run.inputStamp)
        .bind(6, Json::compact(QJsonObject{{QStringLiteral("problems"), QJsonArray::fromStringList(run.ruleProblems)}}))
        .bind(7, Json::compact(QJsonObject{{QStringLiteral("nodes"), run.graph.nodeCount()},
                                           {QStringLiteral("edges"), int(run.graph.edges().size())},
                                           {QStringLiteral("top"), top ? top->title : QString()}}));
    ins.exec();
    run.id = m_db.lastInsertRowId();
    run.createdUs = now;

    auto node = m_db.prepare(QStringLiteral("INSERT INTO blocker_nodes(run_id, node_key, kind, label, detail, external, status, data) VALUES (?,?,?,?,?,?,?,?)"));
    auto edge = m_db.prepare(QStringLiteral("INSERT INTO blocker_edges(run_id, from_node, to_node, kind, explanation, rule, count) VALUES (?,?,?,?,?,?,?)"));
    auto ev = m_db.prepare(QStringLiteral("INSERT INTO blocker_evidence(node_id, edge_id, ref_kind, ref_id, label) VALUES (?,?,?,?,?)"));
    QList<qint64> nodeIds;
    for (const BlockerNode &n : run.graph.nodes()) {
        node.bind(1, run.id).bind(2, n.key).bind(3, n.kind).bind(4, n.label).bind(5, n.detail).bind(6, n.external ? 1 : 0).bind(7, n.status)
            .bind(8, Json::compact(n.data));
        node.exec();
        const qint64 id = m_db.lastInsertRowId();
        nodeIds.append(id);
        for (const EvidenceRef &r : n.evidence) {
            ev.bind(1, id).bindNull(2).bind(3, r.refKind).bind(4, r.refId).bind(5, r.label);
            ev.exec();
        }
    }
    for (const BlockerEdge &e : run.graph.edges()) {
        edge.bind(1, run.id).bind(2, nodeIds[e.from]).bind(3, nodeIds[e.to]).bind(4, e.kind).bind(5, e.explanation).bind(6, e.rule).bind(7, e.count);
        edge.exec();
        const qint64 id = m_db.lastInsertRowId();
        for (const EvidenceRef &r : e.evidence) {
            ev.bindNull(1).bind(2, id).bind(3, r.refKind).bind(4, r.refId).bind(5, r.label);
            ev.exec();
        }
    }
    FindingStore findings(m_db);
    auto link = m_db.prepare(QStringLiteral("INSERT INTO blocker_run_findings(run_id, finding_id, rank) VALUES (?,?,?)"));
    for (int i = 0; i < run.findings.size(); ++i) {
        run.findings[i].id = findings.add(run.findings[i]);
        link.bind(1, run.id).bind(2, run.findings[i].id).bind(3, run.ranks.value(i));
        link.exec();
    }
    if (previous) {
        // The previous run's findings stay (notes may cite them), superseded
        // by the new finding of the same kind and rank where there is one.
        auto old = m_db.prepare(QStringLiteral("SELECT f.id, f.kind, r.rank FROM blocker_run_findings r JOIN findings f ON f.id = r.finding_id"
                                               " WHERE r.run_id = ? AND f.superseded_at IS NULL"));
        old.bind(1, previous);
        auto mark = m_db.prepare(QStringLiteral("UPDATE findings SET superseded_at = ?, superseded_by = ? WHERE id = ?"));
        QList<std::tuple<qint64, QString, int>> rows;
        while (old.step())
            rows.append({old.int64(0), old.text(1), int(old.int64(2))});
        for (const auto &[id, kind, rank] : rows) {
            qint64 by = 0;
            for (int i = 0; i < run.findings.size() && !by; ++i)
                if (run.findings[i].kind == kind && run.ranks.value(i) == rank)
                    by = run.findings[i].id;
            mark.bind(1, now).bindIdOrNull(2, by).bind(3, id);
            mark.exec();
        }
    }
    tx.commit();
}

std::optional<BlockerRun> BlockerGraphStore::byId(qint64 runId) const
{
    auto r = m_db.prepare(QStringLiteral("SELECT r.id, r.host_id, COALESCE(h.name, ''), r.collection_id, r.snapshot_id, r.created_us, r.input_stamp, r.rules"
                                         " FROM blocker_runs r LEFT JOIN hosts h ON h.id = r.host_id WHERE r.id = ?"));
    r.bind(1, runId);
    if (!r.step())
        return std::nullopt;
    BlockerRun run;
    run.id = r.int64(0);
    run.hostId = r.int64(1);
    run.hostName = r.text(2);
    run.collectionId = r.int64(3);
    run.snapshotId = r.int64(4);
    run.createdUs = r.int64(5);
    run.inputStamp = r.text(6);
    for (const QJsonValue &p : Json::parseObject(r.text(7)).value(QStringLiteral("problems")).toArray())
        run.ruleProblems.append(p.toString());

    QHash<qint64, int> index;
    auto nodes = m_db.prepare(QStringLiteral("SELECT id, node_key, kind, label, detail, external, status, data FROM blocker_nodes WHERE run_id = ? ORDER BY id"));
    nodes.bind(1, runId);
    while (nodes.step()) {
        const int i = run.graph.ensureNode(nodes.text(1), nodes.text(2), nodes.text(3));
        BlockerNode &n = run.graph.node(i);
        n.detail = nodes.text(4);
        n.external = nodes.int64(5) != 0;
        n.status = nodes.text(6);
        n.data = Json::parseObject(nodes.text(7));
        index.insert(nodes.int64(0), i);
    }
    auto nodeEv = m_db.prepare(QStringLiteral("SELECT e.node_id, e.ref_kind, e.ref_id, e.label FROM blocker_evidence e JOIN blocker_nodes n ON n.id = e.node_id"
                                              " WHERE n.run_id = ? ORDER BY e.rowid"));
    nodeEv.bind(1, runId);
    while (nodeEv.step())
        if (index.contains(nodeEv.int64(0)))
            run.graph.addNodeEvidence(index.value(nodeEv.int64(0)), {nodeEv.text(1), nodeEv.int64(2), nodeEv.text(3)});
    QHash<qint64, int> edgeIndex;
    auto edges = m_db.prepare(QStringLiteral("SELECT id, from_node, to_node, kind, explanation, rule, count FROM blocker_edges WHERE run_id = ? ORDER BY id"));
    edges.bind(1, runId);
    QList<std::pair<qint64, int>> counts;
    while (edges.step()) {
        const int e = run.graph.addEdge(index.value(edges.int64(1), -1), index.value(edges.int64(2), -1), edges.text(3), edges.text(4), edges.text(5));
        if (e >= 0) {
            edgeIndex.insert(edges.int64(0), e);
            counts.append({edges.int64(0), int(edges.int64(6))});
        }
    }
    auto edgeEv = m_db.prepare(QStringLiteral("SELECT e.edge_id, e.ref_kind, e.ref_id, e.label FROM blocker_evidence e JOIN blocker_edges x ON x.id = e.edge_id"
                                              " WHERE x.run_id = ? ORDER BY e.rowid"));
    edgeEv.bind(1, runId);
    // Rebuild through JSON so edge evidence and counts are restored exactly.
    QJsonObject json = run.graph.toJson();
    QJsonArray edgesJson = json.value(QStringLiteral("edges")).toArray();
    QHash<int, QJsonArray> evByEdge;
    while (edgeEv.step())
        if (edgeIndex.contains(edgeEv.int64(0)))
            evByEdge[edgeIndex.value(edgeEv.int64(0))].append(QJsonObject{{QStringLiteral("kind"), edgeEv.text(1)},
                                                                          {QStringLiteral("id"), edgeEv.int64(2)},
                                                                          {QStringLiteral("label"), edgeEv.text(3)}});
    for (const auto &[dbId, count] : counts) {
        const int e = edgeIndex.value(dbId);
        QJsonObject o = edgesJson[e].toObject();
        o.insert(QStringLiteral("count"), count);
        o.insert(QStringLiteral("evidence"), evByEdge.value(e));
        edgesJson[e] = o;
    }
    json.insert(QStringLiteral("edges"), edgesJson);
    run.graph = WaitsForGraph::fromJson(json);

    FindingStore store(m_db);
    auto f = m_db.prepare(QStringLiteral("SELECT finding_id, rank FROM blocker_run_findings WHERE run_id = ?"
                                         " ORDER BY CASE WHEN rank > 0 THEN 0 ELSE 1 END, rank, finding_id"));
    f.bind(1, runId);
    while (f.step())
        if (const auto found = store.byId(f.int64(0))) {
            run.findings.append(*found);
            run.ranks.append(int(f.int64(1)));
        }
    return run;
}

std::optional<BlockerRun> BlockerGraphStore::latest(qint64 hostId) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT MAX(id) FROM blocker_runs WHERE host_id IS ?"));
    st.bindIdOrNull(1, hostId);
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return byId(st.int64(0));
}

QList<qint64> BlockerGraphStore::hostsWithRuns() const
{
    QList<qint64> out;
    auto st = m_db.prepare(QStringLiteral("SELECT DISTINCT host_id FROM blocker_runs WHERE host_id IS NOT NULL ORDER BY host_id"));
    while (st.step())
        out.append(st.int64(0));
    return out;
}
