#include "ProcessEvidenceSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "procfs/BlockerEvidenceQuery.h"

void ProcessEvidenceSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    const SnapshotInfo *last = in.last();
    if (!last)
        return;
    BlockerEvidenceQuery q(*in.db);
    const EvidenceRef snapRef{QStringLiteral("snapshot"), last->id, QStringLiteral("snapshot %1").arg(last->id)};

    // FUSE servers: pair the FUSE node with the /dev/fuse holder when there is one of each.
    QList<int> fuseNodes;
    for (int i = 0; i < g.nodeCount(); ++i)
        if (g.node(i).kind == QLatin1String("fuse-server"))
            fuseNodes.append(i);
    if (!fuseNodes.isEmpty()) {
        const QList<qint64> servers = q.fuseServers(last->id);
        QStringList names;
        for (qint64 pid : servers)
            names.append(QString::number(pid));
        for (int fn : std::as_const(fuseNodes)) {
            g.node(fn).data.insert(QStringLiteral("dev_fuse_holders"), names.join(QLatin1Char(',')));
            if (servers.size() != 1 || fuseNodes.size() != 1) {
                if (!servers.isEmpty())
                    g.node(fn).detail += QStringLiteral("; processes with /dev/fuse open: %1 (cannot tell which serves it)").arg(names.join(QStringLiteral(", ")));
                continue;
            }
            int server = -1;
            for (const ProcTask &t : std::as_const(in.tasks))
                if (t.tid == servers.first())
                    server = BlockerNodes::ensureTask(g, t);
            if (server < 0) {
                server = g.ensureNode(BlockerNodes::taskKey(servers.first()), QStringLiteral("task"), QStringLiteral("pid %1").arg(servers.first()));
                g.node(server).data.insert(QStringLiteral("tid"), servers.first());
                g.node(server).data.insert(QStringLiteral("pid"), servers.first());
            }
            in.taskNode.insert(servers.first(), server);
            g.node(server).data.insert(QStringLiteral("fuse_server"), true);
            g.node(server).data.insert(QStringLiteral("next_step"),
                                       QStringLiteral("The FUSE daemon never answers: look at its own stack and state; "
                                                      "'echo 1 > /sys/fs/fuse/connections/N/abort' (or killing it) releases every waiter."));
            const QString state = g.node(server).data.value(QStringLiteral("state")).toString();
            g.addEdge(fn, server, WaitsForGraph::servedBy(),
                      QStringLiteral("%1 has /dev/fuse open: it is the FUSE server%2").arg(g.node(server).label,
                          state.isEmpty() ? QString() : QStringLiteral(" (state %1, it never answered)").arg(state)),
                      QStringLiteral("fd-dev-fuse"), {snapRef});
        }
    }

    // SIGKILL pending.
    for (const TaskSched &s : q.killPending(last->id)) {
        const int n = in.taskNode.value(s.tid, -1);
        if (n < 0)
            continue;
        g.node(n).data.insert(QStringLiteral("sigkill_pending"), true);
        g.node(n).data.insert(QStringLiteral("sig_pnd"), s.sigPnd);
        g.node(n).data.insert(QStringLiteral("shd_pnd"), s.shdPnd);
    }

    // Switch counts over the samples.
    if (in.samples.size() >= 2) {
        for (auto it = in.taskNode.cbegin(); it != in.taskNode.cend(); ++it) {
            const QList<BlockerEvidenceQuery::SchedSample> h = q.schedHistory(last->collectionId, it.key());
            if (h.size() < 2)
                continue;
            bool same = h.first().sched.switches() >= 0;
            for (const auto &s : h)
                same &= s.sched.switches() == h.first().sched.switches();
            g.node(it.value()).data.insert(QStringLiteral("switches"), h.last().sched.switches());
            g.node(it.value()).data.insert(QStringLiteral("switch_samples"), int(h.size()));
            g.node(it.value()).data.insert(QStringLiteral("switches_unchanged"), same);
            g.node(it.value()).data.insert(QStringLiteral("switch_span_us"), h.last().takenUs - h.first().takenUs);
        }
    }

    // Zombie leaders' threads: their own memory cgroup.
    for (const TaskCgroup &c : q.taskCgroups(last->id)) {
        const int n = in.taskNode.value(c.tid, -1);
        if (n < 0)
            continue;
        if (c.hierarchy == 0 || c.controllers.split(QLatin1Char(',')).contains(QLatin1String("memory")))
            g.node(n).data.insert(QStringLiteral("memory_cgroup"), c.path);
    }
}
