#include "PcapEdgeSource.h"

#include "BlockerInputs.h"
#include "WaitsForGraph.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

void PcapEdgeSource::contribute(BlockerInputs &in, WaitsForGraph &g) const
{
    if (!in.hostId)
        return;
    // The captures of this host and the time they cover.
    auto caps = in.db->prepare(QStringLiteral("SELECT id, COALESCE(first_us, 0), COALESCE(last_us, 0), packets FROM pcap_captures WHERE host_id = ? LIMIT 1000"));
    caps.bind(1, in.hostId);
    QList<qint64> captureIds;
    qint64 firstUs = 0, lastUs = 0, packets = 0;
    while (caps.step()) {
        captureIds.append(caps.int64(0));
        if (caps.int64(1) && (!firstUs || caps.int64(1) < firstUs))
            firstUs = caps.int64(1);
        lastUs = std::max(lastUs, caps.int64(2));
        packets += caps.int64(3);
    }
    if (captureIds.isEmpty())
        return;
    for (int i = 0; i < g.nodeCount(); ++i) {
        BlockerNode &n = g.node(i);
        if (!n.external)
            continue;
        const QString address = n.data.contains(QStringLiteral("address")) ? n.data.value(QStringLiteral("address")).toString()
                                                                         : n.data.value(QStringLiteral("server")).toString();
        if (address.isEmpty() || address == QLatin1String("?"))
            continue;
        const int port = n.data.value(QStringLiteral("port")).toInt();
        qint64 sent = 0, answered = 0;
        int refused = 0, conversations = 0;
        QList<EvidenceRef> refs;
        for (qint64 cap : std::as_const(captureIds)) {
            auto st = in.db->prepare(QStringLiteral(
                "SELECT id, addr_a, port_a, addr_b, port_b, packets_ab, packets_ba, handshake, rst_ab, rst_ba, icmp_unreachable"
                " FROM pcap_conversations WHERE capture_id = ?1 AND ((addr_b = ?2 AND (?3 = 0 OR port_b = ?3)) OR (addr_a = ?2 AND (?3 = 0 OR port_a = ?3)))"
                " LIMIT 10000"));
            st.bind(1, cap).bind(2, address).bind(3, port);
            while (st.step()) {
                ++conversations;
                const bool aIsPeer = st.text(1) == address && (port == 0 || st.int64(2) == port);
                const qint64 toPeer = aIsPeer ? st.int64(6) : st.int64(5);
                const qint64 fromPeer = aIsPeer ? st.int64(5) : st.int64(6);
                sent += toPeer;
                answered += fromPeer;
                const bool rstFromPeer = aIsPeer ? st.int64(8) > 0 : st.int64(9) > 0;
                if (st.text(7) == QLatin1String("refused") || rstFromPeer || st.int64(10) > 0)
                    ++refused;
                if (refs.size() < 16)
                    refs.append({QStringLiteral("conversation"), st.int64(0),
                                 QStringLiteral("%1:%2 -> %3:%4").arg(st.text(1)).arg(st.int64(2)).arg(st.text(3)).arg(st.int64(4))});
            }
        }
        QString status;
        if (conversations == 0)
            status = QStringLiteral("no-packets");
        else if (refused > 0)
            status = QStringLiteral("refused");
        else if (answered == 0)
            status = QStringLiteral("silent");
        else
            status = QStringLiteral("answered");
        n.data.insert(QStringLiteral("capture"), QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("packets_to"), sent},
                                                            {QStringLiteral("packets_from"), answered}, {QStringLiteral("conversations"), conversations},
                                                            {QStringLiteral("captures"), int(captureIds.size())},
                                                            {QStringLiteral("capture_packets"), packets},
                                                            {QStringLiteral("first_us"), firstUs}, {QStringLiteral("last_us"), lastUs}});
        if (n.status.isEmpty() || n.status == QLatin1String("answered"))
            n.status = status; // the kernel log's "not responding" stays
        for (const EvidenceRef &r : refs)
            g.addNodeEvidence(i, r);
    }
}
