// pcap_bench: generates (once, cached in the bench directory) a capture with
// many flows and NFS-like ONC RPC (NFSv3 and v4 over TCP, part of it on a
// non-standard port), 16 MB by default, 1 GB with CASEBOOK_BENCH_SCALE=full
// (or --size-mb N), then times the whole `casectl import CASE F --json`
// (reader, conversations, TCP, RPC, store, findings) against
//   tcpdump -r F -w /dev/null --count   (agree: packets)
//   tshark -r F -q -z conv,tcp          (agree: TCP conversations)
// through BenchRunner. Run by tests/benchmarks/run, never by ctest.
#include "BenchRunner.h"
#include "CaptureWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

namespace {
using W = CaptureWriter;

// Deterministic generator.
class Generator
{
public:
    explicit Generator(QFile &out) : m_out(out), m_w(W::Format::PcapUs) { flush(); }

    void run(qint64 targetBytes)
    {
        for (int i = 0; i < 64; ++i)
            m_nfs.push_back({W::ip(10, 1, uint8_t(i / 200), uint8_t(1 + i % 200)), uint16_t(700 + i), W::ip(10, 0, 0, 1),
                             uint16_t(i % 4 == 3 ? 20049 : 2049), 1000u * uint32_t(i), 5000000u + uint32_t(i), i % 8 == 7});
        while (m_written < targetBytes) {
            nfsOp();
            shortTcp();
            shortTcp();
            if (next() % 2)
                udpExchange();
            if (next() % 500 == 0)
                unansweredSyn();
            if (m_w.data().size() > (4 << 20))
                flush();
        }
        flush();
    }
    qint64 packets() const { return m_packets; }
    qint64 flows() const { return m_flows; }

private:
    struct Conn
    {
        uint32_t client;
        uint16_t cport;
        uint32_t server;
        uint16_t sport;
        uint32_t cseq;
        uint32_t sseq;
        bool v4;
    };

