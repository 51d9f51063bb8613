#include "BlockerVerdicts.h"

#include "BlockerInputs.h"
#include "WaitsForGraph.h"
#include "procfs/TaskQuery.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace {

bool badStatus(const QString &s)
{
    static const QStringList bad{QStringLiteral("not-responding"), QStringLiteral("flapping"), QStringLiteral("silent"),
                                 QStringLiteral("no-packets"), QStringLiteral("refused"), QStringLiteral("inactive"),
                                 QStringLiteral("failed"), QStringLiteral("dead")};
    return bad.contains(s);
}

bool isTerminal(const WaitsForGraph &g, int n, QStringList *why)
{
    const BlockerNode &node = g.node(n);
    const QList<int> deps = g.dependencies(n);
    if (deps.isEmpty()) {
        if (node.kind == QLatin1String("task") && node.data.value(QStringLiteral("fuse_server")).toBool())
            why->append(QStringLiteral("it is the FUSE server (it has /dev/fuse open) and never answered: it sits in state %1 (wchan %2), "
                                       "not serving the requests the others wait for")
                            .arg(node.data.value(QStringLiteral("state")).toString(), node.data.value(QStringLiteral("wchan")).toString()));
        else if (node.kind == QLatin1String("task"))
            why->append(QStringLiteral("waits on nothing inside the host that the evidence shows"));
        else if (node.kind == QLatin1String("service"))
            why->append(QStringLiteral("service is %1").arg(node.status.isEmpty() ? QStringLiteral("not running") : node.status));
        else if (node.external)
            why->append(node.status.isEmpty() ? QStringLiteral("external server, outside the host")
                                              : QStringLiteral("external server, %1").arg(node.status));
        else if (node.kind == QLatin1String("rcu-grace-period"))
            why->append(QStringLiteral("a kernel grace period that never ends: nothing in user space holds it"));
        else
            why->append(QStringLiteral("no holder or server of it is known"));
        return true;
    }
    // Waits only on silent/not-responding servers or inactive services: a
    // task, a service or a server. A plain resource in between (a mount, a
    // lock) only relays to that server, which is the candidate itself.
    if (node.kind != QLatin1String("task") && node.kind != QLatin1String("service") && !node.external)
        return false;
    for (int d : deps) {
        const BlockerNode &dn = g.node(d);
        const bool externalBad = (dn.external || dn.kind == QLatin1String("service")) && badStatus(dn.status) && g.dependencies(d).isEmpty();
        if (!externalBad)
            return false;
    }
    for (int d : deps)
        why->append(QStringLiteral("waits only on %1 (%2)").arg(g.node(d).label, g.node(d).status));
    return true;
}

int holdsWaitedOn(const WaitsForGraph &g, int n)
{
    int count = 0;
    for (int e : g.outgoing(n)) {
        const BlockerEdge &edge = g.edges()[e];
        if (edge.kind == WaitsForGraph::holds() && !g.dependents(edge.to).isEmpty())
            ++count;
    }
    return count;
}

QString linkOf(const BlockerNode &n)
{
    return n.evidence.isEmpty() ? QString() : QStringLiteral("[[%1:%2]]").arg(n.evidence.first().refKind).arg(n.evidence.first().refId);
}

QString severityFor(int blocked)
{
    return blocked >= 10 ? QStringLiteral("critical") : blocked >= 2 ? QStringLiteral("high") : QStringLiteral("medium");
}

}

QStringList BlockerVerdicts::kinds()
{
    return {QStringLiteral("blocker-root-cause"), QStringLiteral("blocker-cycle"), QStringLiteral("blocker-stuck"),
            QStringLiteral("blocker-kill-pending"), QStringLiteral("blocker-exclusive-only"), QStringLiteral("blocker-nfs-lock-stack"),
            QStringLiteral("blocker-no-packets"), QStringLiteral("blocker-zombie-oom")};
}

