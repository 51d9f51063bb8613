#include "ProcLocksEdgeSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "procfs/BlockerEvidenceQuery.h"

#include <QMap>

namespace {
// The task node of a process id: its leader thread (or any thread) of the
// last sample, else a bare node.
int processTask(BlockerInputs &in, WaitsForGraph &g, qint64 pid)
{
    for (const ProcTask &t : std::as_const(in.tasks))
        if (t.tid == pid) {
            const int n = BlockerNodes::ensureTask(g, t);
            in.taskNode.insert(t.tid, n);
            return n;
        }
    const int n = g.ensureNode(BlockerNodes::taskKey(pid), QStringLiteral("task"), QStringLiteral("pid %1").arg(pid));
    g.node(n).data.insert(QStringLiteral("tid"), pid);
    g.node(n).data.insert(QStringLiteral("pid"), pid);
    return n;
}
}

void ProcLocksEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    const SnapshotInfo *last = in.last();
    if (!last)
        return;
    BlockerEvidenceQuery q(*in.db);
    const QList<FileLock> locks = q.locks(last->id);
    if (locks.isEmpty())
        return;
    const QList<FdTarget> fds = q.fdTargets(last->id);
    const EvidenceRef snapRef{QStringLiteral("snapshot"), last->id, QStringLiteral("/proc/locks of snapshot %1").arg(last->id)};
    QMap<qint64, FileLock> holders;
    QMap<qint64, QList<FileLock>> waiters;
    for (const FileLock &l : locks) {
        if (l.source != QLatin1String("proc-locks"))
            continue;
        if (l.isWaiter)
            waiters[l.lockId].append(l);
        else
            holders.insert(l.lockId, l);
    }
    const int anonymous = g.find(QStringLiteral("file-lock:?"));
    for (auto it = waiters.cbegin(); it != waiters.cend(); ++it) {
        const FileLock h = holders.value(it.key());
        const FileLock &w0 = it.value().first();
        QString path;
        for (const FdTarget &f : fds)
            if (f.inode == w0.inode && f.kind == QLatin1String("path") && (f.pid == h.pid || path.isEmpty()))
                path = f.target;
        const QString id = QStringLiteral("%1:%2").arg(w0.device).arg(w0.inode);
        const int lock = g.ensureNode(QStringLiteral("file-lock:%1").arg(id), QStringLiteral("file-lock"),
                                      QStringLiteral("%1 lock on %2").arg(w0.kind, path.isEmpty() ? QStringLiteral("inode %1").arg(id) : path));
        g.node(lock).data.insert(QStringLiteral("device"), w0.device);
        g.node(lock).data.insert(QStringLiteral("inode"), w0.inode);
        if (!path.isEmpty())
            g.node(lock).data.insert(QStringLiteral("path"), path);
        g.node(lock).data.insert(QStringLiteral("holder_mode"), h.mode);
        QStringList modes;
        for (const FileLock &w : it.value())
            modes.append(w.mode);
        g.node(lock).data.insert(QStringLiteral("waiter_modes"), modes.join(QLatin1Char(',')));
        g.node(lock).detail = QStringLiteral("/proc/locks: %1 %2 held by pid %3, %4 waiter(s) (%5)")
                                  .arg(h.kind.isEmpty() ? w0.kind : h.kind, h.mode).arg(h.pid).arg(it.value().size()).arg(modes.join(QStringLiteral(", ")));
        g.addNodeEvidence(lock, snapRef);
        if (h.pid > 0) {
            const int holder = processTask(in, g, h.pid);
            g.addEdge(holder, lock, WaitsForGraph::holds(), QStringLiteral("/proc/locks: %1").arg(h.raw.left(120)),
                      QStringLiteral("proc-locks"), {snapRef});
        }
        for (const FileLock &w : it.value()) {
            if (w.pid <= 0)
                continue;
            // The waiting thread: a task of that process the stacks have waiting on a file lock, else the leader.
            int waiter = -1;
            for (int i = 0; i < g.nodeCount() && waiter < 0; ++i)
                if (g.node(i).kind == QLatin1String("task") && g.node(i).data.value(QStringLiteral("pid")).toInteger() == w.pid && anonymous >= 0
                    && g.hasEdge(i, anonymous, WaitsForGraph::waitsFor()))
                    waiter = i;
            if (waiter < 0)
                waiter = processTask(in, g, w.pid);
            if (anonymous >= 0 && g.hasEdge(waiter, anonymous, WaitsForGraph::waitsFor()))
                g.removeEdge(waiter, anonymous, WaitsForGraph::waitsFor());
            g.addEdge(waiter, lock, WaitsForGraph::waitsFor(), QStringLiteral("/proc/locks: %1").arg(w.raw.left(120)),
                      QStringLiteral("proc-locks"), {snapRef});
        }
    }
}
