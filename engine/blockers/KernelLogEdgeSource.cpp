#include "KernelLogEdgeSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QJsonArray>

#include <QRegularExpression>

namespace {
constexpr int kMaxLines = 200000;

// The node of a server of this kind: the one keyed by its address, else the
// one the stacks could not name (adopted: it is the only server in the log).
int serverNode(WaitsForGraph &g, const QString &kind, const QString &server, bool create)
{
    int n = g.find(QStringLiteral("%1:%2").arg(kind, server));
    if (n < 0) {
        n = g.find(QStringLiteral("%1:?").arg(kind));
        if (n >= 0) {
            g.node(n).data.insert(QStringLiteral("server"), server);
            g.node(n).label = kind == QLatin1String("nfs-lock-server") ? QStringLiteral("lockd on %1").arg(server)
                                                                        : QStringLiteral("NFS server %1").arg(server);
            g.node(n).detail = QStringLiteral("named by the kernel log (the only %1 it names)").arg(kind);
        }
    }
    if (n < 0 && create) {
        n = g.ensureNode(QStringLiteral("%1:%2").arg(kind, server), kind,
                         kind == QLatin1String("nfs-lock-server") ? QStringLiteral("lockd on %1").arg(server)
                                                                   : QStringLiteral("NFS server %1").arg(server));
        g.node(n).data.insert(QStringLiteral("server"), server);
    }
    if (n >= 0)
        g.node(n).external = true;
    return n;
}
}

void KernelLogEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    if (!in.hostId)
        return;
    // Events: lockd/nfs server status, OOM kills.
    auto ev = in.db->prepare(QStringLiteral(
        "SELECT id, at_us, kind, summary, detail FROM events WHERE host_id = ? AND source = 'kernel-log'"
        " AND kind IN ('lockd-not-responding','lockd-ok','nfs-not-responding','nfs-ok','oom-kill') ORDER BY at_us, id LIMIT 100000"));
    ev.bind(1, in.hostId);
    static const QRegularExpression serverRe(QStringLiteral("server (\\S+) (not responding|OK)"));
    static const QRegularExpression oomRe(QStringLiteral("killed pid ([0-9]+) \\((.*)\\)(?: in cgroup (\\S+))?"));
    struct ServerState { int notResponding = 0; int ok = 0; bool lastOk = false; QList<EvidenceRef> refs; qint64 lastUs = 0; };
    QHash<QString, ServerState> servers; // "lockd 10.1.84.31"
    while (ev.step()) {
        const qint64 id = ev.int64(0);
        const QString kind = ev.text(2);
        const QString summary = ev.text(3);
        const EvidenceRef ref{QStringLiteral("kernel-event"), id, summary.left(80)};
        if (kind == QLatin1String("oom-kill")) {
            const auto m = oomRe.match(summary);
            if (!m.hasMatch())
                continue;
            const QString cg = m.captured(3);
            const int n = cg.isEmpty() ? -1 : g.find(QStringLiteral("memory-cgroup:%1").arg(cg));
            const int target = n >= 0 ? n : g.ensureNode(QStringLiteral("memory-cgroup:%1").arg(cg.isEmpty() ? QStringLiteral("?") : cg),
                                                         QStringLiteral("memory-cgroup"), QStringLiteral("memory cgroup %1").arg(cg));
            BlockerNode &node = g.node(target);
            node.data.insert(QStringLiteral("path"), cg);
            QJsonArray kills = node.data.value(QStringLiteral("oom_kills_logged")).toArray();
            kills.append(QJsonObject{{QStringLiteral("pid"), m.captured(1).toLongLong()}, {QStringLiteral("comm"), m.captured(2)},
                                     {QStringLiteral("event_id"), id}, {QStringLiteral("at_us"), ev.int64(1)}});
            node.data.insert(QStringLiteral("oom_kills_logged"), kills);
            g.addNodeEvidence(target, ref);
            continue;
        }
        const auto m = serverRe.match(summary);
        if (!m.hasMatch())
            continue;
        const QString who = kind.startsWith(QLatin1String("lockd")) ? QStringLiteral("lockd") : QStringLiteral("nfs");
        ServerState &s = servers[who + QLatin1Char(' ') + m.captured(1)];
        if (kind.endsWith(QLatin1String("-ok"))) {
            ++s.ok;
            s.lastOk = true;
        } else {
            ++s.notResponding;
            s.lastOk = false;
        }
        s.lastUs = ev.int64(1);
        if (s.refs.size() < 32)
            s.refs.append(ref);
    }
    for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
        const QString who = it.key().section(QLatin1Char(' '), 0, 0);
        const QString server = it.key().section(QLatin1Char(' '), 1);
        const int n = serverNode(g, who == QLatin1String("lockd") ? QStringLiteral("nfs-lock-server") : QStringLiteral("nfs-server"), server,
                                 true);
        BlockerNode &node = g.node(n);
        node.data.insert(QStringLiteral("not_responding_lines"), it->notResponding);
        node.data.insert(QStringLiteral("ok_lines"), it->ok);
        node.data.insert(QStringLiteral("log_says"), who);
        if (it->notResponding > 0)
            node.status = it->lastOk ? QStringLiteral("flapping") : QStringLiteral("not-responding");
        node.detail = QStringLiteral("%1: server %2 not responding ×%3, OK ×%4 in the kernel log%5")
                          .arg(who, server).arg(it->notResponding).arg(it->ok)
                          .arg(it->lastOk ? QStringLiteral(" (last: OK)") : QStringLiteral(" (last: not responding)"));
        for (const EvidenceRef &r : it->refs)
            g.addNodeEvidence(n, r);
    }

    // Raw lines the parser makes no event of: mutex owners, in-flight work.
    auto lines = in.db->prepare(QStringLiteral(
        "SELECT id, text, event_id FROM kernel_log_lines WHERE host_id = ? AND (text LIKE '%likely owned by task%' OR text LIKE '%in-flight:%')"
        " ORDER BY id LIMIT ?"));
    lines.bind(1, in.hostId).bind(2, kMaxLines);
    static const QRegularExpression mutexRe(QStringLiteral("task (.+):([0-9]+) (?:is )?blocked on a (\\S+) likely owned by task (.+):([0-9]+)"));
    static const QRegularExpression inflightRe(QStringLiteral("([0-9]+):([A-Za-z_][A-Za-z0-9_.]*)"));
    auto taskNode = [&](qint64 tid, const QString &comm) {
        const int existing = in.taskNode.value(tid, -1);
        if (existing >= 0)
            return existing;
        for (const ProcTask &t : std::as_const(in.tasks))
            if (t.tid == tid) {
                const int n = BlockerNodes::ensureTask(g, t);
                in.taskNode.insert(tid, n);
                return n;
            }
        const int n = g.ensureNode(BlockerNodes::taskKey(tid), QStringLiteral("task"), QStringLiteral("%1 (%2)").arg(comm).arg(tid));
        g.node(n).detail = QStringLiteral("named by the kernel log; not in the latest snapshot");
        g.node(n).data.insert(QStringLiteral("tid"), tid);
        g.node(n).data.insert(QStringLiteral("comm"), comm);
        in.taskNode.insert(tid, n);
        return n;
    };
    while (lines.step()) {
        const QString text = lines.text(1);
        const EvidenceRef ref = lines.isNull(2) ? EvidenceRef{QStringLiteral("kernel-log-line"), lines.int64(0), text.left(80)}
                                                 : EvidenceRef{QStringLiteral("kernel-event"), lines.int64(2), text.left(80)};
        if (const auto m = mutexRe.match(text); m.hasMatch()) {
            const int waiter = taskNode(m.captured(2).toLongLong(), m.captured(1));
            const int owner = taskNode(m.captured(5).toLongLong(), m.captured(4));
            const int lock = g.ensureNode(QStringLiteral("kernel-lock:%1:%2").arg(m.captured(3), m.captured(5)), QStringLiteral("kernel-lock"),
                                          QStringLiteral("%1 owned by %2").arg(m.captured(3), g.node(owner).label));
            g.addEdge(waiter, lock, WaitsForGraph::waitsFor(), QStringLiteral("the hung-task report says it is blocked on this %1").arg(m.captured(3)),
                      QStringLiteral("hung-task-owner"), {ref});
            g.addEdge(owner, lock, WaitsForGraph::holds(), QStringLiteral("the hung-task report says this task likely owns it"),
                      QStringLiteral("hung-task-owner"), {ref});
            continue;
        }
        const int at = int(text.indexOf(QLatin1String("in-flight:")));
        if (at < 0)
            continue;
        auto it = inflightRe.globalMatch(text.mid(at + 10));
        while (it.hasNext()) {
            const auto m = it.next();
            const QString fn = m.captured(2);
            const int work = g.find(QStringLiteral("work-item:%1").arg(BlockerNodes::subsystemOf(fn)));
            if (work < 0)
                continue;
            const int worker = taskNode(m.captured(1).toLongLong(), QStringLiteral("kworker"));
            g.node(worker).data.insert(QStringLiteral("work_function"), fn);
            g.addEdge(work, worker, WaitsForGraph::servedBy(),
                      QStringLiteral("the workqueue dump lists %1 in flight on pid %2").arg(fn, m.captured(1)),
                      QStringLiteral("workqueue-in-flight"), {ref});
        }
    }
}