    uint32_t next()
    {
        m_rng = m_rng * 6364136223846793005ull + 1442695040888963407ull;
        return uint32_t(m_rng >> 33);
    }
    void packet(const QByteArray &frame)
    {
        m_t += 20 + next() % 40;
        m_w.packet(m_t, frame);
        ++m_packets;
    }
    void flush()
    {
        m_out.write(m_w.data());
        m_written += m_w.data().size();
        m_w.data().clear();
    }
    void send(Conn &c, bool fromClient, const QByteArray &stream)
    {
        for (qsizetype off = 0; off < stream.size(); off += 1448) {
            const QByteArray seg = stream.mid(off, 1448);
            if (fromClient) {
                packet(W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq, c.sseq, W::ACK | W::PSH, seg));
                c.cseq += uint32_t(seg.size());
            } else {
                packet(W::tcpFrame(c.server, c.client, c.sport, c.cport, c.sseq, c.cseq, W::ACK | W::PSH, seg));
                c.sseq += uint32_t(seg.size());
            }
            if ((off / 1448) % 2 == 1) // delayed ACK every other segment
                packet(fromClient ? W::tcpFrame(c.server, c.client, c.sport, c.cport, c.sseq, c.cseq, W::ACK)
                                  : W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq, c.sseq, W::ACK));
        }
    }
    void nfsOp()
    {
        Conn &c = m_nfs[next() % m_nfs.size()];
        const uint32_t xid = ++m_xid;
        const uint32_t kind = next() % 100;
        static const QByteArray fh(32, 'h');
        if (c.v4) {
            QByteArray a;
            W::str(a, "");
            W::u32(a, 1);
            W::u32(a, 3);
            W::u32(a, 53);
            a.append(QByteArray(32, 's'));
            W::u32(a, 22);
            W::str(a, fh);
            W::u32(a, 25);
            a.append(QByteArray(28, 'r'));
            send(c, true, W::record(W::rpcCall(xid, 100003, 4, 1, a)));
            send(c, false, W::record(W::rpcReply(xid, 0, QByteArray(32768 + 100, 'd'))));
            return;
        }
        if (kind < 65) { // READ 32 KB
            QByteArray a;
            W::str(a, fh);
            a.append(QByteArray(12, '\0'));
            send(c, true, W::record(W::rpcCall(xid, 100003, 3, 6, a)));
            send(c, false, W::record(W::rpcReply(xid, 0, QByteArray(32768 + 120, 'd'))));
        } else if (kind < 85) { // WRITE 32 KB
            QByteArray a;
            W::str(a, fh);
            a.append(QByteArray(16, '\0'));
            W::str(a, QByteArray(32768, 'w'));
            send(c, true, W::record(W::rpcCall(xid, 100003, 3, 7, a)));
            send(c, false, W::record(W::rpcReply(xid, 0, QByteArray(136, 'o'))));
        } else { // GETATTR, ACCESS, LOOKUP
            QByteArray a;
            W::str(a, fh);
            send(c, true, W::record(W::rpcCall(xid, 100003, 3, 1 + kind % 4, a)));
            send(c, false, W::record(W::rpcReply(xid, 0, QByteArray(88, 'a'))));
        }
    }
    void shortTcp()
    {
        ++m_flows;
        const uint32_t cl = W::ip(172, 16, uint8_t(next() % 64), uint8_t(1 + next() % 250));
        const uint32_t sv = W::ip(192, 168, uint8_t(next() % 4), uint8_t(1 + next() % 20));
        Conn c{cl, uint16_t(1024 + next() % 60000), sv, uint16_t(next() % 3 ? 443 : 80), next(), next(), false};
        packet(W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq, 0, W::SYN));
        packet(W::tcpFrame(c.server, c.client, c.sport, c.cport, c.sseq, c.cseq + 1, W::SYN | W::ACK));
        ++c.cseq;
        ++c.sseq;
        packet(W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq, c.sseq, W::ACK));
        send(c, true, QByteArray(300, 'g'));
        send(c, false, QByteArray(1448 * 3, 'b'));
        packet(W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq, c.sseq, W::ACK | W::FIN));
        packet(W::tcpFrame(c.server, c.client, c.sport, c.cport, c.sseq, c.cseq + 1, W::ACK | W::FIN));
        packet(W::tcpFrame(c.client, c.server, c.cport, c.sport, c.cseq + 1, c.sseq + 1, W::ACK));
    }
    void udpExchange()
    {
        ++m_flows;
        const uint32_t cl = W::ip(172, 16, uint8_t(next() % 64), uint8_t(1 + next() % 250));
        const uint16_t port = uint16_t(1024 + next() % 60000);
        packet(W::udpFrame(cl, W::ip(10, 0, 0, 53), port, 53, QByteArray(40, 'q')));
        packet(W::udpFrame(W::ip(10, 0, 0, 53), cl, 53, port, QByteArray(120, 'r')));
    }
    void unansweredSyn()
    {
        ++m_flows;
        const uint16_t port = uint16_t(1024 + next() % 60000);
        for (int i = 0; i < 3; ++i)
            packet(W::tcpFrame(W::ip(10, 1, 0, 9), W::ip(10, 0, 0, 77), port, 2049, 4242, 0, W::SYN));
    }

    QFile &m_out;
    CaptureWriter m_w;
    std::vector<Conn> m_nfs;
    uint64_t m_rng = 42;
    int64_t m_t = 1763700000000000;
    uint32_t m_xid = 0x1000;
    qint64 m_written = 0;
    qint64 m_packets = 0;
    qint64 m_flows = 64;
};


