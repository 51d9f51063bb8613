#include "CaptureWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "pcap/CaptureSummarizer.h"
#include "pcap/PcapAnalyzer.h"
#include "pcap/PcapImporter.h"
#include "casefile/SqliteStatement.h"
#include "util/Json.h"
#include "pcap/PcapQuery.h"
#include "pcap/PcapStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

namespace {
using W = CaptureWriter;
const uint32_t kClient = W::ip(10, 1, 84, 20);
const uint32_t kServer = W::ip(10, 1, 84, 31);

std::unique_ptr<CaptureSummarizer> summarize(const QByteArray &bytes, int piece = 0)
{
    auto s = std::make_unique<CaptureSummarizer>();
    const auto *p = reinterpret_cast<const uint8_t *>(bytes.constData());
    if (piece <= 0) {
        s->feed(p, size_t(bytes.size()));
    } else {
        for (qsizetype off = 0; off < bytes.size(); off += piece)
            s->feed(p + off, size_t(qMin<qsizetype>(piece, bytes.size() - off)));
    }
    s->finish();
    return s;
}

// A small mixed capture: a completed TCP exchange, a refused connect, an
// unanswered SYN with two retries, and a UDP exchange.
void mixedTraffic(CaptureWriter &w, int64_t t0)
{
    w.packet(t0 + 0, W::tcpFrame(kClient, kServer, 40000, 80, 1000, 0, W::SYN));
    w.packet(t0 + 100, W::tcpFrame(kServer, kClient, 80, 40000, 5000, 1001, W::SYN | W::ACK));
    w.packet(t0 + 200, W::tcpFrame(kClient, kServer, 40000, 80, 1001, 5001, W::ACK));
    w.packet(t0 + 300, W::tcpFrame(kClient, kServer, 40000, 80, 1001, 5001, W::ACK | W::PSH, QByteArray("GET / HTTP/1.0\r\n\r\n")));
    w.packet(t0 + 400, W::tcpFrame(kClient, kServer, 40000, 80, 1001, 5001, W::ACK | W::PSH, QByteArray("GET / HTTP/1.0\r\n\r\n"))); // retransmission
    w.packet(t0 + 500, W::tcpFrame(kServer, kClient, 80, 40000, 5001, 1019, W::ACK | W::PSH, QByteArray(100, 'x'), 0)); // zero window
    w.packet(t0 + 600, W::tcpFrame(kServer, kClient, 80, 40000, 5101, 1019, W::ACK | W::FIN));
    w.packet(t0 + 700, W::tcpFrame(kClient, kServer, 40000, 80, 1019, 5102, W::ACK | W::FIN));
    w.packet(t0 + 1000, W::tcpFrame(kClient, kServer, 40001, 81, 7000, 0, W::SYN));
    w.packet(t0 + 1100, W::tcpFrame(kServer, kClient, 81, 40001, 0, 7001, W::RST | W::ACK));
    for (int i = 0; i < 3; ++i)
        w.packet(t0 + 2000 + i * 1000000, W::tcpFrame(kClient, kServer, 40002, 2049, 9000, 0, W::SYN));
    w.packet(t0 + 5000000, W::udpFrame(kClient, kServer, 5353, 53, QByteArray(30, 'q')));
    w.packet(t0 + 5000100, W::udpFrame(kServer, kClient, 53, 5353, QByteArray(60, 'a')));
}

const Conversation *findConv(const CaptureSummarizer &s, uint16_t portB)
{
    for (const Conversation &c : s.flows().all()) {
        const uint16_t pb = c.aIsLo ? c.key.portHi : c.key.portLo;
        if (pb == portB)
            return &c;
    }
    return nullptr;
}
}

class PcapReaderTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void formatsAndByteOrdersAgree()
    {
        const int64_t t0 = 1763700000123456;
        const CaptureWriter::Format formats[] = {W::Format::PcapUs, W::Format::PcapNs, W::Format::PcapUsBigEndian, W::Format::PcapNg};
        for (auto f : formats) {
            CaptureWriter w(f);
            mixedTraffic(w, t0);
            for (int piece : {0, 1, 7, 4096}) {
                auto s = summarize(w.data(), piece);
                const CaptureOverview &o = s->overview();
                QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
                QCOMPARE(o.packets, uint64_t(15));
                QCOMPARE(o.firstUs, t0);
                QCOMPARE(o.lastUs, t0 + 5000100);
                QCOMPARE(o.tcp, uint64_t(13));
                QCOMPARE(o.udp, uint64_t(2));
                QCOMPARE(s->flows().size(), size_t(4));
                QCOMPARE(o.format, f == W::Format::PcapNg ? QStringLiteral("pcapng") : QStringLiteral("pcap"));
                QCOMPARE(o.bigEndian, f == W::Format::PcapUsBigEndian);
                QCOMPARE(o.nanosecond, f == W::Format::PcapNs);
            }
        }
    }

    void unkeptCaptureIsStillHashed()
    {
        CaptureWriter w;
        mixedTraffic(w, 1000000);
        const QString file = m_dir.filePath(QStringLiteral("unkept.pcap"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(w.data());
        f.close();
        const QString path = m_dir.filePath(QStringLiteral("unkept.casebook"));
        auto cf = CaseFile::create(path, QStringLiteral("t"));
        PcapImporter importer;
        importer.setKeepRaw(PcapImporter::KeepRaw::Never);
        ImportRequest req;
        req.caseFile = cf.get();
        req.paths = {file};
        const ImportResult r = importer.import(req, CancelToken());
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString expected = QString::fromLatin1(QCryptographicHash::hash(w.data(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(r.summary.value(QStringLiteral("captures")).toArray().first().toObject().value(QStringLiteral("sha256")).toString(), expected);
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM artifacts WHERE kind = 'pcap'")), 0); // bytes not kept
        SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT parameters FROM collections WHERE id = ?"));
        st.bind(1, r.collectionIds.first());
        QVERIFY(st.step());
        QCOMPARE(Json::parseObject(st.text(0)).value(QStringLiteral("source_sha256")).toString(), expected);
    }

    void tcpHandshakeOutcomes()
    {
        CaptureWriter w;
        mixedTraffic(w, 1000000);
        auto s = summarize(w.data());
        const Conversation *http = findConv(*s, 80);
        QVERIFY(http);
        QCOMPARE(http->handshake(), Conversation::Handshake::Completed);
        QCOMPARE(http->packets[0], uint64_t(5));
        QCOMPARE(http->packets[1], uint64_t(3));
        QCOMPARE(http->retransmissions, 1u);
        QCOMPARE(http->zeroWindow, 1u);
        QCOMPARE(http->fin[0], 1u);
        QCOMPARE(http->fin[1], 1u);
        const Conversation *refused = findConv(*s, 81);
        QCOMPARE(refused->handshake(), Conversation::Handshake::Refused);
        QCOMPARE(refused->rst[1], 1u);
        const Conversation *dropped = findConv(*s, 2049);
        QCOMPARE(dropped->handshake(), Conversation::Handshake::Unanswered);
        QCOMPARE(dropped->syn, 3u);
        QCOMPARE(dropped->retransmissions, 2u);
        QCOMPARE(dropped->packets[1], uint64_t(0));
        const Conversation *dns = findConv(*s, 53);
        QCOMPARE(dns->handshake(), Conversation::Handshake::NotTcp);
        QCOMPARE(dns->bytes[0], uint64_t(14 + 20 + 8 + 30));
    }

    void icmpUnreachableIsNotSilence()
    {
        CaptureWriter w;
        const QByteArray udp = W::udpFrame(kClient, kServer, 5000, 514, QByteArray(40, 's'));
        w.packet(1000000, udp);
        QByteArray icmp;
        icmp.append(char(3)).append(char(3)).append(2, '\0').append(4, '\0'); // port unreachable
        icmp.append(udp.mid(14));
        w.packet(1000100, W::ethernetIpv4(kServer, kClient, 1, icmp));
        w.packet(1000200, W::udpFrame(kClient, W::ip(10, 9, 9, 9), 5001, 514, QByteArray(40, 's'))); // nothing back
        auto s = summarize(w.data());
        QCOMPARE(s->flows().size(), size_t(3));
        const Conversation *syslog = findConv(*s, 514);
        QCOMPARE(syslog->icmpUnreachable, 1u);
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("icmp.casebook")), QStringLiteral("icmp"));
        const qint64 id = PcapStore(cf->db()).store(*s, {0, 0, 0, QStringLiteral("synthetic")});
        PcapAnalyzer(cf->db()).analyze(id, 0, 0);
        const QJsonArray silent = PcapQuery(cf->db()).silentPeers(id);
        QCOMPARE(silent.size(), 1);
        QCOMPARE(silent[0].toObject().value(QStringLiteral("address")).toString(), QStringLiteral("10.9.9.9"));
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM findings WHERE kind = 'connection-refused'")), qint64(1));
    }

    void resetsStormsAndZeroWindowFindings()
    {
        CaptureWriter w;
        mixedTraffic(w, 1000000); // one zero-window event
        // An established connection reset by the server.
        w.packet(7000000, W::tcpFrame(kClient, kServer, 41000, 443, 10, 0, W::SYN));
        w.packet(7000100, W::tcpFrame(kServer, kClient, 443, 41000, 90, 11, W::SYN | W::ACK));
        w.packet(7000200, W::tcpFrame(kClient, kServer, 41000, 443, 11, 91, W::ACK));
        w.packet(7000300, W::tcpFrame(kServer, kClient, 443, 41000, 91, 11, W::RST | W::ACK));
        // A storm: the same segment sent 15 times.
        w.packet(8000000, W::tcpFrame(kClient, kServer, 42000, 8443, 500, 0, W::SYN));
        w.packet(8000100, W::tcpFrame(kServer, kClient, 8443, 42000, 700, 501, W::SYN | W::ACK));
        w.packet(8000200, W::tcpFrame(kClient, kServer, 42000, 8443, 501, 701, W::ACK));
        for (int i = 0; i < 16; ++i)
            w.packet(8100000 + i * 200000, W::tcpFrame(kClient, kServer, 42000, 8443, 501, 701, W::ACK | W::PSH, QByteArray(1000, 'p')));
        auto s = summarize(w.data());
        QCOMPARE(findConv(*s, 8443)->retransmissions, 15u);
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("storm.casebook")), QStringLiteral("storm"));
        const qint64 id = PcapStore(cf->db()).store(*s, {0, 0, 0, QStringLiteral("synthetic")});
        PcapAnalyzer(cf->db()).analyze(id, 0, 0);
        QMap<QString, Finding> byKind;
        for (const Finding &f : FindingStore(cf->db()).list())
            byKind.insert(f.kind, f);
        QVERIFY(byKind.contains(QStringLiteral("tcp-reset")));
        QCOMPARE(byKind[QStringLiteral("tcp-reset")].evidence.size(), 1);
        QVERIFY(byKind[QStringLiteral("tcp-reset")].evidence[0].label.contains(QLatin1String(":443")));
        QVERIFY(byKind.contains(QStringLiteral("retransmissions")));
        QVERIFY(byKind[QStringLiteral("retransmissions")].evidence[0].label.contains(QLatin1String(":8443")));
        QVERIFY(byKind.contains(QStringLiteral("zero-window")));
        QVERIFY(byKind.contains(QStringLiteral("connection-refused")));
        QCOMPARE(byKind[QStringLiteral("silent-peer")].data.value(QStringLiteral("port")).toInt(), 2049);
        QCOMPARE(byKind[QStringLiteral("silent-peer")].data.value(QStringLiteral("syn_count")).toInt(), 3);
        QCOMPARE(byKind[QStringLiteral("silent-peer")].severity, QStringLiteral("high"));
    }

    void pcapngInterfacesAndResolutions()
    {
        CaptureWriter w(W::Format::PcapNg);
        w.addInterface(101, 9); // raw IP, nanoseconds
        const QByteArray frame = W::udpFrame(kClient, kServer, 1000, 2000, QByteArray(10, 'z'));
        w.packet(1700000000000000, frame, 0, 0);
        w.packet(int64_t(1700000000500000) * 1000, frame.mid(14), 0, 1); // same time base, ns units
        w.packet(1700000001000000, frame, 0, 7); // unknown interface: skipped with a warning
        auto s = summarize(w.data());
        const CaptureOverview &o = s->overview();
        QCOMPARE(o.interfaces.size(), size_t(2));
        QCOMPARE(o.interfaces[1].info.tsUnitsPerSecond, int64_t(1000000000));
        QCOMPARE(o.packets, uint64_t(2));
        QCOMPARE(o.lastUs, int64_t(1700000000500000));
        QCOMPARE(o.interfaces[1].packets, uint64_t(1));
        QCOMPARE(s->flows().size(), size_t(1));
        QVERIFY(o.warnings.join(QLatin1Char(' ')).contains(QLatin1String("never described")));
    }

    // pcapng timestamps are 64-bit: an RPC call at the largest and its reply
    // at the smallest overflowed the latency (UBSan, RpcTracker). Such
    // packets keep the previous packet's time and are counted in a warning.
    void impossibleTimestampsAreFlagged()
    {
        CaptureWriter w(W::Format::PcapNg);
        const int64_t t0 = 1700000000000000;
        w.packet(t0, W::udpFrame(kClient, kServer, 700, 111, W::rpcCall(1, 100000, 2, 4)));
        w.packet(std::numeric_limits<int64_t>::max(), W::udpFrame(kClient, kServer, 701, 111, W::rpcCall(2, 100000, 2, 4)));
        w.packet(std::numeric_limits<int64_t>::min(), W::udpFrame(kServer, kClient, 111, 701, W::rpcReply(2, 0)));
        w.packet(t0 + 100, W::udpFrame(kServer, kClient, 111, 700, W::rpcReply(1, 0)));
        auto s = summarize(w.data());
        const CaptureOverview &o = s->overview();
        QCOMPARE(o.packets, uint64_t(4));
        QCOMPARE(o.firstUs, t0);
        QCOMPARE(o.lastUs, t0 + 100);
        QVERIFY(o.warnings.join(QLatin1Char(' ')).contains(QLatin1String("2 packets had impossible timestamps")));
        const auto &calls = s->rpc().calls();
        QCOMPARE(calls.size(), size_t(2));
        QCOMPARE(calls[0].replyUs - calls[0].callUs, int64_t(100));
        QCOMPARE(calls[1].callUs, t0);
        QCOMPARE(calls[1].replyUs, t0);
    }

    void ipv6FragmentsAndSimplePackets()
    {
        auto v6 = [](uint8_t last, uint8_t lastDst, const QByteArray &payload, uint8_t next) {
            QByteArray h;
            h.append(char(0x60)).append(3, '\0');
            h.append(char(payload.size() >> 8)).append(char(payload.size()));
            h.append(char(next)).append(char(64));
            QByteArray a(16, '\0'), b(16, '\0');
            a[0] = char(0x20); a[1] = char(0x01); a[2] = char(0x0d); a[3] = char(0xb8); a[15] = char(last);
            b[0] = char(0x20); b[1] = char(0x01); b[2] = char(0x0d); b[3] = char(0xb8); b[15] = char(lastDst);
            return h + a + b + payload;
        };
        auto frag = [](uint16_t offsetUnits, bool more, uint32_t id, const QByteArray &rest) {
            QByteArray f;
            f.append(char(17)).append(char(0));
            const uint16_t v = uint16_t(offsetUnits << 3) | (more ? 1 : 0);
            f.append(char(v >> 8)).append(char(v));
            CaptureWriter::u32(f, id);
            return f + rest;
        };
        CaptureWriter w(W::Format::PcapNg, 229); // raw IPv6
        const QByteArray udp = W::udp(5000, 53, QByteArray(100, 'q'));
        w.packet(1000000, v6(1, 2, frag(0, true, 77, udp.left(104)), 44));
        w.packet(1000010, v6(1, 2, frag(13, false, 77, udp.mid(104)), 44));
        w.packet(1000020, v6(2, 1, W::udp(53, 5000, QByteArray(20, 'a')), 17));
        // A simple packet block (no timestamp: it takes the previous one).
        const QByteArray spbData = v6(1, 2, W::udp(5001, 53, QByteArray(8, 's')), 17);
        QByteArray spb;
        const uint32_t len = uint32_t(16 + spbData.size() + (4 - spbData.size() % 4) % 4);
        for (uint32_t v : {3u, len, uint32_t(spbData.size())})
            spb.append(reinterpret_cast<const char *>(&v), 4);
        spb.append(spbData).append(int((4 - spbData.size() % 4) % 4), '\0');
        spb.append(reinterpret_cast<const char *>(&len), 4);
        w.data().append(spb);
        auto s = summarize(w.data());
        const CaptureOverview &o = s->overview();
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.packets, uint64_t(4));
        QCOMPARE(o.ipv6, uint64_t(4));
        QCOMPARE(o.fragments, uint64_t(2));
        QCOMPARE(o.unattributedFragments, uint64_t(0));
        QCOMPARE(o.lastUs, int64_t(1000020));
        QCOMPARE(s->flows().size(), size_t(2));
        const Conversation *dns = findConv(*s, 53);
        QVERIFY(dns);
        QCOMPARE(dns->packets[0], uint64_t(2));
        QCOMPARE(dns->packets[1], uint64_t(1));
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("v6.casebook")), QStringLiteral("v6"));
        const qint64 id = PcapStore(cf->db()).store(*s, {0, 0, 0, QStringLiteral("synthetic")});
        const QJsonArray convs = PcapQuery(cf->db()).conversations(id);
        QCOMPARE(convs[0].toObject().value(QStringLiteral("addr_a")).toString(), QStringLiteral("2001:db8::1"));
        QCOMPARE(convs[0].toObject().value(QStringLiteral("ip_version")).toInt(), 6);
    }

    void linkTypes()
    {
        const QByteArray eth = W::udpFrame(kClient, kServer, 1000, 2000, QByteArray(10, 'z'));
        const QByteArray ipPkt = eth.mid(14);
        QByteArray sll(16, '\0');
        sll[14] = 0x08;
        QByteArray sll2(20, '\0');
        sll2[0] = 0x08;
        QByteArray null(4, '\0');
        null[0] = 2; // AF_INET, little endian
        const QList<QPair<uint32_t, QByteArray>> cases{
            {1, W::ethernetIpv4(kClient, kServer, 17, W::udp(1000, 2000, QByteArray(10, 'z')), 42)},
            {113, sll + ipPkt}, {276, sll2 + ipPkt}, {101, ipPkt}, {228, ipPkt}, {0, null + ipPkt}};
        for (const auto &[link, frame] : cases) {
            CaptureWriter w(W::Format::PcapUs, link);
            w.packet(1000000, frame);
            auto s = summarize(w.data());
            QVERIFY2(s->overview().udp == 1, qPrintable(QString::number(link)));
            QCOMPARE(s->flows().size(), size_t(1));
            QCOMPARE(s->flows().at(0).key.portHi, uint16_t(2000));
        }
    }

    void truncatedAndCorrupt()
    {
        CaptureWriter w;
        mixedTraffic(w, 1000000);
        // Cut in the middle of the last record.
        auto cut = summarize(w.data().left(w.data().size() - 20));
        QCOMPARE(cut->overview().packets, uint64_t(14));
        QVERIFY(cut->overview().truncated);
        QVERIFY(cut->overview().error.isEmpty());
        QVERIFY(cut->overview().warnings.join(QLatin1Char(' ')).contains(QLatin1String("cut short")));
        // A record header claiming 1 GB.
        QByteArray bad = w.data();
        const qsizetype secondRecord = 24 + 16 + W::tcpFrame(kClient, kServer, 40000, 80, 1000, 0, W::SYN).size();
        bad[secondRecord + 11] = char(0x40);
        auto corrupt = summarize(bad);
        QCOMPARE(corrupt->overview().packets, uint64_t(1));
        QVERIFY(corrupt->overview().error.contains(QLatin1String("implausible")));
        // Not a capture at all; empty input.
        auto junk = summarize(QByteArray("hello, this is not a capture at all"));
        QVERIFY(junk->overview().error.contains(QLatin1String("not a pcap")));
        auto empty = summarize(QByteArray());
        QVERIFY(!empty->overview().error.isEmpty());
        // pcapng block with a broken trailing length.
        CaptureWriter ng(W::Format::PcapNg);
        mixedTraffic(ng, 1000000);
        QByteArray ngBad = ng.data();
        ngBad[ngBad.size() - 1] = char(0x7f);
        auto ngc = summarize(ngBad);
        QCOMPARE(ngc->overview().packets, uint64_t(14));
        QVERIFY(ngc->overview().error.contains(QLatin1String("trailing length")));
        // Random garbage after a valid header never crashes.
        QByteArray noise = w.data().left(24);
        for (int i = 0; i < 5000; ++i)
            noise.append(char((i * 7919) ^ (i >> 3)));
        auto n = summarize(noise, 333);
        QVERIFY(n->overview().packets < 5000);
    }

    void rpcOverTcpRecordMarking()
    {
        CaptureWriter w;
        const uint16_t cport = 871, sport = 40123; // NFS on a non-standard port: recognised by content
        uint32_t cseq = 100, sseq = 900;
        int64_t t = 1000000;
        auto c2s = [&](const QByteArray &payload) {
            w.packet(t, W::tcpFrame(kClient, kServer, cport, sport, cseq, sseq, W::ACK | W::PSH, payload));
            cseq += uint32_t(payload.size());
            t += 1000;
        };
        auto s2c = [&](const QByteArray &payload) {
            w.packet(t, W::tcpFrame(kServer, kClient, sport, cport, sseq, cseq, W::ACK | W::PSH, payload));
            sseq += uint32_t(payload.size());
            t += 1000;
        };
        w.packet(t, W::tcpFrame(kClient, kServer, cport, sport, cseq - 1, 0, W::SYN));
        w.packet(t + 10, W::tcpFrame(kServer, kClient, sport, cport, sseq - 1, cseq, W::SYN | W::ACK));
        // Two NFSv3 calls in one segment: GETATTR and ACCESS.
        c2s(W::record(W::rpcCall(1, 100003, 3, 1, QByteArray(36, 'f'))) + W::record(W::rpcCall(2, 100003, 3, 4, QByteArray(40, 'f'))));
        // Their replies, the second split across three segments.
        const QByteArray r2 = W::record(W::rpcReply(2, 0, QByteArray(120, 'r')));
        s2c(W::record(W::rpcReply(1, 0, QByteArray(88, 'r'))) + r2.left(10));
        s2c(r2.mid(10, 50));
        s2c(r2.mid(60));
        // A WRITE whose record spans two fragments and three segments; the reply is an error.
        QByteArray writeArgs(8000, 'd');
        const QByteArray wcall = W::rpcCall(3, 100003, 3, 7, writeArgs);
        const QByteArray frags = W::record(wcall.left(3000), false) + W::record(wcall.mid(3000), true);
        c2s(frags.left(1448));
        c2s(frags.mid(1448, 1448));
        c2s(frags.mid(2896));
        s2c(W::record(W::rpcReply(3, 4)));
        // NFSv4 COMPOUND: SEQUENCE, PUTFH, READ.
        QByteArray v4;
        W::str(v4, "tag");
        W::u32(v4, 1);
        W::u32(v4, 3);
        W::u32(v4, 53);
        v4.append(QByteArray(32, 's'));
        W::u32(v4, 22);
        W::str(v4, QByteArray(28, 'h'));
        W::u32(v4, 25);
        v4.append(QByteArray(28, 'r'));
        c2s(W::record(W::rpcCall(4, 100003, 4, 1, v4)));
        s2c(W::record(W::rpcReply(4, 0, QByteArray(64, 'x'))));
        // A call never answered.
        c2s(W::record(W::rpcCall(5, 100003, 3, 6, QByteArray(48, 'f'))));
        auto s = summarize(w.data());
        const RpcTracker &rpc = s->rpc();
        QCOMPARE(rpc.totalCalls(), uint64_t(5));
        QCOMPARE(rpc.totalReplies(), uint64_t(4));
        QCOMPARE(rpc.calls().size(), size_t(5));
        const auto &calls = rpc.calls();
        QCOMPARE(calls[0].procedure, 1u);
        QCOMPARE(calls[1].replyUs - calls[1].callUs, int64_t(3000)); // answered by the third reply segment
        QCOMPARE(calls[2].status, 4);                                // garbage_args
        QCOMPARE(calls[3].opCount, uint8_t(3));
        QCOMPARE(calls[3].operation, uint16_t(25));                  // READ
        QCOMPARE(calls[4].replyUs, int64_t(0));
        bool sawRead = false;
        for (const RpcProcedureStats &p : rpc.procedures()) {
            if (p.version == 4 && p.operation == 25) {
                sawRead = true;
                QCOMPARE(p.calls, uint64_t(1));
                QCOMPARE(p.replies, uint64_t(1));
            }
            if (p.procedure == 6) {
                QCOMPARE(p.unanswered, uint64_t(1));
            }
            if (p.procedure == 7) {
                QCOMPARE(p.errors, uint64_t(1));
            }
        }
        QVERIFY(sawRead);
        QVERIFY(s->flows().at(0).isRpc);
    }

    void rpcRegistrationsAndFindings()
    {
        CaptureWriter w;
        int64_t t = 2000000;
        const uint16_t pm = 111;
        // portmapper v2 DUMP over UDP: portmapper, nfs, nlockmgr registered; status missing.
        w.packet(t, W::udpFrame(kClient, kServer, 700, pm, W::rpcCall(0x10, 100000, 2, 4)));
        QByteArray dump;
        for (auto [prog, vers, prot, port] : {std::tuple{100000u, 2u, 17u, 111u}, std::tuple{100003u, 3u, 6u, 2049u},
                                               std::tuple{100021u, 4u, 17u, 4045u}}) {
            W::u32(dump, 1);
            W::u32(dump, prog);
            W::u32(dump, vers);
            W::u32(dump, prot);
            W::u32(dump, port);
        }
        W::u32(dump, 0);
        w.packet(t + 200, W::udpFrame(kServer, kClient, pm, 700, W::rpcReply(0x10, 0, dump)));
        // GETPORT status v1 udp -> 0 (not registered).
        QByteArray gp;
        for (uint32_t v : {100024u, 1u, 17u, 0u})
            W::u32(gp, v);
        w.packet(t + 300, W::udpFrame(kClient, kServer, 701, pm, W::rpcCall(0x11, 100000, 2, 3, gp)));
        QByteArray zero;
        W::u32(zero, 0);
        w.packet(t + 400, W::udpFrame(kServer, kClient, pm, 701, W::rpcReply(0x11, 0, zero)));
        // rpcbind v4 GETADDR nlockmgr tcp -> "10.1.84.31.15.205" (port 4045).
        QByteArray ga;
        W::u32(ga, 100021);
        W::u32(ga, 4);
        W::str(ga, "tcp");
        W::str(ga, "");
        W::str(ga, "");
        w.packet(t + 500, W::udpFrame(kClient, kServer, 702, pm, W::rpcCall(0x12, 100000, 4, 3, ga)));
        QByteArray ua;
        W::str(ua, "10.1.84.31.15.205");
        w.packet(t + 600, W::udpFrame(kServer, kClient, pm, 702, W::rpcReply(0x12, 0, ua)));
        // nlockmgr LOCK over UDP to 4045: sent three times, never answered.
        for (int i = 0; i < 3; ++i)
            w.packet(t + 1000 + i * 500000, W::udpFrame(kClient, kServer, 703, 4045, W::rpcCall(0x20, 100021, 4, 2, QByteArray(64, 'l'))));
        auto s = summarize(w.data());
        const auto &regs = s->rpc().registrations();
        QCOMPARE(regs.size(), size_t(5));
        int statusZero = 0, nlmTcp = 0;
        for (const RpcRegistration &r : regs) {
            if (r.program == 100024 && r.port == 0)
                ++statusZero;
            if (r.program == 100021 && r.protocol == 6 && r.port == 4045 && !r.fromDump)
                ++nlmTcp;
        }
        QCOMPARE(statusZero, 1);
        QCOMPARE(nlmTcp, 1);

        // Stored and analysed.
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("rpc.casebook")), QStringLiteral("seed 004"));
        const qint64 id = PcapStore(cf->db()).store(*s, {0, 0, 0, QStringLiteral("synthetic")});
        QVERIFY(PcapAnalyzer(cf->db()).analyze(id, 0, 0) >= 3);
        QStringList kinds;
        Finding unanswered, unregistered;
        for (const Finding &f : FindingStore(cf->db()).list()) {
            kinds << f.kind;
            if (f.kind == QLatin1String("rpc-unanswered"))
                unanswered = f;
            if (f.kind == QLatin1String("rpc-unregistered"))
                unregistered = f;
        }
        QVERIFY2(kinds.contains(QStringLiteral("silent-peer")), qPrintable(kinds.join(QLatin1Char(','))));
        QCOMPARE(unanswered.data.value(QStringLiteral("program_name")).toString(), QStringLiteral("nlockmgr"));
        QCOMPARE(unanswered.evidence.size(), 1);
        QCOMPARE(unanswered.evidence[0].refKind, QStringLiteral("rpc-call"));
        QCOMPARE(unregistered.data.value(QStringLiteral("program")).toInteger(), qint64(100024));
        const QJsonArray calls = PcapQuery(cf->db()).rpcCalls(id, true);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls[0].toObject().value(QStringLiteral("retransmits")).toInteger(), qint64(2));
        QCOMPARE(calls[0].toObject().value(QStringLiteral("procedure_name")).toString(), QStringLiteral("LOCK"));
        QCOMPARE(calls[0].toObject().value(QStringLiteral("id")).toInteger(), unanswered.evidence[0].refId);
    }
};

QTEST_GUILESS_MAIN(PcapReaderTest)
#include "PcapReaderTest.moc"
