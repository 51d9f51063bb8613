#pragma once

#include "StackGroup.h"
#include "procfs/ProcTask.h"

#include <QList>
#include <QString>

class SqliteDatabase;
struct SnapshotInfo;

// D-state triage of the samples of one procfs collection (one host), stored
// as findings linked to their evidence (snapshot, tasks, stacks):
//   d-state-summary      how many tasks are in D, load average vs runnable + D
//   zombie-in-disguise   threads stat shows as D whose status says Z
//   d-state-group        tasks in D sharing one kernel stack, persistent/transient
//   blocker-candidate    the odd one out: a small D group (often a kworker)
//                        beside a large one, sharing its subsystem
//   zombie-holding-port  zombie re-parented to init whose threads still hold a listening socket
// Re-running supersedes the findings of that collection (FindingStore::supersedeFor).
class DStateTriage
{
public:
    struct Options
    {
        bool keepOffsets = false;
    };
    struct Candidate
    {
        StackGroup group;
        int score = 0;
        QStringList reasons;
    };

    explicit DStateTriage(SqliteDatabase &db) : m_db(db) {}

    // Returns the number of findings written.
    int run(qint64 collectionId, const Options &options);
    int run(qint64 collectionId) { return run(collectionId, Options{}); }

    // The analysis steps, usable on their own (the GUI's panes).
    static QList<Candidate> blockerCandidates(const QList<StackGroup> &dGroups);
    static QStringList kinds();

private:
    SqliteDatabase &m_db;
};
