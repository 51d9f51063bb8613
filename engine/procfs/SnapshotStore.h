#pragma once

#include "ProcfsSample.h"

#include <QList>
#include <QString>
#include <optional>

class SqliteDatabase;

// A stored procfs sample, without its tasks.
struct SnapshotInfo
{
    qint64 id = 0;
    qint64 collectionId = 0;
    qint64 hostId = 0;
    QString hostName;
    qint64 artifactId = 0;
    int sampleIndex = 1;
    qint64 takenUs = 0;
    double uptimeS = -1;
    qint64 bootTimeUs = 0;
    double load1 = -1, load5 = -1, load15 = -1;
    qint64 procsRunning = -1;
    qint64 procsBlocked = -1;
    QString kernel;
    QString hostname;
    QStringList problems;
    qint64 taskCount = 0;
};

// Writes parsed samples into the procfs tables (and a timeline event per
// snapshot: source 'procfs', kind 'snapshot' or 'snapshot-d-state', with the
// task, D and zombie counts) and reads them back. The GUI's
// Processes and Stacks panes and casectl read through this and TaskQuery.
class SnapshotStore
{
public:
    explicit SnapshotStore(SqliteDatabase &db) : m_db(db) {}

    // Stores one sample (tasks, stacks, host state) in one transaction; returns the snapshot id.
    qint64 save(const ProcfsSample &sample, qint64 collectionId, qint64 hostId, qint64 artifactId);

    std::optional<SnapshotInfo> byId(qint64 id) const;
    // All snapshots, oldest first; hostId 0 = every host.
    QList<SnapshotInfo> list(qint64 hostId = 0) const;
    QList<SnapshotInfo> forCollection(qint64 collectionId) const;
    // The most recent snapshot (of one host when hostId != 0).
    std::optional<SnapshotInfo> latest(qint64 hostId = 0) const;
    // Changes whenever a snapshot is added or removed; cheap (no task counts),
    // for panes deciding whether to list the snapshots again after a commit.
    QString changeStamp() const;
    // Resolves "latest" when id is 0; throws CaseError when there is none / no such id.
    SnapshotInfo resolve(qint64 id) const;

    // Frames of a stored stack (normalized function names).
    QStringList stackFrames(qint64 stackId) const;
    qint64 stackIdForSignature(const QString &signature) const;

    QList<ListeningSocket> sockets(qint64 snapshotId) const;
    QList<CgroupMemory> cgroups(qint64 snapshotId) const;
    QList<ServiceState> services(qint64 snapshotId) const;
    QList<HostValue> values(qint64 snapshotId, const QString &section = {}) const;

private:
    void addTimelineEvent(const ProcfsSample &sample, qint64 snapshotId, qint64 collectionId, qint64 hostId);

    qint64 ensureStack(const QStringList &normalizedFrames, const QString &signature);
    QList<SnapshotInfo> query(const QString &where, qint64 arg) const;
    SqliteDatabase &m_db;
};
