#pragma once

#include <QList>
#include <QString>

class WaitsForGraph;
struct EvidenceRef;

// One chain of the waits-for graph, from the victims to a root-cause
// candidate: victims (the tasks at the far end, grouped), then each node the
// chain passes through, ending at the candidate.
struct BlockerChain
{
    int root = -1;
    QList<int> path;      // node indices, from the victims' side to the root
    QList<int> victims;   // task nodes waiting on path.first(), if any
    int blocked = 0;      // tasks that cannot move on until root does

    // "40 tasks (…) wait for [[..]] directory lock … held by … which waits for …"
    // Plain text with evidence links ([[task:12]], [[kernel-event:4]]).
    QString text(const WaitsForGraph &graph, bool links = true) const;
    // The links along the chain, for a finding's evidence.
    QList<EvidenceRef> evidence(const WaitsForGraph &graph) const;
    // Builds the chain to root: from it, the dependents that block the most.
    static BlockerChain to(const WaitsForGraph &graph, int root);
};
