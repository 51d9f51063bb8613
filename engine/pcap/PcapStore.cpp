#include "PcapStore.h"

#include "AddressText.h"
#include "CaptureSummarizer.h"
#include "PacketDecoder.h"
#include "RpcNames.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/TimeUtil.h"

#include <cstdio>
#include <cstring>
#include <array>
#include <map>
#include <tuple>

namespace {
QString protocolName(uint8_t p)
{
    switch (p) {
    case 6: return QStringLiteral("tcp");
    case 17: return QStringLiteral("udp");
    case 1: return QStringLiteral("icmp");
    case 58: return QStringLiteral("icmpv6");
    default: return QStringLiteral("ip-%1").arg(p);
    }
}

QString procedureName(const RpcProcedureStats &s)
{
    const char *name = RpcNames::procedure(s.program, s.version, s.procedure);
    QString text = name ? QString::fromLatin1(name) : QStringLiteral("proc-%1").arg(s.procedure);
    if (s.operation) {
        const char *op = RpcNames::nfs4Operation(s.operation);
        text += QLatin1Char(':') + (op ? QString::fromLatin1(op) : QStringLiteral("op-%1").arg(s.operation));
    }
    return text;
}

QString programName(uint32_t program)
{
    const char *name = RpcNames::program(program);
    return name ? QString::fromLatin1(name) : QString::number(program);
}

QString statusName(int32_t status, bool answered)
{
    if (!answered)
        return QStringLiteral("unanswered");
    if (status < 0)
        return QStringLiteral("unknown");
    if (status >= 100)
        return status == 100 ? QStringLiteral("denied:rpc_mismatch") : QStringLiteral("denied:auth_error");
    const char *n = RpcNames::acceptStatus(uint32_t(status));
    return n ? QString::fromLatin1(n) : QStringLiteral("accept-%1").arg(status);
}

// SQLite binds a null QString as NULL; the text columns are NOT NULL.
QString nn(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

int protocolText(char *buf, uint8_t p)
{
    switch (p) {
    case 6: return std::snprintf(buf, 16, "tcp");
    case 17: return std::snprintf(buf, 16, "udp");
    case 1: return std::snprintf(buf, 16, "icmp");
    case 58: return std::snprintf(buf, 16, "icmpv6");
    default: return std::snprintf(buf, 16, "ip-%u", unsigned(p));
    }
}

struct EndpointTotals
{
    uint64_t packetsSent = 0, bytesSent = 0, packetsReceived = 0, bytesReceived = 0, conversations = 0;
};
struct PortTotals
{
    uint64_t packets = 0, bytes = 0, conversations = 0;
};
}

qint64 PcapStore::store(const CaptureSummarizer &summary, const Origin &origin)
{
    const CaptureOverview &o = summary.overview();
    const FlowTable &flows = summary.flows();
    const RpcTracker &rpc = summary.rpc();
    SqliteTransaction tx(m_db);

    SqliteStatement cap = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_captures(collection_id, host_id, artifact_id, source, format, nanosecond, big_endian, input_bytes,"
        " packets, wire_bytes, captured_bytes, first_us, last_us, ipv4_packets, ipv6_packets, tcp_packets, udp_packets,"
        " icmp_packets, icmpv6_packets, other_ip_packets, non_ip_packets, malformed_packets, fragments, conversations,"
        " rpc_calls, rpc_replies, rpc_calls_capped, truncated, error, created_us)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    // parameters numbered explicitly
    cap.bindIdOrNull(1, origin.collectionId).bindIdOrNull(2, origin.hostId).bindIdOrNull(3, origin.artifactId)
        .bind(4, origin.source.isNull() ? QString(QLatin1String("")) : origin.source)
        .bind(5, o.format.isNull() ? QString(QLatin1String("")) : o.format)
        .bind(6, int(o.nanosecond)).bind(7, int(o.bigEndian)).bind(8, qint64(o.inputBytes))
        .bind(9, qint64(o.packets)).bind(10, qint64(o.wireBytes)).bind(11, qint64(o.capturedBytes));
    if (o.packets) {
        cap.bind(12, qint64(o.firstUs)).bind(13, qint64(o.lastUs));
    } else {
        cap.bindNull(12).bindNull(13);
    }
    cap.bind(14, qint64(o.ipv4)).bind(15, qint64(o.ipv6)).bind(16, qint64(o.tcp)).bind(17, qint64(o.udp))
        .bind(18, qint64(o.icmp)).bind(19, qint64(o.icmpv6)).bind(20, qint64(o.otherIp)).bind(21, qint64(o.nonIp))
        .bind(22, qint64(o.malformed)).bind(23, qint64(o.fragments)).bind(24, qint64(flows.size()))
        .bind(25, qint64(rpc.totalCalls())).bind(26, qint64(rpc.totalReplies())).bind(27, int(rpc.callsCapped()))
        .bind(28, int(o.truncated));
    o.error.isEmpty() ? cap.bindNull(29) : cap.bind(29, o.error);
    cap.bind(30, TimeUtil::nowUs());
    cap.exec();
    const qint64 captureId = m_db.lastInsertRowId();

    SqliteStatement ifs = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_interfaces(capture_id, idx, link_type, link_name, name, snap_length, ts_units_per_second, packets, bytes)"
        " VALUES (?,?,?,?,?,?,?,?,?)"));
    for (const CaptureOverview::Interface &itf : o.interfaces) {
        ifs.bind(1, captureId).bind(2, qint64(itf.info.index)).bind(3, qint64(itf.info.linkType))
            .bind(4, QString::fromLatin1(PacketDecoder::linkTypeName(itf.info.linkType)))
            .bind(5, nn(QString::fromUtf8(itf.info.name))).bind(6, qint64(itf.info.snapLength))
            .bind(7, qint64(itf.info.tsUnitsPerSecond)).bind(8, qint64(itf.packets)).bind(9, qint64(itf.bytes));
        ifs.exec();
    }

