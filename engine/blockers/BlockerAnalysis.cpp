#include "BlockerAnalysis.h"

#include "BlockerInputs.h"
#include "BlockerGraphStore.h"
#include "BlockerVerdicts.h"
#include "EdgeSource.h"
#include "EdgeSourceCatalog.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "procfs/TaskQuery.h"

#include <QCryptographicHash>

namespace {
constexpr int kMaxTasks = 20000;
}

QList<qint64> BlockerAnalysis::hostsWithEvidence() const
{
    QList<qint64> out;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT id FROM hosts WHERE id IN (SELECT host_id FROM procfs_snapshots UNION SELECT host_id FROM strace_traces"
        " UNION SELECT host_id FROM pcap_captures UNION SELECT host_id FROM kernel_log_lines) ORDER BY id"));
    while (st.step())
        out.append(st.int64(0));
    return out;
}

QString BlockerAnalysis::inputStamp(qint64 hostId) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM procfs_snapshots WHERE host_id = ?1),"
        " (SELECT COALESCE(MAX(id), 0) FROM kernel_log_lines WHERE host_id = ?1),"
        " (SELECT COALESCE(MAX(id), 0) || '/' || COUNT(*) FROM strace_traces WHERE host_id = ?1),"
        " (SELECT COALESCE(MAX(id), 0) FROM pcap_captures WHERE host_id = ?1),"
        " (SELECT COALESCE(MAX(id), 0) FROM events WHERE host_id = ?1 AND source = 'kernel-log')"));
    st.bind(1, hostId);
    QString s = QStringLiteral("v1");
    if (st.step())
        for (int i = 0; i < 5; ++i)
            s += QLatin1Char('/') + st.text(i);
    return s + QLatin1Char('/') + m_rules.fingerprint();
}

BlockerRun BlockerAnalysis::build(qint64 hostId) const
{
    BlockerRun run;
    run.hostId = hostId;
    run.inputStamp = inputStamp(hostId);
    run.ruleProblems = m_rules.problems();
    BlockerInputs in;
    in.db = &m_db;
    in.hostId = hostId;
    in.rules = &m_rules;
    if (const auto h = HostStore(m_db).byId(hostId))
        in.hostName = h->name;
    run.hostName = in.hostName;
    SnapshotStore snapshots(m_db);
    if (const auto latest = snapshots.latest(hostId)) {
        in.samples = latest->collectionId ? snapshots.forCollection(latest->collectionId) : QList<SnapshotInfo>{*latest};
        in.tasks = TaskQuery(m_db).snapshot(latest->id).limit(kMaxTasks).run();
        run.collectionId = latest->collectionId;
        run.snapshotId = latest->id;
        in.windowStartUs = in.samples.first().takenUs;
        in.windowEndUs = latest->takenUs;
    }
    for (const auto &source : EdgeSourceCatalog::all())
        source->contribute(in, run.graph);
    run.graph = run.graph.pruned();
    const QList<Finding> findings = BlockerVerdicts::findings(run.graph, in);
    for (const Finding &f : findings) {
        run.findings.append(f);
        run.ranks.append(f.kind == QLatin1String("blocker-root-cause") ? f.data.value(QStringLiteral("rank")).toInt() : 0);
    }
    return run;
}

BlockerRun BlockerAnalysis::run(qint64 hostId)
{
    BlockerGraphStore store(m_db);
    if (auto stored = store.latest(hostId); stored && stored->inputStamp == inputStamp(hostId)) {
        stored->reused = true;
        return *stored;
    }
    BlockerRun r = build(hostId);
    store.save(r);
    return r;
}
