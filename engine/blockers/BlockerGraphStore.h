#pragma once

#include "BlockerRun.h"

#include <optional>

class SqliteDatabase;

// Writes and reads analysis runs (schema 11: blocker_runs, blocker_nodes,
// blocker_edges, blocker_evidence, blocker_run_findings). Saving adds the
// findings and marks the host's previous run's findings superseded; nothing
// is ever deleted.
class BlockerGraphStore
{
public:
    explicit BlockerGraphStore(SqliteDatabase &db) : m_db(db) {}

    // Stores run (graph, findings) in one transaction; fills run.id and the findings' ids.
    void save(BlockerRun &run);
    // The latest run of a host (graph and findings), if any.
    std::optional<BlockerRun> latest(qint64 hostId) const;
    std::optional<BlockerRun> byId(qint64 runId) const;
    // Hosts with at least one run, by id.
    QList<qint64> hostsWithRuns() const;

private:
    SqliteDatabase &m_db;
};
