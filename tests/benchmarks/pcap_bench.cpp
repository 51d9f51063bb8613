// pcap_bench [--file F] [--size-mb N] [--keep]: generates (once) a capture of
// at least N MB (default 1024) with many flows and NFS-like ONC RPC (NFSv3 and
// v4 over TCP, part of it on a non-standard port), then times in one run:
//   casectl import (Casebook's full summary: reader, conversations, RPC, store, findings)
//   tshark -q -z conv,tcp -z conv,udp -r F
//   tcpdump -r F -w /dev/null
//   capinfos -c -u -s F
// printing each time, the ratio to Casebook and each peak RSS.
#include "CaptureWriter.h"
#include "pcap/CaptureSummarizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

extern char **environ;

namespace {
using W = CaptureWriter;

struct Measured
{
    bool ran = false;
    int status = -1;
    double seconds = 0;
    double peakMb = 0;
};

Measured measure(const QStringList &argv)
{
    Measured m;
    std::vector<QByteArray> storage;
    std::vector<char *> args;
    for (const QString &a : argv)
        storage.push_back(a.toLocal8Bit());
    for (QByteArray &s : storage)
        args.push_back(s.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid;
    if (posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ) != 0)
        return m;
    int status = 0;
    struct rusage ru = {};
    wait4(pid, &status, 0, &ru);
    m.seconds = double(t.nsecsElapsed()) / 1e9;
    m.ran = true;
    m.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = double(ru.ru_maxrss) / 1024.0;
    posix_spawn_file_actions_destroy(&fa);
    return m;
}

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

double inProcessSummary(const QString &path, qint64 &packets, qint64 &convs, qint64 &calls)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    QElapsedTimer t;
    t.start();
    CaptureSummarizer s;
    constexpr qint64 kWindow = 64LL << 20; // as the importer reads
    for (qint64 off = 0; off < f.size(); off += kWindow) {
        const qint64 n = qMin(kWindow, f.size() - off);
        uchar *map = f.map(off, n);
        if (!map)
            return -1;
        s.feed(map, size_t(n));
        f.unmap(map);
    }
    s.finish();
    packets = qint64(s.overview().packets);
    convs = qint64(s.flows().size());
    calls = qint64(s.rpc().totalCalls());
    return double(t.nsecsElapsed()) / 1e9;
}

// Best of runs (the machine may be shared), after warming the page cache.
Measured best(const QString &file, const QStringList &argv, int runs)
{
    Measured b;
    for (int i = 0; i < runs; ++i) {
        measure({QStringLiteral("cat"), file});
        const Measured m = measure(argv);
        if (!b.ran || (m.ran && m.seconds < b.seconds))
            b = m;
    }
    return b;
}
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--summary-only")) {
        // Child mode: the summarizer alone, so its time and peak RSS are its own.
        qint64 packets = 0, convs = 0, calls = 0;
        const double secs = inProcessSummary(args[2], packets, convs, calls);
        out << QStringLiteral("%1 packets, %2 conversations, %3 RPC calls in %4 s\n").arg(packets).arg(convs).arg(calls).arg(secs);
        return secs < 0 ? 1 : 0;
    }
    QString file = QDir::temp().filePath(QStringLiteral("casebook_pcap_bench.pcap"));
    qint64 sizeMb = 1024;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--file"))
            file = args[++i];
        else if (args[i] == QLatin1String("--size-mb"))
            sizeMb = args[++i].toLongLong();
    }
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
    const qint64 bytes = QFileInfo(file).size();
    const QString bin = QCoreApplication::applicationDirPath();
    QString casectl = bin + QStringLiteral("/casectl");
    if (!QFile::exists(casectl))
        casectl = QStandardPaths::findExecutable(QStringLiteral("casectl"));
    const QString caseFile = QDir::temp().filePath(QStringLiteral("casebook_pcap_bench.casebook"));
    auto freshCase = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(caseFile + suffix);
        measure({casectl, QStringLiteral("new"), caseFile, QStringLiteral("--title"), QStringLiteral("pcap bench")});
    };
    // Casebook: the summarizer alone, and the whole import (summary, store, findings).
    const Measured summary = best(file, {QCoreApplication::applicationFilePath(), QStringLiteral("--summary-only"), file}, 2);
    Measured ours;
    for (int i = 0; i < 2; ++i) {
        freshCase();
        measure({QStringLiteral("cat"), file});
        const Measured m = measure({casectl, QStringLiteral("import"), caseFile, file});
        if (!m.ran || m.status != 0) {
            QTextStream(stderr) << "casectl import failed\n";
            return 1;
        }
        if (!ours.ran || m.seconds < ours.seconds)
            ours = m;
    }
    struct Peer { QString name; QStringList argv; int runs; };
    const QList<Peer> peers{
        {QStringLiteral("tcpdump -r F -w /dev/null"), {QStringLiteral("tcpdump"), QStringLiteral("-r"), file, QStringLiteral("-w"), QStringLiteral("/dev/null")}, 2},
        {QStringLiteral("capinfos -c -u -s F"), {QStringLiteral("capinfos"), QStringLiteral("-c"), QStringLiteral("-u"), QStringLiteral("-s"), file}, 2},
        {QStringLiteral("tshark -q -z conv,tcp -z conv,udp"), {QStringLiteral("tshark"), QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,tcp"),
                                                               QStringLiteral("-z"), QStringLiteral("conv,udp"), QStringLiteral("-r"), file}, 1},
    };
    auto line = [&](const QString &name, double secs, double mb, const QString &ratio) {
        out << QStringLiteral("  %1 %2 s  %3 MB peak  %4\n").arg(name, -42).arg(secs, 8, 'f', 3).arg(mb, 7, 'f', 0).arg(ratio);
    };
    QList<QPair<Peer, Measured>> results;
    for (const Peer &p : peers) {
        if (QStandardPaths::findExecutable(p.argv.first()).isEmpty()) {
            out << "  " << p.name << ": not installed\n";
            continue;
        }
        results.append({p, best(file, p.argv, p.runs)});
    }
    const Measured idle = measure({QStringLiteral("true")}); // floor of the peak-RSS figures
    out << "results (" << bytes / 1000000 << " MB capture, page cache warm, best of 2 except tshark; peak RSS floor "
        << qint64(idle.peakMb) << " MB):\n";
    line(QStringLiteral("casebook summary (reader+flows+TCP+RPC)"), summary.seconds, summary.peakMb,
         QStringLiteral("%1 MB/s").arg(double(bytes) / 1e6 / summary.seconds, 0, 'f', 0));
    line(QStringLiteral("casebook: casectl import (summary+store)"), ours.seconds, ours.peakMb, QString());
    for (const auto &[p, m] : results) {
        const auto ratio = [&](double ourSecs) { return m.seconds / ourSecs; };
        line(p.name, m.seconds, m.peakMb,
             QStringLiteral("ratio to Casebook: summary %1x, import %2x").arg(ratio(summary.seconds), 0, 'f', 2).arg(ratio(ours.seconds), 0, 'f', 2));
    }
    out << "  (ratio > 1: Casebook is faster)\n";
    qint64 packets = 0, convs = 0, calls = 0; // last: mapping here would inflate the children's peak RSS
    inProcessSummary(file, packets, convs, calls);
    out << QStringLiteral("capture: %1 MB, %2 packets, %3 conversations, %4 RPC calls\n")
               .arg(bytes / 1000000).arg(packets).arg(convs).arg(calls);
    QFile::remove(caseFile);
    QFile::remove(caseFile + QStringLiteral("-wal"));
    QFile::remove(caseFile + QStringLiteral("-shm"));
    return 0;
}
