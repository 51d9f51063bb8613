#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>

class WaitsForGraph;

// Where the Blockers pane draws each box: victims (tasks nothing waits on)
// grouped by comm and rule in the first column, then the resources they wait
// for, their holders, and what those wait for, to the external servers on the
// right. Pure geometry, no widgets: tested on its own.
struct BlockersLayout
{
    struct Box
    {
        QList<int> nodes;   // graph nodes in the box (a victim group has many)
        QString title;      // "40 × hangfs-victim" or the node's label
        QString subtitle;   // kind, status
        QString kind;       // task, task-group, resource kind
        int column = 0;
        QRectF rect;
        bool external = false;
        bool inCycle = false;
        int rank = 0;       // root-cause rank (1 = top), 0 none
    };
    struct Arrow
    {
        int from = -1;      // box indices
        int to = -1;
        QString kind;       // waits-for, holds, served-by
        int count = 0;      // tasks along the edge
    };
    QList<Box> boxes;
    QList<Arrow> arrows;
    QRectF bounds;

    int boxOf(int node) const;
    // ranks: graph node -> root-cause rank. Runs off the GUI thread (the pane computes it in its reader job).
    static BlockersLayout compute(const WaitsForGraph &graph, const QHash<int, int> &ranks);
};
