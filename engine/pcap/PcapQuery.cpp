#include "PcapQuery.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QJsonValue>

QJsonArray PcapQuery::rows(const QString &sql, qint64 captureId, int limit) const
{
    SqliteStatement st = m_db.prepare(sql);
    st.bind(1, captureId).bind(2, qint64(limit));
    QJsonArray out;
    while (st.step()) {
        QJsonObject row;
        for (int c = 0; c < st.columnCount(); ++c) {
            const QString name = st.columnName(c);
            if (st.isNull(c))
                row.insert(name, QJsonValue::Null);
            else if (name.endsWith(QLatin1String("_us")) || name == QLatin1String("id") || name.startsWith(QLatin1String("packets"))
                     || name.startsWith(QLatin1String("bytes")) || name.startsWith(QLatin1String("port"))
                     || name.endsWith(QLatin1String("_id")) || name.endsWith(QLatin1String("_count"))
                     || name.endsWith(QLatin1String("_packets")) || name.endsWith(QLatin1String("_bytes")))
                row.insert(name, st.int64(c));
            else {
                // Keep numbers numbers and text text, whatever the column.
                const QString text = st.text(c);
                bool ok = false;
                const qint64 v = text.toLongLong(&ok);
                if (ok && QString::number(v) == text)
                    row.insert(name, v);
                else
                    row.insert(name, text);
            }
        }
        out.append(row);
    }
    return out;
}

namespace {
const char *const kCaptureFilter = "(?1 = 0 OR capture_id = ?1)";
QString filtered(const char *sql)
{
    return QString::fromLatin1(sql).replace(QLatin1String("$F"), QLatin1String(kCaptureFilter));
}
}

QJsonArray PcapQuery::captures(qint64 captureId) const
{
    QJsonArray caps = rows(QStringLiteral(
        "SELECT id, collection_id, host_id, artifact_id, source, format, nanosecond, big_endian, input_bytes, packets, wire_bytes,"
        " captured_bytes, first_us, last_us, (last_us - first_us) AS duration_us, ipv4_packets, ipv6_packets, tcp_packets,"
        " udp_packets, icmp_packets, icmpv6_packets, other_ip_packets, non_ip_packets, malformed_packets, fragments,"
        " conversations, rpc_calls, rpc_replies, rpc_calls_capped, truncated, error FROM pcap_captures"
        " WHERE (?1 = 0 OR id = ?1) AND ?2 = ?2 ORDER BY id"), captureId);
    for (int i = 0; i < caps.size(); ++i) {
        QJsonObject c = caps[i].toObject();
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        c.insert(QStringLiteral("interfaces"), rows(QStringLiteral(
            "SELECT idx, link_type, link_name, name, snap_length, ts_units_per_second, packets, bytes FROM pcap_interfaces"
            " WHERE capture_id = ?1 AND ?2 = ?2 ORDER BY idx"), id));
        QJsonArray warnings;
        SqliteStatement w = m_db.prepare(QStringLiteral("SELECT message FROM pcap_warnings WHERE capture_id = ? ORDER BY seq"));
        w.bind(1, id);
        while (w.step())
            warnings.append(w.text(0));
        c.insert(QStringLiteral("warnings"), warnings);
        caps[i] = c;
    }
    return caps;
}

QJsonArray PcapQuery::conversations(qint64 captureId, int limit) const
{
    return rows(filtered(
        "SELECT id, capture_id, protocol, ip_version, addr_a, port_a, addr_b, port_b, packets_ab, bytes_ab, packets_ba, bytes_ba,"
        " first_us, last_us, handshake, syn_count, synack_count, rst_ab, rst_ba, fin_ab, fin_ba, retransmissions, zero_window,"
        " icmp_unreachable, rpc FROM pcap_conversations WHERE $F ORDER BY bytes_ab + bytes_ba DESC, id LIMIT ?2"), captureId, limit);
}

QJsonArray PcapQuery::endpoints(qint64 captureId) const
{
    return rows(filtered(
        "SELECT capture_id, address, packets_sent, bytes_sent, packets_received, bytes_received, conversations"
        " FROM pcap_endpoints WHERE $F ORDER BY bytes_sent + bytes_received DESC LIMIT ?2"), captureId);
}

QJsonArray PcapQuery::ports(qint64 captureId) const
{
    return rows(filtered(
        "SELECT capture_id, protocol, port, packets, bytes, conversations FROM pcap_ports WHERE $F"
        " ORDER BY capture_id, protocol, port < 0 DESC, packets DESC LIMIT ?2"), captureId);
}

QJsonArray PcapQuery::rpcProcedures(qint64 captureId) const
{
    return rows(filtered(
        "SELECT capture_id, program, version, procedure, operation, program_name, procedure_name, transport, calls, retransmits,"
        " replies, errors, unanswered, latency_min_us, latency_avg_us, latency_max_us FROM pcap_rpc_procedures WHERE $F"
        " ORDER BY capture_id, program, version, procedure, operation LIMIT ?2"), captureId);
}

QJsonArray PcapQuery::rpcCalls(qint64 captureId, bool unansweredOnly, int limit) const
{
    QString sql = filtered(
        "SELECT id, capture_id, conversation_id, xid, client, server, program, version, procedure, program_name, procedure_name,"
        " operations, call_us, reply_us, latency_us, status, retransmits FROM pcap_rpc_calls WHERE $F");
    if (unansweredOnly)
        sql += QLatin1String(" AND reply_us IS NULL");
    sql += QLatin1String(" ORDER BY call_us, id LIMIT ?2");
    return rows(sql, captureId, limit);
}

QJsonArray PcapQuery::rpcRegistrations(qint64 captureId) const
{
    return rows(filtered(
        "SELECT capture_id, server, program, version, protocol, port, program_name, source FROM pcap_rpc_registrations"
        " WHERE $F ORDER BY capture_id, server, program, version, protocol LIMIT ?2"), captureId);
}

QJsonArray PcapQuery::silentPeers(qint64 captureId) const
{
    return rows(filtered(
        "SELECT capture_id, addr_b AS address, protocol, port_b AS port, COUNT(*) AS conversations, SUM(packets_ab) AS packets,"
        " SUM(bytes_ab) AS bytes, SUM(syn_count) AS syn_count, MIN(first_us) AS first_us, MAX(last_us) AS last_us"
        " FROM pcap_conversations WHERE $F AND protocol IN ('tcp','udp') AND handshake NOT IN ('refused','midstream')"
        " AND icmp_unreachable = 0 GROUP BY capture_id, addr_b, protocol, port_b HAVING SUM(packets_ba) = 0"
        " ORDER BY capture_id, SUM(packets_ab) DESC LIMIT ?2"), captureId);
}
