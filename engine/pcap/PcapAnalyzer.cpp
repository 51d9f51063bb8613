#include "PcapAnalyzer.h"

#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QVariant>

namespace {
constexpr int kMaxFindingsPerKind = 50;
constexpr int kMaxEvidence = 20;

QList<EvidenceRef> evidence(SqliteDatabase &db, const QString &sql, const QList<QVariant> &args, const QString &kind)
{
    SqliteStatement st = db.prepare(sql);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i].typeId() == QMetaType::QString)
            st.bind(i + 1, args[i].toString());
        else
            st.bind(i + 1, args[i].toLongLong());
    }
    QList<EvidenceRef> refs;
    while (st.step() && refs.size() < kMaxEvidence)
        refs.append({kind, st.int64(0), st.text(1)});
    return refs;
}

bool isNfsFamily(qint64 program)
{
    return program == 100003 || program == 100005 || program == 100021 || program == 100024 || program == 100000;
}
}

int PcapAnalyzer::analyze(qint64 captureId, qint64 collectionId, qint64 hostId)
{
    const QStringList kinds{QStringLiteral("silent-peer"), QStringLiteral("connection-refused"),
                            QStringLiteral("rpc-unanswered"), QStringLiteral("rpc-unregistered"),
                            QStringLiteral("tcp-reset"), QStringLiteral("retransmissions"), QStringLiteral("zero-window")};
    SqliteTransaction tx(m_db);
    FindingStore findings(m_db);
    if (collectionId)
        findings.supersedeFor(collectionId, kinds);
    int made = 0;
    auto add = [&](Finding f) {
        f.hostId = hostId;
        f.collectionId = collectionId;
        f.data.insert(QStringLiteral("capture_id"), captureId);
        findings.add(f);
        ++made;
    };
    const QString convLabel = QStringLiteral(
        "protocol || ' ' || addr_a || ':' || port_a || ' -> ' || addr_b || ':' || port_b");

    // Silent peers: a destination (address, protocol, port) sent packets in
    // every conversation and never answering any of them.
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT addr_b, protocol, port_b, COUNT(*), SUM(packets_ab), MIN(first_us), SUM(syn_count),"
            " SUM(CASE WHEN handshake='unanswered' THEN 1 ELSE 0 END)"
            " FROM pcap_conversations WHERE capture_id = ? AND protocol IN ('tcp','udp')"
            " AND handshake NOT IN ('refused','midstream') AND icmp_unreachable = 0"
            " GROUP BY addr_b, protocol, port_b HAVING SUM(packets_ba) = 0 AND SUM(packets_ab) > 0"
            " ORDER BY SUM(packets_ab) DESC LIMIT ?"));
        st.bind(1, captureId).bind(2, kMaxFindingsPerKind);
        struct Row { QString addr, proto; qint64 port, convs, packets, first, syns, unanswered; };
        QList<Row> rows;
        while (st.step())
            rows.append({st.text(0), st.text(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5), st.int64(6), st.int64(7)});
        for (const Row &r : rows) {
            // Multicast/broadcast destinations never answer; skip them.
            if (r.addr.startsWith(QLatin1String("ff")) || r.addr.endsWith(QLatin1String(".255")))
                continue;
            const int firstOctet = r.addr.section(QLatin1Char('.'), 0, 0).toInt();
            if (r.addr.contains(QLatin1Char('.')) && firstOctet >= 224 && firstOctet <= 239)
                continue;
            Finding f;
            f.kind = QStringLiteral("silent-peer");
            const bool tcp = r.proto == QLatin1String("tcp");
            const bool nfsPort = r.port == 2049 || r.port == 111;
            f.severity = (tcp && r.unanswered > 0) || nfsPort ? QStringLiteral("high") : QStringLiteral("medium");
            f.title = tcp ? QStringLiteral("%1 port %2/tcp never answered: %3 SYNs in %4 connection attempts")
                                .arg(r.addr).arg(r.port).arg(r.syns).arg(r.convs)
                          : QStringLiteral("%1 port %2/udp never answered %3 datagrams").arg(r.addr).arg(r.port).arg(r.packets);
            f.detail = QStringLiteral("Packets were sent to %1 port %2/%3 (%4 packets in %5 conversations) and not one "
                                      "came back in this capture. The peer is down, unreachable, or a filter drops the "
                                      "traffic; for TCP, SYN retries without SYN-ACK mean nothing answered at all.")
                           .arg(r.addr).arg(r.port).arg(r.proto).arg(r.packets).arg(r.convs);
            f.atUs = r.first;
            f.data.insert(QStringLiteral("address"), r.addr);
            f.data.insert(QStringLiteral("protocol"), r.proto);
            f.data.insert(QStringLiteral("port"), r.port);
            f.data.insert(QStringLiteral("packets"), r.packets);
            f.data.insert(QStringLiteral("syn_count"), r.syns);
            f.evidence = evidence(m_db, QStringLiteral("SELECT id, %1 FROM pcap_conversations WHERE capture_id = ? AND addr_b = ?"
                                                       " AND protocol = ? AND port_b = ? ORDER BY first_us").arg(convLabel),
                                  {captureId, r.addr, r.proto, r.port}, QStringLiteral("conversation"));
            add(f);
        }
    }

    // Refused: TCP SYNs answered by RST, or ICMP unreachable errors back.
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT addr_b, protocol, port_b, COUNT(*), MIN(first_us) FROM pcap_conversations WHERE capture_id = ?"
            " AND (handshake = 'refused' OR icmp_unreachable > 0)"
            " GROUP BY addr_b, protocol, port_b ORDER BY COUNT(*) DESC LIMIT ?"));
        st.bind(1, captureId).bind(2, kMaxFindingsPerKind);
        struct Row { QString addr, proto; qint64 port, count, first; };
        QList<Row> rows;
        while (st.step())
            rows.append({st.text(0), st.text(1), st.int64(2), st.int64(3), st.int64(4)});
        for (const Row &r : rows) {
            Finding f;
            f.kind = QStringLiteral("connection-refused");
            f.severity = r.port == 2049 || r.port == 111 ? QStringLiteral("high") : QStringLiteral("medium");
            const bool tcp = r.proto == QLatin1String("tcp");
            f.title = tcp ? QStringLiteral("%1 refused %2 connection(s) to port %3/tcp").arg(r.addr).arg(r.count).arg(r.port)
                          : QStringLiteral("%1 port %2/%3 unreachable (%4 conversation(s))").arg(r.addr).arg(r.port).arg(r.proto).arg(r.count);
            f.detail = tcp ? QStringLiteral("The SYNs were answered with RST (or ICMP unreachable): the host is up but nothing listens on port %1.").arg(r.port)
                           : QStringLiteral("ICMP unreachable errors came back: the host is up but nothing listens on port %1/%2.").arg(r.port).arg(r.proto);
            f.atUs = r.first;
            f.data.insert(QStringLiteral("address"), r.addr);
            f.data.insert(QStringLiteral("protocol"), r.proto);
            f.data.insert(QStringLiteral("port"), r.port);
            f.data.insert(QStringLiteral("connections"), r.count);
            f.evidence = evidence(m_db, QStringLiteral("SELECT id, %1 FROM pcap_conversations WHERE capture_id = ? AND addr_b = ?"
                                                       " AND protocol = ? AND port_b = ? AND (handshake = 'refused' OR icmp_unreachable > 0)"
                                                       " ORDER BY first_us").arg(convLabel),
                                  {captureId, r.addr, r.proto, r.port}, QStringLiteral("conversation"));
            add(f);
        }
    }

    // RPC calls never answered, per program and server.
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT program, program_name, version, server, COUNT(*), SUM(retransmits), MIN(call_us), group_concat(DISTINCT procedure_name)"
            " FROM pcap_rpc_calls WHERE capture_id = ? AND reply_us IS NULL"
            " GROUP BY program, version, server ORDER BY COUNT(*) DESC LIMIT ?"));
        st.bind(1, captureId).bind(2, kMaxFindingsPerKind);
        struct Row { qint64 program; QString name; qint64 version; QString server; qint64 count, retrans, first; QString procs; };
        QList<Row> rows;
        while (st.step())
            rows.append({st.int64(0), st.text(1), st.int64(2), st.text(3), st.int64(4), st.int64(5), st.int64(6), st.text(7)});
        for (const Row &r : rows) {
            Finding f;
            f.kind = QStringLiteral("rpc-unanswered");
            f.severity = isNfsFamily(r.program) ? QStringLiteral("high") : QStringLiteral("medium");
            f.title = QStringLiteral("RPC %1 v%2 at %3 never answered %4 call(s)").arg(r.name).arg(r.version).arg(r.server).arg(r.count);
            f.detail = QStringLiteral("Calls (%1) to program %2 (%3) got no reply in the capture (%4 retransmissions). "
                                      "The service is hung, not running, or its replies are lost.")
                           .arg(r.procs).arg(r.program).arg(r.name).arg(r.retrans);
            f.atUs = r.first;
            f.data.insert(QStringLiteral("program"), r.program);
            f.data.insert(QStringLiteral("program_name"), r.name);
            f.data.insert(QStringLiteral("version"), r.version);
            f.data.insert(QStringLiteral("server"), r.server);
            f.data.insert(QStringLiteral("calls"), r.count);
            f.evidence = evidence(m_db, QStringLiteral("SELECT id, procedure_name || ' xid 0x' || printf('%x', xid) FROM pcap_rpc_calls"
                                                       " WHERE capture_id = ? AND reply_us IS NULL AND program = ? AND version = ?"
                                                       " AND server = ? ORDER BY call_us"),
                                  {captureId, r.program, r.version, r.server}, QStringLiteral("rpc-call"));
            add(f);
        }
    }

    // Programs not registered: GETPORT/GETADDR answered 0 with no other
    // registration of that program at that server, or calls answered prog_unavail.
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT r.server, r.program, r.program_name, group_concat(DISTINCT r.version) FROM pcap_rpc_registrations r"
            " WHERE r.capture_id = ?1 AND r.port = 0 AND NOT EXISTS (SELECT 1 FROM pcap_rpc_registrations x"
            "   WHERE x.capture_id = ?1 AND x.server = r.server AND x.program = r.program AND x.port <> 0)"
            " GROUP BY r.server, r.program LIMIT ?2"));
        st.bind(1, captureId).bind(2, kMaxFindingsPerKind);
        struct Row { QString server; qint64 program; QString name, versions; };
        QList<Row> rows;
        while (st.step())
            rows.append({st.text(0), st.int64(1), st.text(2), st.text(3)});
        SqliteStatement st2 = m_db.prepare(QStringLiteral(
            "SELECT trim(substr(server, 1, length(rtrim(server, '0123456789')) - 1), '[]'),"
            " program, program_name, group_concat(DISTINCT version) FROM pcap_rpc_calls"
            " WHERE capture_id = ? AND status = 'prog_unavail' GROUP BY 1, program LIMIT ?"));
        st2.bind(1, captureId).bind(2, kMaxFindingsPerKind);
        while (st2.step()) {
            Row r{st2.text(0), st2.int64(1), st2.text(2), st2.text(3)};
            bool dup = false;
            for (const Row &x : rows)
                dup = dup || (x.server == r.server && x.program == r.program);
            if (!dup)
                rows.append(r);
        }
        for (const Row &r : rows) {
            Finding f;
            f.kind = QStringLiteral("rpc-unregistered");
            f.severity = isNfsFamily(r.program) ? QStringLiteral("high") : QStringLiteral("medium");
            f.title = QStringLiteral("RPC program %1 (%2) is not registered at %3").arg(r.name).arg(r.program).arg(r.server);
            f.detail = QStringLiteral("The portmapper at %1 answered that program %2 version(s) %3 is not registered (or "
                                      "the program answered prog_unavail). Its daemon is not running there%4.")
                           .arg(r.server).arg(r.program).arg(r.versions)
                           .arg(r.program == 100024 ? QStringLiteral(": without rpc.statd, NFSv3 locking (lockd) cannot work")
                                                    : QString());
            f.data.insert(QStringLiteral("server"), r.server);
            f.data.insert(QStringLiteral("program"), r.program);
            f.data.insert(QStringLiteral("program_name"), r.name);
            f.evidence = evidence(m_db, QStringLiteral("SELECT id, procedure_name || ' xid 0x' || printf('%x', xid) FROM pcap_rpc_calls"
                                                       " WHERE capture_id = ? AND ((program = 100000 AND procedure = 3) OR program = ?)"
                                                       " AND server LIKE ? ORDER BY call_us"),
                                  {captureId, r.program, r.server + QStringLiteral(":%")}, QStringLiteral("rpc-call"));
            add(f);
        }
    }

    // Resets of established connections, retransmission storms, zero windows.
    struct ConvRule { QString kind, where, severity, title; };
    const QList<ConvRule> rules{
        {QStringLiteral("tcp-reset"), QStringLiteral("handshake IN ('completed','midstream') AND rst_ab + rst_ba > 0"),
         QStringLiteral("low"), QStringLiteral("%1 established TCP connection(s) were reset")},
        {QStringLiteral("retransmissions"),
         QStringLiteral("protocol = 'tcp' AND retransmissions >= 10 AND retransmissions * 20 >= packets_ab + packets_ba"),
         QStringLiteral("medium"), QStringLiteral("retransmission storm in %1 TCP connection(s)")},
        {QStringLiteral("zero-window"), QStringLiteral("zero_window > 0"), QStringLiteral("low"),
         QStringLiteral("%1 TCP connection(s) hit a zero receive window")},
    };
    for (const ConvRule &rule : rules) {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT COUNT(*), MIN(first_us), SUM(retransmissions), SUM(rst_ab + rst_ba), SUM(zero_window)"
            " FROM pcap_conversations WHERE capture_id = ? AND %1").arg(rule.where));
        st.bind(1, captureId);
        if (!st.step() || st.int64(0) == 0)
            continue;
        Finding f;
        f.kind = rule.kind;
        f.severity = rule.severity;
        f.title = rule.title.arg(st.int64(0));
        f.detail = QStringLiteral("%1 retransmissions, %2 resets, %3 zero-window events in the connections linked below.")
                       .arg(st.int64(2)).arg(st.int64(3)).arg(st.int64(4));
        f.atUs = st.int64(1);
        f.data.insert(QStringLiteral("connections"), st.int64(0));
        f.evidence = evidence(m_db, QStringLiteral("SELECT id, %1 FROM pcap_conversations WHERE capture_id = ? AND %2"
                                                   " ORDER BY retransmissions + rst_ab + rst_ba + zero_window DESC").arg(convLabel, rule.where),
                              {captureId}, QStringLiteral("conversation"));
        add(f);
    }
    addConversationEvents(captureId, collectionId, hostId);
    tx.commit();
    return made;
}

