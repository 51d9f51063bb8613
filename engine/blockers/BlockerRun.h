#pragma once

#include "WaitsForGraph.h"
#include "casefile/FindingStore.h"

#include <QList>
#include <QString>
#include <QStringList>

// One analysis run of one host: its graph and its verdicts (findings, the
// root-cause candidates first by rank).
struct BlockerRun
{
    qint64 id = 0;            // blocker_runs.id; 0 = not stored (built in memory)
    qint64 hostId = 0;
    QString hostName;
    qint64 collectionId = 0;
    qint64 snapshotId = 0;
    qint64 createdUs = 0;
    QString inputStamp;
    QStringList ruleProblems;
    bool reused = false;      // the stored run already matched the evidence
    WaitsForGraph graph;
    QList<Finding> findings;  // root causes by rank, then the other verdicts
    QList<int> ranks;         // parallel to findings: root-cause rank, 0 for other verdicts

    const Finding *topRootCause() const;
};
