#include "ServiceEdgeSource.h"

#include "BlockerInputs.h"
#include "WaitsForGraph.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QJsonArray>

#include <QRegularExpression>

void ServiceEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    const SnapshotInfo *last = in.last();
    QList<int> lockServers;
    for (int i = 0; i < g.nodeCount(); ++i)
        if (g.node(i).kind == QLatin1String("nfs-lock-server"))
            lockServers.append(i);
    if (lockServers.isEmpty() || !last)
        return;
    QString statd;
    for (const ServiceState &s : SnapshotStore(*in.db).services(last->id))
        if (s.name == QLatin1String("rpc-statd") || s.name == QLatin1String("rpc-statd.service") || s.name == QLatin1String("nfs-lock"))
            statd = s.state;
    auto rpc = in.db->prepare(QStringLiteral("SELECT rpcinfo FROM procfs_snapshots WHERE id = ?"));
    rpc.bind(1, last->id);
    const QString rpcinfo = rpc.step() ? rpc.text(0) : QString();
    // rpcinfo -p: "   100024    1   udp  46232  status"
    static const QRegularExpression statusRe(QStringLiteral("^\\s*100024\\s"), QRegularExpression::MultilineOption);
    // Read when it lists programs ("program vers proto port service" and rows);
    // "can't contact portmapper" or "unavailable" is not an answer.
    static const QRegularExpression anyProgram(QStringLiteral("^\\s*1000[0-9]{2}\\s"), QRegularExpression::MultilineOption);
    const bool rpcinfoRead = anyProgram.match(rpcinfo).hasMatch();
    const bool statusRegistered = rpcinfoRead && statusRe.match(rpcinfo).hasMatch();
    QStringList v3Mounts;
    auto mounts = in.db->prepare(QStringLiteral("SELECT mount_point, options, super_options FROM procfs_mounts WHERE snapshot_id = ?"
                                                " AND fstype = 'nfs' LIMIT 1000"));
    mounts.bind(1, last->id);
    while (mounts.step())
        if ((mounts.text(1) + QLatin1Char(',') + mounts.text(2)).contains(QLatin1String("vers=3")))
            v3Mounts.append(mounts.text(0));
    const EvidenceRef snapRef{QStringLiteral("snapshot"), last->id, QStringLiteral("snapshot %1").arg(last->id)};
    for (int ls : lockServers) {
        BlockerNode &n = g.node(ls);
        n.data.insert(QStringLiteral("rpc_statd"), statd.isEmpty() ? QStringLiteral("not collected") : statd);
        n.data.insert(QStringLiteral("rpcinfo_read"), rpcinfoRead);
        n.data.insert(QStringLiteral("status_registered"), statusRegistered);
        n.data.insert(QStringLiteral("nfsv3_mounts"), QJsonArray::fromStringList(v3Mounts));
    }
    // Only a state systemd reported as down makes a service node; unknown or
    // unavailable (no systemctl) is recorded on the lock manager as such.
    static const QStringList down{QStringLiteral("inactive"), QStringLiteral("failed"), QStringLiteral("dead")};
    if (!down.contains(statd))
        return;
    const int svc = g.ensureNode(QStringLiteral("service:rpc-statd"), QStringLiteral("service"), QStringLiteral("rpc-statd on %1").arg(in.hostName));
    BlockerNode &s = g.node(svc);
    s.status = statd;
    s.detail = QStringLiteral("rpc-statd is %1 on %2%3").arg(statd, in.hostName,
                                                           rpcinfoRead ? (statusRegistered ? QStringLiteral("; status (100024) is registered")
                                                                                           : QStringLiteral("; status (100024) not registered"))
                                                                       : QStringLiteral("; rpcinfo not read"));
    s.data.insert(QStringLiteral("state"), statd);
    s.data.insert(QStringLiteral("status_registered"), statusRegistered);
    g.addNodeEvidence(svc, snapRef);
    for (int ls : lockServers)
        g.addEdge(ls, svc, WaitsForGraph::waitsFor(),
                  QStringLiteral("NFSv3 locks need rpc.statd (NSM) on the client: rpc-statd is %1").arg(statd),
                  QStringLiteral("nfsv3-needs-statd"), {snapRef});
}