QList<BlockerVerdicts::Candidate> BlockerVerdicts::rank(const WaitsForGraph &g)
{
    QList<Candidate> out;
    QSet<int> terminal;
    QHash<int, QStringList> whyTerminal;
    for (int i = 0; i < g.nodeCount(); ++i) {
        QStringList why;
        if (g.dependents(i).isEmpty())
            continue;
        if (isTerminal(g, i, &why)) {
            terminal.insert(i);
            whyTerminal.insert(i, why);
        }
    }
    // Holders are listed too (the task holding a lock others queue on, while
    // it waits on a dead server): they rank by the tasks they block, so a
    // decoy waiting on the same server but holding nothing never outranks one.
    QSet<int> lastHop;
    for (int i = 0; i < g.nodeCount(); ++i)
        if (!terminal.contains(i) && g.node(i).kind == QLatin1String("task") && holdsWaitedOn(g, i) > 0)
            lastHop.insert(i);
    QList<int> nodes(terminal.cbegin(), terminal.cend());
    nodes += QList<int>(lastHop.cbegin(), lastHop.cend());
    QHash<int, int> blocked;
    QHash<int, QSet<int>> reach; // everything that depends on the node, transitively
    for (int n : std::as_const(nodes)) {
        blocked.insert(n, int(g.blockedTasks(n).size()));
        QSet<int> seen;
        QList<int> todo{n};
        while (!todo.isEmpty()) {
            const int x = todo.takeLast();
            for (int d : g.dependents(x))
                if (!seen.contains(d)) {
                    seen.insert(d);
                    todo.append(d);
                }
        }
        reach.insert(n, seen);
    }
    auto before = [&](int a, int b) {
        if (blocked.value(a) != blocked.value(b))
            return blocked.value(a) > blocked.value(b);
        if (reach.value(a).contains(b) != reach.value(b).contains(a))
            return reach.value(a).contains(b); // b waits (through the chain) on a
        const int ha = holdsWaitedOn(g, a), hb = holdsWaitedOn(g, b);
        if (ha != hb)
            return ha > hb;
        if (terminal.contains(a) != terminal.contains(b))
            return terminal.contains(a);
        return g.node(a).key < g.node(b).key;
    };
    std::sort(nodes.begin(), nodes.end(), before);
    for (int i = 0; i < nodes.size(); ++i) {
        const int n = nodes[i];
        if (blocked.value(n) == 0)
            continue;
        Candidate c;
        c.node = n;
        c.rank = int(out.size()) + 1;
        c.blocked = blocked.value(n);
        c.reasons = whyTerminal.value(n);
        if (lastHop.contains(n)) {
            QStringList deps;
            for (int d : g.dependencies(n))
                deps.append(g.node(d).label);
            c.reasons.append(QStringLiteral("holds what %1 task(s) wait for, while it waits on %2")
                                 .arg(c.blocked).arg(deps.join(QStringLiteral(", "))));
        }
        c.chain = BlockerChain::to(g, n);
        // Explain the place among equals: the neighbours with the same count.
        QStringList ties;
        for (int j = 0; j < nodes.size(); ++j) {
            const int o = nodes[j];
            if (o == n || blocked.value(o) != c.blocked)
                continue;
            const bool above = j < i;
            QString why;
            if (reach.value(n).contains(o) != reach.value(o).contains(n))
                why = reach.value(n).contains(o) ? QStringLiteral("%1 waits (through the chain) on %2").arg(g.node(o).label, g.node(n).label)
                                                 : QStringLiteral("%1 waits (through the chain) on %2").arg(g.node(n).label, g.node(o).label);
            else if (holdsWaitedOn(g, n) != holdsWaitedOn(g, o))
                why = QStringLiteral("%1 holds %2 resource(s) others wait for, %3 holds %4")
                          .arg(g.node(n).label).arg(holdsWaitedOn(g, n)).arg(g.node(o).label).arg(holdsWaitedOn(g, o));
            else if (terminal.contains(n) != terminal.contains(o))
                why = QStringLiteral("%1 waits on nothing further, %2 does").arg(terminal.contains(n) ? g.node(n).label : g.node(o).label,
                                                                                  terminal.contains(n) ? g.node(o).label : g.node(n).label);
            else
                why = QStringLiteral("the evidence does not separate them; listed by name");
            ties.append(QStringLiteral("%1 %2 (also blocks %3): %4").arg(above ? QStringLiteral("ranks below") : QStringLiteral("ranks above"),
                                                                         g.node(o).label).arg(c.blocked).arg(why));
        }
        c.tieNote = ties.join(QStringLiteral("; "));
        out.append(c);
    }
    return out;
}

