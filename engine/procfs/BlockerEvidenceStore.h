#pragma once

#include "BlockerEvidence.h"

class SqliteDatabase;

// Writes a sample's BlockerEvidence into the tables of schema 10
// (procfs_file_locks, procfs_fd_targets, procfs_involved, procfs_task_sched,
// procfs_task_cgroups, procfs_nfs_ops). Called by SnapshotStore::save inside
// its transaction; read back through BlockerEvidenceQuery.
class BlockerEvidenceStore
{
public:
    explicit BlockerEvidenceStore(SqliteDatabase &db) : m_db(db) {}
    void save(qint64 snapshotId, const BlockerEvidence &evidence);

private:
    SqliteDatabase &m_db;
};
