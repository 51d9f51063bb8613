#include "ZombieEdgeSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "procfs/BlockerEvidenceQuery.h"

#include <QJsonArray>

void ZombieEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    const SnapshotInfo *last = in.last();
    if (!last)
        return;
    SnapshotStore store(*in.db);
    QHash<qint64, ListeningSocket> listening;
    for (const ListeningSocket &s : store.sockets(last->id))
        listening.insert(s.inode, s);
    QHash<QString, CgroupMemory> cgroups;
    for (const CgroupMemory &c : store.cgroups(last->id))
        cgroups.insert(c.path, c);
    QHash<qint64, QString> threadMemcg;
    for (const TaskCgroup &c : BlockerEvidenceQuery(*in.db).taskCgroups(last->id))
        if (c.hierarchy == 0 ? !threadMemcg.contains(c.tid) : c.controllers.split(QLatin1Char(',')).contains(QLatin1String("memory")))
            threadMemcg.insert(c.tid, c.path);
    for (const ProcTask &leader : std::as_const(in.tasks)) {
        const bool zombie = leader.state == QLatin1String("Z") || leader.statusState == QLatin1String("Z");
        if (leader.pid != leader.tid || !zombie || leader.ppid != 1)
            continue;
        QList<const ProcTask *> threads;
        QStringList ports;
        QList<qint64> inodes = leader.socketInodes;
        for (const ProcTask &t : std::as_const(in.tasks))
            if (t.pid == leader.pid && t.tid != leader.tid) {
                threads.append(&t);
                inodes += t.socketInodes;
            }
        const int proc = g.ensureNode(BlockerNodes::processKey(leader.pid), QStringLiteral("process"),
                                      QStringLiteral("zombie %1 (%2)").arg(leader.comm).arg(leader.pid));
        g.node(proc).status = QStringLiteral("zombie");
        g.node(proc).detail = QStringLiteral("leader is a zombie re-parented to init (ppid 1) with %1 live thread(s); its own cgroup reads %2")
                        .arg(threads.size()).arg(BlockerNodes::memoryCgroupOf(leader.cgroup).isEmpty() ? QStringLiteral("/")
                                                                                                   : BlockerNodes::memoryCgroupOf(leader.cgroup));
        g.node(proc).data.insert(QStringLiteral("pid"), leader.pid);
        g.node(proc).data.insert(QStringLiteral("comm"), leader.comm);
        g.addNodeEvidence(proc, BlockerNodes::taskRef(leader));
        QSet<qint64> seen;
        for (qint64 inode : std::as_const(inodes)) {
            if (!listening.contains(inode) || seen.contains(inode))
                continue;
            seen.insert(inode);
            const ListeningSocket s = listening.value(inode);
            const QString ep = QStringLiteral("%1 %2:%3").arg(s.proto, s.localAddress).arg(s.localPort);
            const int port = g.ensureNode(QStringLiteral("listen:%1").arg(ep), QStringLiteral("port"), QStringLiteral("listening %1").arg(ep));
            g.node(port).data.insert(QStringLiteral("port"), s.localPort);
            g.addEdge(proc, port, WaitsForGraph::holds(), QStringLiteral("the zombie's threads keep the listening socket open"),
                      QStringLiteral("zombie-holds-port"), {BlockerNodes::taskRef(leader)});
        }
        for (const ProcTask *t : std::as_const(threads)) {
            const int tn = BlockerNodes::ensureTask(g, *t);
            in.taskNode.insert(t->tid, tn);
            g.addEdge(proc, tn, WaitsForGraph::waitsFor(), QStringLiteral("a zombie leader is reaped only once its last thread exits"),
                      QStringLiteral("zombie-waits-threads"), {BlockerNodes::taskRef(*t)});
            const QString cg = threadMemcg.value(t->tid, BlockerNodes::memoryCgroupOf(t->cgroup));
            const int cgNode = g.find(QStringLiteral("memory-cgroup:%1").arg(cg));
            g.node(tn).data.insert(QStringLiteral("memory_cgroup"), cg);
            if (cgNode >= 0) {
                QJsonArray kills = g.node(cgNode).data.value(QStringLiteral("oom_kills_logged")).toArray();
                for (const QJsonValue &k : kills)
                    if (k.toObject().value(QStringLiteral("pid")).toInteger() == leader.pid) {
                        g.node(proc).data.insert(QStringLiteral("oom_killed_event"), k.toObject().value(QStringLiteral("event_id")));
                        g.node(proc).data.insert(QStringLiteral("memory_cgroup"), cg);
                        g.addEdge(proc, cgNode, WaitsForGraph::waitsFor(),
                                  QStringLiteral("the kernel's OOM killer killed pid %1 in %2; its threads still wait there").arg(leader.pid).arg(cg),
                                  QStringLiteral("zombie-oom-cgroup"), {{QStringLiteral("kernel-event"), k.toObject().value(QStringLiteral("event_id")).toInteger(), QStringLiteral("OOM kill")}});
                    }
            }
        }
    }
    // Memory cgroup nodes (from stacks or the kernel log) get their counters.
    for (int i = 0; i < g.nodeCount(); ++i) {
        BlockerNode &n = g.node(i);
        if (n.kind != QLatin1String("memory-cgroup") || !cgroups.contains(n.data.value(QStringLiteral("path")).toString()))
            continue;
        const CgroupMemory c = cgroups.value(n.data.value(QStringLiteral("path")).toString());
        n.data.insert(QStringLiteral("limit"), c.limit);
        n.data.insert(QStringLiteral("usage"), c.usage);
        n.data.insert(QStringLiteral("oom_kills"), c.oomKills);
        n.data.insert(QStringLiteral("under_oom"), c.underOom);
        if (c.underOom > 0)
            n.status = QStringLiteral("under-oom");
        else if (c.limit > 0 && c.usage >= 0 && c.usage * 100 >= c.limit * 98)
            n.status = QStringLiteral("at-limit");
        n.detail = QStringLiteral("limit %1 B, usage %2 B, oom_kill %3, under_oom %4")
                       .arg(c.limit).arg(c.usage).arg(c.oomKills).arg(c.underOom);
        g.addNodeEvidence(i, {QStringLiteral("snapshot"), last->id, QStringLiteral("snapshot %1").arg(last->id)});
    }
}
