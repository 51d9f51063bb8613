#include "StraceEdgeSource.h"

#include "BlockerInputs.h"
#include "BlockerNodes.h"
#include "WaitsForGraph.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QRegularExpression>

namespace {
constexpr int kMaxHungCalls = 5000;
}

void StraceEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    if (!in.hostId)
        return;
    auto st = in.db->prepare(QStringLiteral(
        "SELECT c.id, CASE WHEN c.pid = 0 THEN COALESCE(t.file_pid, 0) ELSE c.pid END, c.syscall, c.args, c.fd_path, c.time_us,"
        " (SELECT exec FROM strace_processes p WHERE p.collection_id = t.collection_id AND p.pid = c.pid)"
        " FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id"
        " WHERE t.host_id = ? AND (c.unfinished <> 0 OR (c.ret IS NULL AND c.ret_text = '?')) AND c.kind = 0 ORDER BY c.id LIMIT ?"));
    st.bind(1, in.hostId).bind(2, kMaxHungCalls);
    static const QRegularExpression portRe(QStringLiteral("htons\\(([0-9]+)\\)"));
    static const QRegularExpression addrRe(QStringLiteral("inet_(?:addr|pton)\\((?:AF_INET6?, )?\"([^\"]+)\""));
    static const QRegularExpression mountAddrRe(QStringLiteral("[,\"]addr=([0-9A-Fa-f.:]+)"));
    static const QRegularExpression tcpPathRe(QStringLiteral("^TCP6?:\\[(.+)->(.+)\\]$"));
    QString syscallName; // of the call being read: names a process strace saw no execve of
    auto taskFor = [&](qint64 pid, const QString &exec) {
        int n = in.taskNode.value(pid, -1);
        if (n >= 0)
            return n;
        for (const ProcTask &t : std::as_const(in.tasks))
            if (t.tid == pid) {
                n = BlockerNodes::ensureTask(g, t);
                in.taskNode.insert(pid, n);
                return n;
            }
        QString name = exec.section(QLatin1Char('"'), 1, 1).section(QLatin1Char('/'), -1);
        if (name.isEmpty())
            name = syscallName.isEmpty() ? QStringLiteral("pid") : syscallName;
        n = g.ensureNode(BlockerNodes::taskKey(pid), QStringLiteral("task"), QStringLiteral("%1 (%2)").arg(name).arg(pid));
        g.node(n).data.insert(QStringLiteral("comm"), name);
        g.node(n).detail = QStringLiteral("seen by strace; not in the latest procfs snapshot");
        g.node(n).data.insert(QStringLiteral("tid"), pid);
        g.node(n).data.insert(QStringLiteral("pid"), pid);
        in.taskNode.insert(pid, n);
        return n;
    };
    while (st.step()) {
        const qint64 callId = st.int64(0);
        const qint64 pid = st.int64(1);
        const QString sys = st.text(2);
        syscallName = sys;
        const QString args = st.text(3);
        const QString fdPath = st.text(4);
        const EvidenceRef ref{QStringLiteral("strace-call"), callId, QStringLiteral("%1(%2").arg(sys, args.left(60))};
        if (sys == QLatin1String("flock") || ((sys == QLatin1String("fcntl") || sys == QLatin1String("fcntl64")) && args.contains(QLatin1String("F_SETLKW")))) {
            if (args.contains(QLatin1String("LOCK_NB")))
                continue;
            const int task = taskFor(pid, st.text(6));
            const bool exclusive = args.contains(QLatin1String("LOCK_EX")) || args.contains(QLatin1String("F_WRLCK"));
            const QString path = fdPath.isEmpty() ? QStringLiteral("fd %1").arg(args.section(QLatin1Char(','), 0, 0).section(QLatin1Char('<'), 0, 0)) : fdPath;
            // The stacks' anonymous file lock, if this task waits on it, is this one.
            int lock = -1;
            for (int e : g.outgoing(task))
                if (g.edges()[e].kind == WaitsForGraph::waitsFor() && g.node(g.edges()[e].to).kind == QLatin1String("file-lock"))
                    lock = g.edges()[e].to;
            if (lock < 0)
                lock = g.ensureNode(QStringLiteral("file-lock:%1").arg(path), QStringLiteral("file-lock"), QStringLiteral("file lock on %1").arg(path));
            else if (g.node(lock).key == QLatin1String("file-lock:?"))
                g.node(lock).label = QStringLiteral("file lock on %1").arg(path);
            BlockerNode &ln = g.node(lock);
            ln.data.insert(QStringLiteral("path"), path);
            ln.data.insert(QStringLiteral("hung_exclusive"), ln.data.value(QStringLiteral("hung_exclusive")).toInt() + (exclusive ? 1 : 0));
            ln.data.insert(QStringLiteral("hung_shared"), ln.data.value(QStringLiteral("hung_shared")).toInt() + (exclusive ? 0 : 1));
            g.addEdge(task, lock, WaitsForGraph::waitsFor(),
                      QStringLiteral("%1(%2) never returned (strace)").arg(sys, args.left(80)), QStringLiteral("strace-hung-lock"), {ref});
            g.addNodeEvidence(lock, ref);
        } else if (sys == QLatin1String("connect")) {
            const auto p = portRe.match(args);
            const auto a = addrRe.match(args);
            if (!p.hasMatch() || !a.hasMatch())
                continue;
            const int task = taskFor(pid, st.text(6));
            const QString ep = QStringLiteral("%1:%2").arg(a.captured(1), p.captured(1));
            const int n = g.ensureNode(QStringLiteral("endpoint:%1").arg(ep), QStringLiteral("endpoint"), ep);
            g.node(n).external = true;
            g.node(n).data.insert(QStringLiteral("address"), a.captured(1));
            g.node(n).data.insert(QStringLiteral("port"), p.captured(1).toInt());
            g.addEdge(task, n, WaitsForGraph::waitsFor(), QStringLiteral("connect() to %1 never returned (strace)").arg(ep),
                      QStringLiteral("strace-hung-connect"), {ref});
        } else if (sys == QLatin1String("mount")) {
            const int task = taskFor(pid, st.text(6));
            const QStringList quoted = [&] {
                QStringList q;
                static const QRegularExpression s(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
                auto it = s.globalMatch(args);
                while (it.hasNext())
                    q.append(it.next().captured(1));
                return q;
            }();
            const QString target = quoted.value(1, QStringLiteral("?"));
            const int mount = g.ensureNode(QStringLiteral("mount:%1").arg(target), QStringLiteral("mount"),
                                           QStringLiteral("mount %1 on %2 (%3)").arg(quoted.value(0), target, quoted.value(2)));
            g.node(mount).data.insert(QStringLiteral("source"), quoted.value(0));
            g.node(mount).data.insert(QStringLiteral("target"), target);
            g.node(mount).data.insert(QStringLiteral("fstype"), quoted.value(2));
            g.addEdge(task, mount, WaitsForGraph::waitsFor(), QStringLiteral("mount() never returned (strace)"), QStringLiteral("strace-hung-mount"), {ref});
            const auto ma = mountAddrRe.match(args);
            QString server = ma.hasMatch() ? ma.captured(1) : quoted.value(0).section(QLatin1Char(':'), 0, 0);
            if (!server.isEmpty() && quoted.value(2).startsWith(QLatin1String("nfs"))) {
                const int srv = g.ensureNode(QStringLiteral("nfs-server:%1").arg(server), QStringLiteral("nfs-server"), QStringLiteral("NFS server %1").arg(server));
                g.node(srv).external = true;
                g.node(srv).data.insert(QStringLiteral("server"), server);
                g.node(srv).data.insert(QStringLiteral("address"), server);
                g.addEdge(mount, srv, WaitsForGraph::servedBy(), QStringLiteral("the mount's server (addr= of the mount call)"),
                          QStringLiteral("strace-mount-server"), {ref});
            }
        } else if (fdPath.startsWith(QLatin1String("TCP"))) {
            const auto m = tcpPathRe.match(fdPath);
            if (!m.hasMatch())
                continue;
            const int task = taskFor(pid, st.text(6));
            const QString ep = m.captured(2);
            const int n = g.ensureNode(QStringLiteral("endpoint:%1").arg(ep), QStringLiteral("endpoint"), ep);
            g.node(n).external = true;
            g.node(n).data.insert(QStringLiteral("address"), ep.section(QLatin1Char(':'), 0, -2).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
            g.node(n).data.insert(QStringLiteral("port"), ep.section(QLatin1Char(':'), -1).toInt());
            g.addEdge(task, n, WaitsForGraph::waitsFor(), QStringLiteral("%1() on a connection to %2 never returned (strace)").arg(sys, ep),
                      QStringLiteral("strace-hung-socket"), {ref});
        }
    }
    // Completed shared locks on the same files: "only exclusive locks hang".
    for (int i = 0; i < g.nodeCount(); ++i) {
        BlockerNode &n = g.node(i);
        if (n.kind != QLatin1String("file-lock") || !n.data.contains(QStringLiteral("path")))
            continue;
        auto sh = in.db->prepare(QStringLiteral(
            "SELECT c.id, c.args FROM strace_traces t JOIN strace_calls c ON c.trace_id = t.id WHERE t.host_id = ? AND c.syscall = 'flock'"
            " AND c.unfinished = 0 AND c.ret = 0 AND c.args LIKE '%LOCK_SH%' AND (c.fd_path = ? OR c.fd_path IS NULL) LIMIT 1000"));
        sh.bind(1, in.hostId).bind(2, n.data.value(QStringLiteral("path")).toString());
        int shared = 0;
        while (sh.step()) {
            if (shared < 8)
                g.addNodeEvidence(i, {QStringLiteral("strace-call"), sh.int64(0), QStringLiteral("flock(%1 = 0").arg(sh.text(1).left(60))});
            ++shared;
        }
        n.data.insert(QStringLiteral("shared_returned"), shared);
    }
}