    // Conversations, and the endpoint/port totals derived from them.
    SqliteStatement cv = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_conversations(capture_id, protocol, ip_version, addr_a, port_a, addr_b, port_b, packets_ab, bytes_ab,"
        " packets_ba, bytes_ba, first_us, last_us, handshake, syn_count, synack_count, rst_ab, rst_ba, fin_ab, fin_ba,"
        " retransmissions, zero_window, icmp_unreachable, rpc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    std::vector<qint64> convIds(flows.size(), 0);
    std::map<std::array<uint8_t, 17>, EndpointTotals> endpoints; // version + address
    std::map<std::tuple<uint8_t, int>, PortTotals> ports;
    for (size_t k = 0; k < flows.size(); ++k) {
        const Conversation &c = flows.at(uint32_t(k));
        const FlowKey &key = c.key;
        const uint8_t *addrA = c.aIsLo ? key.addrLo : key.addrHi;
        const uint8_t *addrB = c.aIsLo ? key.addrHi : key.addrLo;
        const uint16_t portA = c.aIsLo ? key.portLo : key.portHi;
        const uint16_t portB = c.aIsLo ? key.portHi : key.portLo;
        // The hot loop of storing: text bound from stack buffers, no QString.
        char textA[64], textB[64], proto[16];
        const int lenA = AddressText::format(textA, addrA, key.ipVersion);
        const int lenB = AddressText::format(textB, addrB, key.ipVersion);
        const char *handshake = Conversation::handshakeName(c.handshake());
        cv.bind(1, captureId).bindText(2, QByteArrayView(proto, protocolText(proto, key.protocol))).bind(3, int(key.ipVersion))
            .bindText(4, QByteArrayView(textA, lenA)).bind(5, int(portA))
            .bindText(6, QByteArrayView(textB, lenB)).bind(7, int(portB))
            .bind(8, qint64(c.packets[0])).bind(9, qint64(c.bytes[0]))
            .bind(10, qint64(c.packets[1])).bind(11, qint64(c.bytes[1]))
            .bind(12, qint64(c.firstUs)).bind(13, qint64(c.lastUs))
            .bindText(14, QByteArrayView(handshake, qsizetype(std::strlen(handshake))))
            .bind(15, qint64(c.syn)).bind(16, qint64(c.synAck)).bind(17, qint64(c.rst[0])).bind(18, qint64(c.rst[1]))
            .bind(19, qint64(c.fin[0])).bind(20, qint64(c.fin[1])).bind(21, qint64(c.retransmissions))
            .bind(22, qint64(c.zeroWindow)).bind(23, qint64(c.icmpUnreachable)).bind(24, int(c.isRpc));
        cv.exec();
        convIds[k] = m_db.lastInsertRowId();

        std::array<uint8_t, 17> ka, kb;
        ka[0] = kb[0] = key.ipVersion;
        std::memcpy(ka.data() + 1, addrA, 16);
        std::memcpy(kb.data() + 1, addrB, 16);
        EndpointTotals &ea = endpoints[ka];
        ea.packetsSent += c.packets[0];
        ea.bytesSent += c.bytes[0];
        ea.packetsReceived += c.packets[1];
        ea.bytesReceived += c.bytes[1];
        ++ea.conversations;
        EndpointTotals &eb = endpoints[kb];
        eb.packetsSent += c.packets[1];
        eb.bytesSent += c.bytes[1];
        eb.packetsReceived += c.packets[0];
        eb.bytesReceived += c.bytes[0];
        if (ka != kb)
            ++eb.conversations;
        for (int port : {-1, (key.protocol == 6 || key.protocol == 17) ? int(portB) : -2}) {
            if (port == -2)
                continue;
            PortTotals &pt = ports[{key.protocol, port}];
            pt.packets += c.packets[0] + c.packets[1];
            pt.bytes += c.bytes[0] + c.bytes[1];
            ++pt.conversations;
        }
    }
    SqliteStatement ep = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_endpoints(capture_id, address, packets_sent, bytes_sent, packets_received, bytes_received, conversations)"
        " VALUES (?,?,?,?,?,?,?)"));
    for (const auto &[k, e] : endpoints) {
        ep.bind(1, captureId).bind(2, AddressText::of(k.data() + 1, k[0]))
            .bind(3, qint64(e.packetsSent)).bind(4, qint64(e.bytesSent)).bind(5, qint64(e.packetsReceived))
            .bind(6, qint64(e.bytesReceived)).bind(7, qint64(e.conversations));
        ep.exec();
    }
    SqliteStatement pt = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_ports(capture_id, protocol, port, packets, bytes, conversations) VALUES (?,?,?,?,?,?)"));
    for (const auto &[k, t] : ports) {
        pt.bind(1, captureId).bind(2, protocolName(std::get<0>(k))).bind(3, std::get<1>(k)).bind(4, qint64(t.packets))
            .bind(5, qint64(t.bytes)).bind(6, qint64(t.conversations));
        pt.exec();
    }

    // RPC.
    SqliteStatement pr = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_rpc_procedures(capture_id, program, version, procedure, operation, program_name, procedure_name,"
        " transport, calls, retransmits, replies, errors, unanswered, latency_min_us, latency_avg_us, latency_max_us)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    std::vector<QString> procNames, progNames; // per procedure-stats index, computed once
    for (const RpcProcedureStats &s : rpc.procedures()) {
        procNames.push_back(procedureName(s));
        progNames.push_back(programName(s.program));
    }
    for (const RpcProcedureStats &s : rpc.procedures()) {
        // parameters numbered explicitly
        pr.bind(1, captureId).bind(2, qint64(s.program)).bind(3, qint64(s.version)).bind(4, qint64(s.procedure))
            .bind(5, int(s.operation)).bind(6, programName(s.program)).bind(7, procedureName(s))
            .bind(8, s.tcp && s.udp ? QStringLiteral("tcp+udp") : s.tcp ? QStringLiteral("tcp") : QStringLiteral("udp"))
            .bind(9, qint64(s.calls)).bind(10, qint64(s.retransmits)).bind(11, qint64(s.replies))
            .bind(12, qint64(s.errors)).bind(13, qint64(s.unanswered));
        if (s.replies) {
            pr.bind(14, qint64(s.latencyMinUs)).bind(15, qint64(s.latencySumUs / int64_t(s.replies)))
                .bind(16, qint64(s.latencyMaxUs));
        } else {
            pr.bindNull(14).bindNull(15).bindNull(16);
        }
        pr.exec();
    }
    SqliteStatement rc = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_rpc_calls(capture_id, conversation_id, xid, client, server, program, version, procedure,"
        " program_name, procedure_name, operations, call_us, reply_us, latency_us, status, retransmits)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const RpcCallRecord &r : rpc.calls()) {
        const Conversation &c = flows.at(r.conversation);
        const FlowKey &key = c.key;
        // The client is side A when clientSide == 0.
        const bool clientIsLo = (r.clientSide == 0) == c.aIsLo;
        const QString client = AddressText::withPort(clientIsLo ? key.addrLo : key.addrHi, key.ipVersion,
                                                     clientIsLo ? key.portLo : key.portHi);
        const QString server = AddressText::withPort(clientIsLo ? key.addrHi : key.addrLo, key.ipVersion,
                                                     clientIsLo ? key.portHi : key.portLo);
        QStringList ops;
        for (int k = 0; k < r.opCount; ++k) {
            const char *n = RpcNames::nfs4Operation(r.ops[k]);
            ops << (n ? QString::fromLatin1(n) : QString::number(r.ops[k]));
        }
        // parameters numbered explicitly
        rc.bind(1, captureId).bindIdOrNull(2, convIds[r.conversation]).bind(3, qint64(r.xid)).bind(4, client)
            .bind(5, server).bind(6, qint64(r.program)).bind(7, qint64(r.version)).bind(8, qint64(r.procedure))
            .bind(9, progNames[r.statsIndex]).bind(10, procNames[r.statsIndex])
            .bind(11, nn(ops.join(QLatin1Char(',')))).bind(12, qint64(r.callUs));
        if (r.replyUs) {
            rc.bind(13, qint64(r.replyUs)).bind(14, qint64(r.replyUs - r.callUs));
        } else {
            rc.bindNull(13).bindNull(14);
        }
        rc.bind(15, statusName(r.status, r.replyUs != 0)).bind(16, qint64(r.retransmits));
        rc.exec();
    }
    SqliteStatement rg = m_db.prepare(QStringLiteral(
        "INSERT INTO pcap_rpc_registrations(capture_id, server, program, version, protocol, port, program_name, source)"
        " VALUES (?,?,?,?,?,?,?,?)"));
    for (const RpcRegistration &r : rpc.registrations()) {
        rg.bind(1, captureId).bind(2, AddressText::of(r.server, r.ipVersion)).bind(3, qint64(r.program))
            .bind(4, qint64(r.version))
            .bind(5, r.protocol == 6 ? QStringLiteral("tcp") : r.protocol == 17 ? QStringLiteral("udp") : QStringLiteral("other"))
            .bind(6, qint64(r.port)).bind(7, programName(r.program))
            .bind(8, r.fromDump ? QStringLiteral("dump") : QStringLiteral("getport"));
        rg.exec();
    }
    SqliteStatement w = m_db.prepare(QStringLiteral("INSERT INTO pcap_warnings(capture_id, seq, message) VALUES (?,?,?)"));
    for (int k = 0; k < o.warnings.size(); ++k) {
        w.bind(1, captureId).bind(2, k).bind(3, o.warnings.at(k));
        w.exec();
    }
    tx.commit();
    return captureId;
}