void PcapAnalyzer::addConversationEvents(qint64 captureId, qint64 collectionId, qint64 hostId)
{
    {
        SqliteStatement del = m_db.prepare(QStringLiteral(
            "DELETE FROM events WHERE source = 'pcap' AND ref_kind = 'conversation'"
            " AND ref_id IN (SELECT id FROM pcap_conversations WHERE capture_id = ?)"));
        del.bind(1, captureId).exec();
    }
    // The conversations that tell something first (refused, unanswered,
    // reset, retransmitting, RPC), then the busiest; at most a few thousand.
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, first_us, last_us, protocol, addr_a, port_a, addr_b, port_b, packets_ab + packets_ba, bytes_ab + bytes_ba,"
        " handshake, syn_count, rst_ab + rst_ba, retransmissions, rpc"
        " FROM pcap_conversations WHERE capture_id = ? AND first_us IS NOT NULL"
        " ORDER BY (handshake IN ('refused', 'unanswered') OR rst_ab + rst_ba > 0 OR retransmissions > 0 OR rpc <> 0) DESC,"
        " bytes_ab + bytes_ba DESC, id LIMIT ?"));
    st.bind(1, captureId).bind(2, qint64(kMaxConversationEvents));
    QList<TimelineEvent> events;
    while (st.step()) {
        const QString proto = st.text(3);
        const bool ports = proto == QLatin1String("tcp") || proto == QLatin1String("udp");
        auto endpoint = [&](int addr, int port) {
            const QString a = st.text(addr);
            const QString shown = a.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(a) : a; // IPv6
            return ports ? QStringLiteral("%1:%2").arg(shown).arg(st.int64(port)) : a;
        };
        QString summary = QStringLiteral("%1 %2 → %3").arg(proto, endpoint(4, 5), endpoint(6, 7));
        const QString handshake = st.text(10);
        if (handshake == QLatin1String("unanswered"))
            summary += QStringLiteral(" unanswered (%1 SYNs)").arg(st.int64(11));
        else if (!handshake.isEmpty())
            summary += QLatin1Char(' ') + handshake;
        summary += QStringLiteral(", %1 packets, %2 bytes").arg(st.int64(8)).arg(st.int64(9));
        QStringList notes;
        if (st.int64(12) > 0)
            notes << QStringLiteral("%1 RST").arg(st.int64(12));
        if (st.int64(13) > 0)
            notes << QStringLiteral("%1 retransmissions").arg(st.int64(13));
        if (st.int64(14) != 0)
            notes << QStringLiteral("RPC");
        if (!notes.isEmpty())
            summary += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
        TimelineEvent e;
        e.hostId = hostId;
        e.collectionId = collectionId;
        e.atUs = st.int64(1);
        e.kind = QStringLiteral("conversation");
        e.source = QStringLiteral("pcap");
        e.summary = summary;
        e.detail = QStringLiteral("From %1 to %2.").arg(TimeUtil::isoUtc(st.int64(1)), TimeUtil::isoUtc(st.int64(2)));
        e.refKind = QStringLiteral("conversation");
        e.refId = st.int64(0);
        events.append(e);
    }
    EventStore(m_db).addAll(events);
}