QJsonObject firstCapture(const QByteArray &importJson)
{
    const QJsonArray imports = QJsonDocument::fromJson(importJson).object().value(QStringLiteral("imports")).toArray();
    const QJsonArray caps = imports.isEmpty() ? QJsonArray() : imports.first().toObject().value(QStringLiteral("captures")).toArray();
    return caps.isEmpty() ? QJsonObject() : caps.first().toObject();
}

}

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const QString dir = BenchRunner::workDir();
    qint64 sizeMb = BenchRunner::fullScale() ? 1024 : 16;
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--size-mb"))
            sizeMb = args[++i].toLongLong();
    const QString file = dir + QStringLiteral("/pcap-%1MB.pcap").arg(sizeMb);
    if (QFileInfo(file).size() < sizeMb * 1000000) {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream(stderr) << "cannot write " << file << '\n';
            return 1;
        }
        QElapsedTimer t;
        t.start();
        Generator g(f);
        g.run(sizeMb * 1000000);
        out << "generated " << file << ": " << QFileInfo(file).size() / 1000000 << " MB, " << g.packets() << " packets, "
            << g.flows() << "+ flows in " << QString::number(double(t.elapsed()) / 1000.0, 'f', 1) << " s\n";
        out.flush();
    }
    BenchRunner bench(QStringLiteral("pcap_bench"));
    const QString casectl = BenchRunner::casectl();
    const QString caseFile = dir + QStringLiteral("/pcap.casebook");
    BenchSide ours;
    ours.spec.argv = {casectl, QStringLiteral("import"), caseFile, file, QStringLiteral("--json")};
    ours.before = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(caseFile + suffix);
        BenchRunner::capture({casectl, QStringLiteral("new"), caseFile, QStringLiteral("--title"), QStringLiteral("pcap bench")});
        BenchRunner::capture({QStringLiteral("cat"), file}); // the capture in the page cache, for both sides
    };
    const QString size = QStringLiteral("%1 MB").arg(QFileInfo(file).size() / 1000000);

    BenchComparison dump{QStringLiteral("pcap summary, %1: `casectl import` vs `tcpdump -r F -w /dev/null`").arg(size), ours, {}};
    dump.ours.result = [](const QByteArray &json) {
        return QStringLiteral("%1 packets").arg(firstCapture(json).value(QStringLiteral("packets")).toInteger());
    };
    // --count makes tcpdump say how many packets it read (on stdout).
    dump.peer.spec.argv = {QStringLiteral("tcpdump"), QStringLiteral("-r"), file, QStringLiteral("-w"), QStringLiteral("/dev/null"),
                           QStringLiteral("--count")};
    dump.peer.before = [&] { BenchRunner::capture({QStringLiteral("cat"), file}); };
    dump.peer.result = [](const QByteArray &text) {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(\\d+) packets?")).match(QString::fromUtf8(text));
        return QStringLiteral("%1 packets").arg(m.hasMatch() ? m.captured(1) : QStringLiteral("?"));
    };
    if (BenchRunner::have(QStringLiteral("tcpdump")))
        bench.compare(dump);
    else
        bench.skip(dump.work, QStringLiteral("tcpdump not installed"));

    BenchComparison conv{QStringLiteral("pcap TCP conversations, %1: `casectl import` vs `tshark -q -z conv,tcp`").arg(size), ours, {}};
    conv.ours.result = [&](const QByteArray &) {
        const QByteArray json = BenchRunner::capture({casectl, QStringLiteral("pcap"), caseFile, QStringLiteral("--conversations"), QStringLiteral("--json")});
        qint64 n = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value(QStringLiteral("conversations")).toArray())
            n += v.toObject().value(QStringLiteral("protocol")).toString() == QLatin1String("tcp");
        return QStringLiteral("%1 TCP conversations").arg(n);
    };
    conv.peer.spec.argv = {QStringLiteral("tshark"), QStringLiteral("-r"), file, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,tcp")};
    conv.peer.before = dump.peer.before;
    conv.peer.result = [](const QByteArray &text) {
        return QStringLiteral("%1 TCP conversations").arg(text.count("<->"));
    };
    if (BenchRunner::have(QStringLiteral("tshark")))
        bench.compare(conv);
    else
        bench.skip(conv.work, QStringLiteral("tshark not installed"));

    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(caseFile + suffix);
    return bench.finish();
}