QList<Finding> BlockerVerdicts::findings(const WaitsForGraph &g, const BlockerInputs &in)
{
    QList<Finding> out;
    const SnapshotInfo *last = in.last();
    auto base = [&](const QString &kind) {
        Finding f;
        f.hostId = in.hostId;
        f.collectionId = last ? last->collectionId : 0;
        f.kind = kind;
        f.atUs = last ? last->takenUs : in.windowEndUs;
        return f;
    };

    // Root-cause candidates, the top chain first.
    const QList<Candidate> candidates = rank(g);
    for (const Candidate &c : candidates) {
        const BlockerNode &n = g.node(c.node);
        Finding f = base(QStringLiteral("blocker-root-cause"));
        f.severity = c.rank == 1 ? severityFor(c.blocked) : QStringLiteral("medium");
        f.title = QStringLiteral("#%1 root-cause candidate: %2 blocks %3 task(s)").arg(c.rank).arg(n.label).arg(c.blocked);
        QString detail = QStringLiteral("Chain: %1.").arg(c.chain.text(g));
        if (!c.reasons.isEmpty())
            detail += QStringLiteral(" Why a root cause: %1.").arg(c.reasons.join(QStringLiteral("; ")));
        if (!n.detail.isEmpty())
            detail += QStringLiteral(" %1: %2.").arg(n.label, n.detail);
        if (!c.tieNote.isEmpty())
            detail += QStringLiteral(" Rank: %1.").arg(c.tieNote);
        // Tasks waiting on the same thing that block nobody (decoys).
        QStringList decoys;
        for (int p : c.chain.path)
            for (int d : g.dependents(p))
                if (g.node(d).kind == QLatin1String("task") && g.blockedTasks(d).isEmpty() && !c.chain.path.contains(d)
                    && !c.chain.victims.contains(d) && !decoys.contains(g.node(d).label + QLatin1Char(' ') + linkOf(g.node(d))))
                    decoys.append(g.node(d).label + QLatin1Char(' ') + linkOf(g.node(d)));
        if (!decoys.isEmpty())
            detail += QStringLiteral(" Also waiting on it, blocking nobody (ranked below every holder): %1.")
                          .arg(decoys.mid(0, 10).join(QStringLiteral(", ")));
        for (int p : c.chain.path) {
            const QString next = g.node(p).data.value(QStringLiteral("next_step")).toString();
            if (!next.isEmpty()) {
                detail += QStringLiteral(" Next step: %1").arg(next);
                break;
            }
        }
        f.detail = detail;
        QJsonArray chainKeys;
        for (int p : c.chain.path)
            chainKeys.append(g.node(p).key);
        QJsonArray victims;
        for (int v : c.chain.victims.mid(0, 500))
            victims.append(g.node(v).key);
        f.data = QJsonObject{{QStringLiteral("rank"), c.rank}, {QStringLiteral("blocked"), c.blocked}, {QStringLiteral("node"), n.key},
                             {QStringLiteral("chain"), chainKeys}, {QStringLiteral("victims"), victims},
                             {QStringLiteral("reasons"), QJsonArray::fromStringList(c.reasons)}, {QStringLiteral("tie"), c.tieNote},
                             {QStringLiteral("chain_text"), c.chain.text(g, false)}};
        f.evidence = c.chain.evidence(g);
        out.append(f);
    }

    // Cycles.
    for (const QList<int> &cycle : g.cycles()) {
        Finding f = base(QStringLiteral("blocker-cycle"));
        f.severity = QStringLiteral("critical");
        QStringList labels;
        QJsonArray keys;
        for (int n : cycle) {
            labels.append(g.node(n).label + QLatin1Char(' ') + linkOf(g.node(n)));
            keys.append(g.node(n).key);
            for (const EvidenceRef &r : g.node(n).evidence)
                f.evidence.append(r);
        }
        f.title = QStringLiteral("Deadlock: %1 nodes wait on each other").arg(cycle.size());
        f.detail = QStringLiteral("Each waits for the next, so none can move on: %1.").arg(labels.join(QStringLiteral(" → ")));
        f.data = QJsonObject{{QStringLiteral("cycle"), keys}};
        out.append(f);
    }

    // Stuck, not slow: the same stack and no CPU time over every sample.
    if (in.samples.size() >= 2) {
        QHash<qint64, QList<ProcTask>> seen; // tid -> per sample
        QSet<qint64> tids;
        for (int i = 0; i < g.nodeCount(); ++i)
            if (g.node(i).kind == QLatin1String("task") && g.node(i).data.contains(QStringLiteral("task_id")))
                for (int e : g.outgoing(i))
                    if (g.edges()[e].kind == WaitsForGraph::waitsFor())
                        tids.insert(g.node(i).data.value(QStringLiteral("tid")).toInteger());
        for (const SnapshotInfo &s : in.samples)
            for (const ProcTask &t : TaskQuery(*in.db).snapshot(s.id).run())
                if (tids.contains(t.tid))
                    seen[t.tid].append(t);
        QStringList stuck;
        QList<EvidenceRef> refs;
        int switchesChecked = 0;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            const QList<ProcTask> &l = it.value();
            if (l.size() != in.samples.size())
                continue;
            bool same = true;
            for (const ProcTask &t : l)
                same &= t.stackSignature == l.first().stackSignature && t.state == l.first().state && t.startTicks == l.first().startTicks
                        && t.utimeTicks == l.first().utimeTicks && t.stimeTicks == l.first().stimeTicks;
            // Context switches, where the snapshot read them, must not have moved either.
            const int node = g.find(QStringLiteral("task:%1").arg(it.key()));
            if (node >= 0 && g.node(node).data.contains(QStringLiteral("switches_unchanged"))) {
                if (!g.node(node).data.value(QStringLiteral("switches_unchanged")).toBool())
                    continue;
                ++switchesChecked;
            }
            if (!same)
                continue;
            stuck.append(QStringLiteral("%1/%2 %3").arg(l.last().pid).arg(l.last().tid).arg(l.last().comm));
            if (refs.size() < 200)
                refs.append({QStringLiteral("task"), l.last().id, QStringLiteral("%1/%2 %3").arg(l.last().pid).arg(l.last().tid).arg(l.last().comm)});
        }
        if (!stuck.isEmpty()) {
            const double seconds = double(in.samples.last().takenUs - in.samples.first().takenUs) / 1e6;
            Finding f = base(QStringLiteral("blocker-stuck"));
            f.severity = QStringLiteral("high");
            f.title = QStringLiteral("Stuck, not slow: %1 waiting task(s) unchanged over %2 samples (≥ %3 s)")
                          .arg(stuck.size()).arg(in.samples.size()).arg(seconds, 0, 'f', 1);
            f.detail = QStringLiteral("Same kernel stack, same state and no CPU time (utime+stime unchanged) in every one of %1 samples "
                                      "spanning %2 s%3: they made no progress at all in that time, so they are stuck, not slow. %4%5")
                           .arg(in.samples.size()).arg(seconds, 0, 'f', 1)
                           .arg(switchesChecked ? QStringLiteral("; for %1 of them the context-switch counts did not move either").arg(switchesChecked)
                                                : QString())
                           .arg(stuck.mid(0, 10).join(QStringLiteral(", ")))
                           .arg(stuck.size() > 10 ? QStringLiteral(" and %1 more").arg(stuck.size() - 10) : QString());
            f.data = QJsonObject{{QStringLiteral("tasks"), int(stuck.size())}, {QStringLiteral("samples"), int(in.samples.size())},
                                 {QStringLiteral("seconds"), seconds}, {QStringLiteral("switches_unchanged"), switchesChecked}};
            f.evidence = refs;
            out.append(f);
        }
    }

    for (int i = 0; i < g.nodeCount(); ++i) {
        const BlockerNode &n = g.node(i);
        // Only exclusive locks hang.
        if (n.kind == QLatin1String("file-lock") && n.data.value(QStringLiteral("hung_exclusive")).toInt() > 0
            && n.data.value(QStringLiteral("hung_shared")).toInt() == 0 && n.data.value(QStringLiteral("shared_returned")).toInt() > 0) {
            Finding f = base(QStringLiteral("blocker-exclusive-only"));
            f.severity = QStringLiteral("high");
            f.title = QStringLiteral("Only exclusive locks hang on %1").arg(n.data.value(QStringLiteral("path")).toString());
            QString holders;
            for (int d : g.dependencies(i))
                holders += g.node(d).label + QLatin1Char(' ') + linkOf(g.node(d)) + QLatin1Char(' ');
            f.detail = QStringLiteral("%1 LOCK_EX call(s) never returned while %2 LOCK_SH call(s) on the same file returned 0 (strace)%3. "
                                      "A shared lock is compatible with the holder's; an exclusive one is not, or the lock manager "
                                      "cannot grant exclusive locks.")
                           .arg(n.data.value(QStringLiteral("hung_exclusive")).toInt()).arg(n.data.value(QStringLiteral("shared_returned")).toInt())
                           .arg(holders.isEmpty() ? QString() : QStringLiteral("; held by %1").arg(holders.trimmed()));
            f.data = n.data;
            f.evidence = n.evidence;
            out.append(f);
        }
        // NFS lock stack.
        if (n.kind == QLatin1String("nfs-lock-server")) {
            const int notResp = n.data.value(QStringLiteral("not_responding_lines")).toInt();
            const QString statd = n.data.value(QStringLiteral("rpc_statd")).toString();
            static const QStringList down{QStringLiteral("inactive"), QStringLiteral("failed"), QStringLiteral("dead")};
            const bool statdDown = down.contains(statd);
            if (notResp > 0 || statdDown) {
                Finding f = base(QStringLiteral("blocker-nfs-lock-stack"));
                f.severity = QStringLiteral("critical");
                const QString server = n.data.value(QStringLiteral("server")).toString();
                QStringList parts;
                if (statdDown)
                    parts.append(QStringLiteral("NFSv3 locks need rpc.statd: rpc-statd %1 on %2").arg(statd, in.hostName));
                if (!statdDown && !statd.isEmpty())
                    parts.append(QStringLiteral("rpc-statd state on %1: %2").arg(in.hostName, statd));
                if (n.data.value(QStringLiteral("rpcinfo_read")).toBool())
                    parts.append(n.data.value(QStringLiteral("status_registered")).toBool() ? QStringLiteral("status (100024) registered")
                                                                                            : QStringLiteral("status (100024) not registered"));
                if (notResp > 0)
                    parts.append(QStringLiteral("lockd: server %1 not responding ×%2").arg(server).arg(notResp));
                const QJsonArray v3 = n.data.value(QStringLiteral("nfsv3_mounts")).toArray();
                if (!v3.isEmpty())
                    parts.append(QStringLiteral("NFSv3 mount(s): %1").arg(v3.first().toString()));
                f.title = parts.join(QStringLiteral(", "));
                f.detail = QStringLiteral("%1. %2 task(s) wait on the lock manager. NFSv3 (NLM) locking needs lockd on both sides and "
                                          "rpc.statd (NSM, RPC program status 100024) on the client; without it the server cannot "
                                          "grant locks and flock(LOCK_EX)/fcntl(F_SETLKW) hang. Next step: systemctl enable --now rpc-statd, "
                                          "check rpcinfo -p on client and server.")
                               .arg(f.title).arg(g.blockedTasks(i).size());
                f.data = n.data;
                f.evidence = n.evidence;
                for (int d : g.dependencies(i))
                    f.evidence += g.node(d).evidence;
                out.append(f);
            }
        }
        // No packets to the server of something hung.
        const QJsonObject cap = n.data.value(QStringLiteral("capture")).toObject();
        if (cap.value(QStringLiteral("status")).toString() == QLatin1String("no-packets") && !g.dependents(i).isEmpty()) {
            Finding f = base(QStringLiteral("blocker-no-packets"));
            f.severity = QStringLiteral("high");
            QStringList what;
            for (int d : g.dependents(i))
                what.append(g.node(d).label + QLatin1Char(' ') + linkOf(g.node(d)));
            f.title = QStringLiteral("%1 hung, 0 packets to its server %2").arg(g.node(g.dependents(i).first()).label,
                                                                              n.data.value(QStringLiteral("address")).toString().isEmpty()
                                                                                  ? n.data.value(QStringLiteral("server")).toString()
                                                                                  : n.data.value(QStringLiteral("address")).toString());
            f.detail = QStringLiteral("%1 capture(s) of this host (%2 packets) hold not one packet to or from %3, yet %4 wait(s) on it: the "
                                      "client never even tried to talk to the server; the hang is on this host (e.g. a kernel "
                                      "deadlock between parallel mounts, seed 003), not on the network or the server.")
                           .arg(cap.value(QStringLiteral("captures")).toInt()).arg(cap.value(QStringLiteral("capture_packets")).toInteger())
                           .arg(n.label, what.join(QStringLiteral(", ")));
            f.data = cap;
            f.evidence = n.evidence;
            for (int d : g.dependents(i))
                f.evidence += g.node(d).evidence;
            out.append(f);
        }
        // Zombie linked to its OOM kill.
        if (n.kind == QLatin1String("process") && n.status == QLatin1String("zombie")) {
            Finding f = base(QStringLiteral("blocker-zombie-oom"));
            const QString cg = n.data.value(QStringLiteral("memory_cgroup")).toString();
            const bool oom = n.data.contains(QStringLiteral("oom_killed_event"));
            f.severity = oom ? QStringLiteral("critical") : QStringLiteral("high");
            QStringList ports;
            for (int e : g.outgoing(i))
                if (g.edges()[e].kind == WaitsForGraph::holds())
                    ports.append(g.node(g.edges()[e].to).label);
            f.title = oom ? QStringLiteral("%1 was OOM-killed in %2 and keeps %3").arg(n.label, cg, ports.isEmpty() ? QStringLiteral("its threads") : ports.join(QStringLiteral(", ")))
                          : QStringLiteral("%1 keeps %2").arg(n.label, ports.isEmpty() ? QStringLiteral("its threads") : ports.join(QStringLiteral(", ")));
            QString cgDetail;
            const int cgNode = g.find(QStringLiteral("memory-cgroup:%1").arg(cg));
            if (cgNode >= 0)
                cgDetail = QStringLiteral(" Memory cgroup %1 %2: %3.").arg(cg, linkOf(g.node(cgNode)), g.node(cgNode).detail);
            f.detail = QStringLiteral("%1. The leader's own cgroup reads '/' (a dead leader's); its live threads are in %2, where the kernel log "
                                      "shows the OOM kill [[kernel-event:%3]].%4 The leader cannot be reaped while its threads wait, so the port "
                                      "stays taken: the cgroup OOM livelock of seed 001; usually only a reboot clears it.")
                           .arg(n.detail, cg.isEmpty() ? QStringLiteral("(unknown)") : cg)
                           .arg(n.data.value(QStringLiteral("oom_killed_event")).toInteger()).arg(cgDetail);
            if (!oom)
                f.detail = n.detail + QStringLiteral(". No OOM kill of it is in the kernel log.");
            f.data = n.data;
            f.evidence = n.evidence;
            if (cgNode >= 0)
                f.evidence += g.node(cgNode).evidence;
            out.append(f);
        }
        // kill -9 pending (SigPnd/ShdPnd bit 9), filled by the evidence of schema 10 when collected.
        if (n.kind == QLatin1String("task") && n.data.value(QStringLiteral("sigkill_pending")).toBool()) {
            Finding f = base(QStringLiteral("blocker-kill-pending"));
            f.severity = QStringLiteral("high");
            f.title = QStringLiteral("kill -9 is pending for %1 and cannot be delivered while it is in D").arg(n.label);
            f.detail = QStringLiteral("SIGKILL (bit 9 of SigPnd/ShdPnd) is pending: the kill was sent. A task in uninterruptible sleep "
                                      "(D) only acts on signals when the wait ends, so it stays until what it waits for (see the chain) "
                                      "answers or is aborted.");
            f.data = n.data;
            f.evidence = n.evidence;
            out.append(f);
        }
    }
    return out;
}
