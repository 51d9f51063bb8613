#include "StackRuleEdgeSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "procfs/BlockerEvidenceQuery.h"

#include <QHash>

namespace {

struct MountsOfKind
{
    QStringList fuse; // mount points
    QStringList nfsServers;
    QHash<QString, QString> nfsMountOf; // server -> a mount point
};

MountsOfKind mounts(SqliteDatabase &db, qint64 snapshotId)
{
    MountsOfKind m;
    auto st = db.prepare(QStringLiteral("SELECT mount_point, fstype, source FROM procfs_mounts WHERE snapshot_id = ? LIMIT 20000"));
    st.bind(1, snapshotId);
    while (st.step()) {
        const QString fstype = st.text(1);
        if (fstype == QLatin1String("fuse") || (fstype.startsWith(QLatin1String("fuse.")) && fstype != QLatin1String("fusectl")))
            m.fuse.append(st.text(0));
        else if (fstype == QLatin1String("nfs") || fstype == QLatin1String("nfs4")) {
            const QString server = st.text(2).section(QLatin1Char(':'), 0, 0);
            if (!server.isEmpty() && !m.nfsServers.contains(server)) {
                m.nfsServers.append(server);
                m.nfsMountOf.insert(server, st.text(0));
            }
        }
    }
    return m;
}

// The first frame outer to the wait frame whose function no rule frame names:
// the caller that says what is waited for (fsnotify_wait_marks_destroyed).
QString callerOf(const QStringList &names, int waitIndex, const BlockerRule &rule)
{
    for (int i = waitIndex + 1; i < names.size(); ++i) {
        bool ruleFrame = false;
        for (const QRegularExpression &m : rule.matchers)
            if (m.match(names[i]).hasMatch())
                ruleFrame = true;
        if (!ruleFrame)
            return names[i];
    }
    return {};
}

}

void StackRuleEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    const SnapshotInfo *last = in.last();
    if (!last || !in.rules)
        return;
    const MountsOfKind m = mounts(*in.db, last->id);
    // Threads' own memory cgroups where the snapshot read them (a zombie
    // leader's threads); else the process's cgroup file.
    QHash<qint64, QString> threadMemcg;
    for (const TaskCgroup &c : BlockerEvidenceQuery(*in.db).taskCgroups(last->id))
        if (c.hierarchy == 0 ? !threadMemcg.contains(c.tid) : c.controllers.split(QLatin1Char(',')).contains(QLatin1String("memory")))
            threadMemcg.insert(c.tid, c.path);
    QHash<qint64, QStringList> framesOf; // stack id -> function names
    auto framesFor = [&](const ProcTask &t) -> QStringList {
        if (t.stackId && framesOf.contains(t.stackId))
            return framesOf.value(t.stackId);
        QStringList names;
        for (const QString &f : t.stackRaw) {
            const QString n = BlockerRuleSet::functionName(f);
            if (!n.isEmpty() && !n.startsWith(QLatin1String("0x")))
                names.append(n);
        }
        if (t.stackId)
            framesOf.insert(t.stackId, names);
        return names;
    };

    // The resource node a rule match names, keyed so that tasks waiting on
    // the same thing meet at one node.
    auto resourceNode = [&](const BlockerRule &rule, const QStringList &names, int index) -> int {
        const QString &kind = rule.resource;
        if (kind == QLatin1String("fuse-server")) {
            if (m.fuse.size() == 1) {
                const int n = g.ensureNode(QStringLiteral("fuse-server:%1").arg(m.fuse.first()), kind,
                                           QStringLiteral("FUSE server of %1").arg(m.fuse.first()));
                g.node(n).data.insert(QStringLiteral("mount_point"), m.fuse.first());
                g.node(n).detail = QStringLiteral("the process that answers requests of the FUSE mount %1").arg(m.fuse.first());
                return n;
            }
            const int n = g.ensureNode(QStringLiteral("fuse-server:?"), kind, QStringLiteral("FUSE server (mount not identified)"));
            g.node(n).detail = QStringLiteral("%1 FUSE mounts on the host (%2): the stack does not say which one")
                                   .arg(m.fuse.size()).arg(m.fuse.mid(0, 5).join(QStringLiteral(", ")));
            return n;
        }
        if (kind == QLatin1String("nfs-server") || kind == QLatin1String("nfs-lock-server")) {
            const bool lock = kind == QLatin1String("nfs-lock-server");
            const QString server = m.nfsServers.size() == 1 ? m.nfsServers.first() : QStringLiteral("?");
            const int n = g.ensureNode(QStringLiteral("%1:%2").arg(kind, server), kind,
                                       server == QLatin1String("?")
                                           ? (lock ? QStringLiteral("NFS lock manager (server not identified)")
                                                   : QStringLiteral("NFS server (not identified)"))
                                           : (lock ? QStringLiteral("lockd on %1").arg(server) : QStringLiteral("NFS server %1").arg(server)));
            BlockerNode &node = g.node(n);
            node.external = true;
            node.data.insert(QStringLiteral("server"), server);
            if (server != QLatin1String("?"))
                node.data.insert(QStringLiteral("mount_point"), m.nfsMountOf.value(server));
            return n;
        }
        if (kind == QLatin1String("work-item") || kind == QLatin1String("completion")) {
            const QString caller = callerOf(names, index, rule);
            const QString subsystem = BlockerNodes::subsystemOf(caller);
            const int n = g.ensureNode(QStringLiteral("%1:%2").arg(kind, subsystem.isEmpty() ? QStringLiteral("?") : subsystem), kind,
                                       kind == QLatin1String("work-item") ? QStringLiteral("%1 work (flushed by %2)").arg(subsystem, caller)
                                                                          : QStringLiteral("%1 completion (%2)").arg(subsystem, caller));
            g.node(n).data.insert(QStringLiteral("subsystem"), subsystem);
            g.node(n).data.insert(QStringLiteral("caller"), caller);
            return n;
        }
        if (kind == QLatin1String("rcu-grace-period")) {
            const bool srcu = names.value(index).contains(QLatin1String("srcu"));
            const int n = g.ensureNode(QStringLiteral("rcu-grace-period:%1").arg(srcu ? QStringLiteral("srcu") : QStringLiteral("rcu")), kind,
                                       srcu ? QStringLiteral("SRCU grace period") : QStringLiteral("RCU grace period"));
            g.node(n).detail = QStringLiteral("kernel-internal: no task holds it; it ends when every reader has left");
            return n;
        }
        if (kind == QLatin1String("directory-lock")) {
            // Which directory the stack does not say; the filesystem (fuse_*,
            // nfs_* frames) often does. Waiters without one are matched to a
            // holder afterwards.
            QString fs;
            for (const QString &f : names) {
                if (f.startsWith(QLatin1String("fuse_"))) { fs = QStringLiteral("fuse"); break; }
                if (f.startsWith(QLatin1String("nfs"))) { fs = QStringLiteral("nfs"); break; }
            }
            QString mount;
            if (fs == QLatin1String("fuse") && m.fuse.size() == 1)
                mount = m.fuse.first();
            const QString key = QStringLiteral("directory-lock:%1").arg(mount.isEmpty() ? (fs.isEmpty() ? QStringLiteral("?") : fs) : mount);
            const int n = g.ensureNode(key, kind, mount.isEmpty() ? (fs.isEmpty() ? QStringLiteral("a directory lock")
                                                                                   : QStringLiteral("a directory lock on %1").arg(fs))
                                                                  : QStringLiteral("directory lock on %1").arg(mount));
            g.node(n).data.insert(QStringLiteral("filesystem"), fs);
            if (!mount.isEmpty())
                g.node(n).data.insert(QStringLiteral("mount_point"), mount);
            g.node(n).detail = QStringLiteral("inferred from stacks: the inode lock (or in-progress lookup) of a directory");
            return n;
        }
        if (kind == QLatin1String("memory-cgroup"))
            return -2; // keyed per task (its cgroup), below
        const int n = g.ensureNode(QStringLiteral("%1:?").arg(kind), kind, kind);
        return n;
    };

    QList<int> unplacedDirWaiters; // edges to "directory-lock:?" to re-home
    for (const ProcTask &t : std::as_const(in.tasks)) {
        const QString state = t.isZombieInDisguise() ? QStringLiteral("Z") : t.state;
        if (state == QLatin1String("Z") || t.stackStatus != QLatin1String("ok"))
            continue;
        const QStringList names = framesFor(t);
        if (names.isEmpty())
            continue;
        const StackClassification c = in.rules->classify(names, state);
        const bool kworker = names.contains(QLatin1String("process_one_work"));
        if (!c.waits() && c.holds.isEmpty() && !(kworker && state == QLatin1String("D")))
            continue;
        const int task = BlockerNodes::ensureTask(g, t);
        in.taskNode.insert(t.tid, task);
        const EvidenceRef ref = BlockerNodes::taskRef(t);
        if (kworker) {
            const int wi = int(names.indexOf(QLatin1String("process_one_work")));
            const QString workFn = wi > 0 ? names[wi - 1] : QString();
            g.node(task).data.insert(QStringLiteral("work_function"), workFn);
        }
        if (c.waits()) {
            int res = resourceNode(*c.wait.rule, names, c.wait.frameIndex);
            if (res == -2) {
                const QString cg = threadMemcg.value(t.tid, BlockerNodes::memoryCgroupOf(t.cgroup));
                res = g.ensureNode(QStringLiteral("memory-cgroup:%1").arg(cg), QStringLiteral("memory-cgroup"),
                                   QStringLiteral("memory cgroup %1").arg(cg));
                g.node(res).data.insert(QStringLiteral("path"), cg);
            }
            const int e = g.addEdge(task, res, WaitsForGraph::waitsFor(),
                                    QStringLiteral("%1 in %2: %3").arg(g.node(task).label, c.wait.frame, c.wait.rule->explanation),
                                    c.wait.rule->id, {ref});
            if (g.node(res).key == QLatin1String("directory-lock:?"))
                unplacedDirWaiters.append(e);
            g.node(task).data.insert(QStringLiteral("waits_rule"), c.wait.rule->id);
            g.node(task).data.insert(QStringLiteral("next_step"), c.wait.rule->nextStep);
        }
        for (const StackClassification::Match &h : c.holds) {
            const int res = resourceNode(*h.rule, names, h.frameIndex);
            if (res < 0)
                continue;
            g.addEdge(task, res, WaitsForGraph::holds(),
                      QStringLiteral("%1 in %2: %3").arg(g.node(task).label, h.frame, h.rule->explanation), h.rule->id, {ref});
        }
    }

    // Directory-lock waiters whose stack names no filesystem: the holder's
    // lock when exactly one directory lock has a holder.
    const int unknownDir = g.find(QStringLiteral("directory-lock:?"));
    if (unknownDir >= 0) {
        QList<int> heldDirs;
        for (int i = 0; i < g.nodeCount(); ++i)
            if (g.node(i).kind == QLatin1String("directory-lock") && i != unknownDir) {
                bool held = false;
                for (int e : g.incoming(i))
                    held |= g.edges()[e].kind == WaitsForGraph::holds();
                if (held)
                    heldDirs.append(i);
            }
        if (heldDirs.size() == 1) {
            const int target = heldDirs.first();
            QList<BlockerEdge> moved;
            for (int e : g.incoming(unknownDir))
                moved.append(g.edges()[e]);
            g.removeEdgesTo(unknownDir, WaitsForGraph::waitsFor());
            for (const BlockerEdge &e : moved)
                if (e.kind == WaitsForGraph::waitsFor()) {
                    const int ne = g.addEdge(e.from, target, e.kind,
                                             e.explanation + QStringLiteral(" (the only directory lock with a holder in this sample)"),
                                             e.rule, e.evidence);
                    Q_UNUSED(ne);
                }
            g.node(unknownDir).detail = QStringLiteral("merged into %1").arg(g.node(target).label);
        }
    }

    // Work items to the kworkers running them: same subsystem.
    for (int i = 0; i < g.nodeCount(); ++i) {
        const BlockerNode &n = g.node(i);
        if (n.kind != QLatin1String("task") || !n.data.contains(QStringLiteral("work_function")))
            continue;
        const QString fn = n.data.value(QStringLiteral("work_function")).toString();
        const int work = g.find(QStringLiteral("work-item:%1").arg(BlockerNodes::subsystemOf(fn)));
        if (work >= 0)
            g.addEdge(work, i, WaitsForGraph::servedBy(),
                      QStringLiteral("%1 runs %2 (process_one_work), the %3 work the others flush")
                          .arg(n.label, fn, BlockerNodes::subsystemOf(fn)),
                      QStringLiteral("kworker-work-function"), n.evidence);
    }
}
