#pragma once

#include "ResolvedLink.h"

class SqliteDatabase;

// Resolves a link (kind and target text) against a case. Accepts the forms
// written today and before (backward compatible):
//   task:HOST/SNAPSHOT/TID  task:SNAPSHOT/TID  task:HOST/TID (latest snapshot
//   of HOST)  task:N (the procfs_tasks row findings store; if there is no such
//   row, tid N in the latest snapshot, as notes used to mean it)
//   stack:ID[@SNAPSHOT]  group:SIGNATURE[@SNAPSHOT]  snapshot:ID|HOST|latest
//   host:ID|NAME  and ID for every other kind.
// A stack without a snapshot takes contextSnapshotId (e.g. the snapshot of
// the finding it came from), else the newest snapshot holding that stack.
// Throws CaseError with a user-presentable message when there is no such
// thing in the case or the target is malformed.
class LinkResolver
{
public:
    explicit LinkResolver(SqliteDatabase &db) : m_db(db) {}
    ResolvedLink resolve(const QString &kind, const QString &target, qint64 contextSnapshotId = 0) const;

private:
    void task(ResolvedLink &r, const QString &target) const;
    void stack(ResolvedLink &r, const QString &target, qint64 contextSnapshotId) const;
    void snapshot(ResolvedLink &r, const QString &target) const;
    void fillSnapshot(ResolvedLink &r, qint64 snapshotId) const;
    void fillHost(ResolvedLink &r) const;
    void event(ResolvedLink &r) const;
    qint64 latestSnapshot(qint64 hostId) const;
    qint64 hostByName(const QString &name) const;

    SqliteDatabase &m_db;
};
