// Real captures: tcpdump on the loopback of a network namespace this test
// creates (HTTP, a refused connect, SYNs dropped by iptables, rpcbind queried
// with rpcinfo), imported with casectl and checked field by field against
// tshark's view of the same file; then the pcapng conversion, a truncated and
// a corrupt copy.
#include "Requirement.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = ProcessResult;

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    return runProgram(program, args, timeoutMs);
}

QString key(const QString &a, qint64 pa, const QString &b, qint64 pb, const QString &proto)
{
    return QStringLiteral("%1 %2:%3 %4:%5").arg(proto, a).arg(pa).arg(b).arg(pb);
}

struct TsharkConv
{
    qint64 framesAB = 0, bytesAB = 0, framesBA = 0, bytesBA = 0;
    double relStart = 0, duration = 0;
};
}

class PcapLiveTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pcap;
    QString m_case;
    QString m_tshark;
    QJsonArray m_convs;
    qint64 m_firstUs = 0;
    qint64 m_packets = 0;

    QJsonObject casectlJson(const QStringList &args)
    {
        const auto r = runCasectl(args);
        if (r.exitCode != 0)
            qWarning("casectl %s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

    QMap<QString, TsharkConv> tsharkConversations(const QString &file)
    {
        const Run r = run(m_tshark, {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,tcp"), QStringLiteral("-z"),
                                     QStringLiteral("conv,udp"), QStringLiteral("-r"), file});
        QMap<QString, TsharkConv> out;
        QString proto;
        const QRegularExpression row(QStringLiteral(
            "^(\\S+):(\\d+)\\s+<->\\s+(\\S+):(\\d+)\\s+(\\d+)\\s+([\\d,]+) bytes\\s+(\\d+)\\s+([\\d,]+) bytes\\s+\\d+\\s+[\\d,]+ bytes\\s+([\\d.]+)\\s+([\\d.]+)"));
        for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("TCP Conversations")))
                proto = QStringLiteral("tcp");
            else if (line.startsWith(QLatin1String("UDP Conversations")))
                proto = QStringLiteral("udp");
            const auto m = row.match(line);
            if (!m.hasMatch())
                continue;
            TsharkConv c;
            c.framesBA = m.captured(5).toLongLong();
            c.bytesBA = m.captured(6).remove(QLatin1Char(',')).toLongLong();
            c.framesAB = m.captured(7).toLongLong();
            c.bytesAB = m.captured(8).remove(QLatin1Char(',')).toLongLong();
            c.relStart = m.captured(9).toDouble();
            c.duration = m.captured(10).toDouble();
            out.insert(key(m.captured(1), m.captured(2).toLongLong(), m.captured(3), m.captured(4).toLongLong(), proto), c);
        }
        return out;
    }

    QJsonObject conv(int portB)
    {
        for (const QJsonValue &v : m_convs)
            if (v.toObject().value(QStringLiteral("port_b")).toInt() == portB)
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CASEBOOK_REQUIRE_ROOT("for a network namespace, iptables and tcpdump");
        for (const char *tool : {"unshare", "ip", "iptables", "tcpdump", "ss"})
            CASEBOOK_REQUIRE(!TestEnv::tool(tool).isEmpty(), QStringLiteral("the %1 program").arg(QLatin1String(tool)));
        const bool netns = run(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("true")}).exitCode == 0;
        if (!netns && !QFile::exists(QStringLiteral("/proc/self/ns/net")))
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("the kernel has no network namespaces (CONFIG_NET_NS)"));
        CASEBOOK_REQUIRE(netns, QStringLiteral("a network namespace (unshare -n failed)"));
        m_tshark = TestEnv::tool("tshark");
        QString helper = TestEnv::binDir() + QStringLiteral("/pcap_net_helper");
        if (!QFile::exists(helper))
            helper = TestEnv::binDir() + QStringLiteral("/PcapNetHelperMain");
        QVERIFY2(QFile::exists(helper), qPrintable(helper));
        const QString script = TestEnv::sourceDir() + QStringLiteral("/tests/pcap/capture_scenario.sh");
        const Run s = run(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("bash"), script, m_dir.path(), helper}, 90000);
        QVERIFY2(s.exitCode == 0, s.err.constData());
        m_pcap = m_dir.filePath(QStringLiteral("live.pcap"));
        QVERIFY(QFile::exists(m_pcap));

        m_case = m_dir.filePath(QStringLiteral("live.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), m_case, QStringLiteral("--title"), QStringLiteral("live capture")}).exitCode, 0);
        const auto imp = runCasectl({QStringLiteral("import"), m_case, m_pcap, QStringLiteral("--json")});
        QVERIFY2(imp.exitCode == 0, imp.err.constData());
        const QJsonObject overview = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--json")});
        const QJsonObject cap = overview.value(QStringLiteral("captures")).toArray().at(0).toObject();
        m_firstUs = cap.value(QStringLiteral("first_us")).toInteger();
        m_packets = cap.value(QStringLiteral("packets")).toInteger();
        QVERIFY(m_packets > 30);
        m_convs = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--conversations"), QStringLiteral("--json")})
                      .value(QStringLiteral("conversations")).toArray();
        QVERIFY(m_convs.size() >= 6); // HTTP, refused, dropped SYNs, rpcbind...
    }

    void overviewMatchesCapinfos()
    {
        CASEBOOK_REQUIRE_TOOL("capinfos");
        const QString capinfos = TestEnv::tool("capinfos");
        const Run r = run(capinfos, {QStringLiteral("-T"), QStringLiteral("-r"), QStringLiteral("-c"), QStringLiteral("-d"),
                                     QStringLiteral("-a"), QStringLiteral("-e"), QStringLiteral("-S"), m_pcap});
        const QStringList f = QString::fromUtf8(r.out).trimmed().split(QLatin1Char('\t'));
        QVERIFY2(f.size() >= 5, r.out.constData());
        const QJsonObject cap = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--json")})
                                    .value(QStringLiteral("captures")).toArray().at(0).toObject();
        QCOMPARE(cap.value(QStringLiteral("packets")).toInteger(), f[1].toLongLong());
        QCOMPARE(cap.value(QStringLiteral("wire_bytes")).toInteger(), f[2].toLongLong());
        QCOMPARE(cap.value(QStringLiteral("first_us")).toInteger(), qint64(std::llround(f[3].toDouble() * 1e6)));
        QCOMPARE(cap.value(QStringLiteral("last_us")).toInteger(), qint64(std::llround(f[4].toDouble() * 1e6)));
        QCOMPARE(cap.value(QStringLiteral("interfaces")).toArray().at(0).toObject().value(QStringLiteral("link_type")).toInt(), 1);
    }

    void conversationsMatchTshark()
    {
        CASEBOOK_REQUIRE_TOOL("tshark");
        const auto theirs = tsharkConversations(m_pcap);
        QVERIFY(theirs.size() >= 6);
        QCOMPARE(qsizetype(m_convs.size()), theirs.size());
        for (const QJsonValue &v : m_convs) {
            const QJsonObject c = v.toObject();
            const QString k = key(c[QStringLiteral("addr_a")].toString(), c[QStringLiteral("port_a")].toInteger(),
                                  c[QStringLiteral("addr_b")].toString(), c[QStringLiteral("port_b")].toInteger(),
                                  c[QStringLiteral("protocol")].toString());
            QVERIFY2(theirs.contains(k), qPrintable(k));
            const TsharkConv t = theirs.value(k);
            QCOMPARE(c[QStringLiteral("packets_ab")].toInteger(), t.framesAB);
            QCOMPARE(c[QStringLiteral("bytes_ab")].toInteger(), t.bytesAB);
            QCOMPARE(c[QStringLiteral("packets_ba")].toInteger(), t.framesBA);
            QCOMPARE(c[QStringLiteral("bytes_ba")].toInteger(), t.bytesBA);
            const double rel = double(c[QStringLiteral("first_us")].toInteger() - m_firstUs) / 1e6;
            QVERIFY2(std::abs(rel - t.relStart) < 2e-6, qPrintable(k));
            const double dur = double(c[QStringLiteral("last_us")].toInteger() - c[QStringLiteral("first_us")].toInteger()) / 1e6;
            QVERIFY2(std::abs(dur - t.duration) <= 0.00005 + 1e-9, qPrintable(QStringLiteral("%1 %2 %3").arg(k).arg(dur).arg(t.duration)));
        }
    }

    void linuxCookedCaptureOfTheSameTraffic()
    {
        const QString any = m_dir.filePath(QStringLiteral("any.pcap"));
        QVERIFY(QFile::exists(any));
        const QString c = m_dir.filePath(QStringLiteral("any.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("any")}).exitCode, 0);
        QCOMPARE(runCasectl({QStringLiteral("import"), c, any}).exitCode, 0);
        const QJsonObject cap = casectlJson({QStringLiteral("pcap"), c, QStringLiteral("--json")})
                                    .value(QStringLiteral("captures")).toArray().at(0).toObject();
        const int link = cap[QStringLiteral("interfaces")].toArray().at(0).toObject()[QStringLiteral("link_type")].toInt();
        QVERIFY2(link == 276 || link == 113, qPrintable(QString::number(link)));
        const QJsonArray convs = casectlJson({QStringLiteral("pcap"), c, QStringLiteral("--conversations"), QStringLiteral("--json")})
                                     .value(QStringLiteral("conversations")).toArray();
        // Same conversations and packet counts as on lo (bytes differ: cooked headers).
        QCOMPARE(convs.size(), m_convs.size());
        QMap<QString, QPair<qint64, qint64>> onLo;
        for (const QJsonValue &v : m_convs) {
            const QJsonObject o = v.toObject();
            onLo.insert(key(o[QStringLiteral("addr_a")].toString(), o[QStringLiteral("port_a")].toInteger(), o[QStringLiteral("addr_b")].toString(),
                            o[QStringLiteral("port_b")].toInteger(), o[QStringLiteral("protocol")].toString()),
                        {o[QStringLiteral("packets_ab")].toInteger(), o[QStringLiteral("packets_ba")].toInteger()});
        }
        // tshark is required by conversationsMatchTshark; here its byte counts are an extra check.
        const auto theirs = m_tshark.isEmpty() ? QMap<QString, TsharkConv>() : tsharkConversations(any);
        for (const QJsonValue &v : convs) {
            const QJsonObject o = v.toObject();
            const QString k = key(o[QStringLiteral("addr_a")].toString(), o[QStringLiteral("port_a")].toInteger(), o[QStringLiteral("addr_b")].toString(),
                                  o[QStringLiteral("port_b")].toInteger(), o[QStringLiteral("protocol")].toString());
            QVERIFY2(onLo.contains(k), qPrintable(k));
            QCOMPARE(o[QStringLiteral("packets_ab")].toInteger(), onLo[k].first);
            QCOMPARE(o[QStringLiteral("packets_ba")].toInteger(), onLo[k].second);
            if (!m_tshark.isEmpty()) {
                QVERIFY2(theirs.contains(k), qPrintable(k));
                QCOMPARE(o[QStringLiteral("bytes_ab")].toInteger(), theirs[k].bytesAB);
                QCOMPARE(o[QStringLiteral("bytes_ba")].toInteger(), theirs[k].bytesBA);
            }
        }
    }

    void tcpFlagsMatchTshark()
    {
        CASEBOOK_REQUIRE_TOOL("tshark");
        const Run r = run(m_tshark, {QStringLiteral("-r"), m_pcap, QStringLiteral("-Y"), QStringLiteral("tcp"), QStringLiteral("-T"),
                                     QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=,"),
                                     QStringLiteral("-e"), QStringLiteral("tcp.srcport"), QStringLiteral("-e"), QStringLiteral("tcp.dstport"),
                                     QStringLiteral("-e"), QStringLiteral("tcp.flags.syn"), QStringLiteral("-e"), QStringLiteral("tcp.flags.ack"),
                                     QStringLiteral("-e"), QStringLiteral("tcp.flags.reset"), QStringLiteral("-e"), QStringLiteral("tcp.flags.fin"),
                                     QStringLiteral("-e"), QStringLiteral("tcp.analysis.retransmission"), QStringLiteral("-e"),
                                     QStringLiteral("tcp.analysis.zero_window")});
        struct Counts { qint64 syn = 0, synack = 0, rstAB = 0, rstBA = 0, finAB = 0, finBA = 0, retrans = 0, zw = 0; };
        QMap<int, Counts> byServerPort; // every test conversation has a distinct server port... except 111
        QMap<QString, Counts> byPair;
        auto truthy = [](const QString &s) { return s == QLatin1String("True") || s == QLatin1String("1"); };
        for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.split(QLatin1Char(','));
            if (f.size() < 8)
                continue;
            const int sp = f[0].toInt(), dp = f[1].toInt();
            // The client port is the larger in every conversation of this scenario except 6xx <-> 111.
            const bool fromClient = dp == 111 || dp == 8080 || dp == 9 || dp == 2049;
            const QString pair = fromClient ? QStringLiteral("%1-%2").arg(sp).arg(dp) : QStringLiteral("%1-%2").arg(dp).arg(sp);
            Counts &c = byPair[pair];
            if (truthy(f[2]) && !truthy(f[3]))
                ++c.syn;
            if (truthy(f[2]) && truthy(f[3]))
                ++c.synack;
            if (truthy(f[4]))
                ++(fromClient ? c.rstAB : c.rstBA);
            if (truthy(f[5]))
                ++(fromClient ? c.finAB : c.finBA);
            if (!f[6].isEmpty())
                ++c.retrans;
            if (!f[7].isEmpty())
                ++c.zw;
        }
        int checked = 0;
        for (const QJsonValue &v : m_convs) {
            const QJsonObject c = v.toObject();
            if (c[QStringLiteral("protocol")].toString() != QLatin1String("tcp"))
                continue;
            const QString pair = QStringLiteral("%1-%2").arg(c[QStringLiteral("port_a")].toInteger()).arg(c[QStringLiteral("port_b")].toInteger());
            QVERIFY2(byPair.contains(pair), qPrintable(pair));
            const Counts t = byPair.value(pair);
            QCOMPARE(c[QStringLiteral("syn_count")].toInteger(), t.syn);
            QCOMPARE(c[QStringLiteral("synack_count")].toInteger(), t.synack);
            QCOMPARE(c[QStringLiteral("rst_ab")].toInteger(), t.rstAB);
            QCOMPARE(c[QStringLiteral("rst_ba")].toInteger(), t.rstBA);
            QCOMPARE(c[QStringLiteral("fin_ab")].toInteger(), t.finAB);
            QCOMPARE(c[QStringLiteral("fin_ba")].toInteger(), t.finBA);
            QCOMPARE(c[QStringLiteral("retransmissions")].toInteger(), t.retrans);
            QCOMPARE(c[QStringLiteral("zero_window")].toInteger(), t.zw);
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void handshakeOutcomes()
    {
        const QJsonObject http = conv(8080);
        QCOMPARE(http[QStringLiteral("handshake")].toString(), QStringLiteral("completed"));
        const QJsonObject refused = conv(9);
        QCOMPARE(refused[QStringLiteral("handshake")].toString(), QStringLiteral("refused"));
        const QJsonObject dropped = conv(2049);
        QCOMPARE(dropped[QStringLiteral("handshake")].toString(), QStringLiteral("unanswered"));
        QVERIFY(dropped[QStringLiteral("syn_count")].toInteger() >= 2); // the first SYN plus kernel retries
        QCOMPARE(dropped[QStringLiteral("packets_ba")].toInteger(), qint64(0));
        const QJsonArray silent = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--silent"), QStringLiteral("--json")})
                                      .value(QStringLiteral("silent_peers")).toArray();
        bool saw2049 = false;
        for (const QJsonValue &v : silent)
            saw2049 = saw2049 || v.toObject()[QStringLiteral("port")].toInt() == 2049;
        QVERIFY(saw2049);
    }

    void rpcMatchesTshark()
    {
        CASEBOOK_REQUIRE(QFile::exists(m_dir.filePath(QStringLiteral("rpcinfo-p.txt"))),
                         QStringLiteral("the rpcbind and rpcinfo programs (capture_scenario.sh queries rpcbind)"));
        const QJsonObject rpc = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--rpc"), QStringLiteral("--json")});
        const QJsonArray calls = rpc[QStringLiteral("calls")].toArray();
        QSet<QString> ours;
        for (const QJsonValue &v : calls) {
            const QJsonObject c = v.toObject();
            ours.insert(QStringLiteral("%1 %2 %3 %4").arg(c[QStringLiteral("xid")].toInteger()).arg(c[QStringLiteral("program")].toInteger())
                            .arg(c[QStringLiteral("version")].toInteger()).arg(c[QStringLiteral("procedure")].toInteger()));
        }
        // Registered programs from rpcinfo -p's DUMP, and status known as not registered.
        bool pmapTcp = false, statusMissing = false;
        for (const QJsonValue &v : rpc[QStringLiteral("registrations")].toArray()) {
            const QJsonObject r = v.toObject();
            pmapTcp = pmapTcp || (r[QStringLiteral("program")].toInt() == 100000 && r[QStringLiteral("protocol")].toString() == QLatin1String("tcp")
                                  && r[QStringLiteral("port")].toInt() == 111 && r[QStringLiteral("source")].toString() == QLatin1String("dump"));
            statusMissing = statusMissing || (r[QStringLiteral("program")].toInt() == 100024 && r[QStringLiteral("port")].toInt() == 0);
        }
        QVERIFY(pmapTcp);
        QVERIFY(statusMissing);
        bool nlmUnanswered = false;
        for (const QJsonValue &v : rpc[QStringLiteral("unanswered")].toArray())
            nlmUnanswered = nlmUnanswered || v.toObject()[QStringLiteral("program_name")].toString() == QLatin1String("nlockmgr");
        QVERIFY(nlmUnanswered);
        CASEBOOK_REQUIRE_TOOL("tshark");
        const Run r = run(m_tshark, {QStringLiteral("-r"), m_pcap, QStringLiteral("-Y"), QStringLiteral("rpc.msgtyp==0"), QStringLiteral("-T"),
                                     QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=;"),
                                     QStringLiteral("-e"), QStringLiteral("rpc.xid"), QStringLiteral("-e"), QStringLiteral("rpc.program"),
                                     QStringLiteral("-e"), QStringLiteral("rpc.programversion"), QStringLiteral("-e"), QStringLiteral("rpc.procedure")});
        QSet<QString> theirs;
        for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.split(QLatin1Char(';'));
            if (f.size() < 4)
                continue;
            theirs.insert(QStringLiteral("%1 %2 %3 %4").arg(f[0].toUInt(nullptr, 16)).arg(f[1].section(QLatin1Char(','), 0, 0))
                              .arg(f[2].section(QLatin1Char(','), 0, 0)).arg(f[3].section(QLatin1Char(','), 0, 0)));
        }
        QVERIFY(theirs.size() >= 3);
        QCOMPARE(ours, theirs);
        // Reply counts and service times per program/version against -z rpc,programs.
        const Run z = run(m_tshark, {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("rpc,programs"), QStringLiteral("-r"), m_pcap});
        const QRegularExpression row(QStringLiteral("^\\S*\\((\\d+)\\)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)"));
        QMap<QString, QPair<qint64, double>> replied; // prog v -> replies, summed latency
        for (const QJsonValue &v : rpc[QStringLiteral("procedures")].toArray()) {
            const QJsonObject p = v.toObject();
            auto &e = replied[QStringLiteral("%1 %2").arg(p[QStringLiteral("program")].toInteger()).arg(p[QStringLiteral("version")].toInteger())];
            e.first += p[QStringLiteral("replies")].toInteger();
            e.second += double(p[QStringLiteral("latency_avg_us")].toInteger()) * double(p[QStringLiteral("replies")].toInteger());
        }
        int rows = 0;
        for (const QString &line : QString::fromUtf8(z.out).split(QLatin1Char('\n'))) {
            const auto m = row.match(line);
            if (!m.hasMatch())
                continue;
            const QString k = m.captured(1) + QLatin1Char(' ') + m.captured(2);
            QVERIFY2(replied.contains(k), qPrintable(k));
            QCOMPARE(replied[k].first, m.captured(3).toLongLong());
            const double avgUs = replied[k].second / double(replied[k].first);
            QVERIFY2(std::abs(avgUs - m.captured(6).toDouble() * 1e6) <= 2.0, qPrintable(k)); // our averages are whole microseconds
            ++rows;
        }
        QVERIFY(rows >= 1);
    }

    void findingsWithEvidence()
    {
        const QJsonObject o = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--json")});
        QStringList kinds;
        for (const QJsonValue &f : o[QStringLiteral("captures")].toArray().at(0).toObject()[QStringLiteral("findings")].toArray())
            kinds << f.toObject()[QStringLiteral("kind")].toString();
        QVERIFY2(kinds.contains(QStringLiteral("silent-peer")), qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(kinds.contains(QStringLiteral("connection-refused")));
        if (QFile::exists(m_dir.filePath(QStringLiteral("rpcinfo-p.txt")))) {
            QVERIFY(kinds.contains(QStringLiteral("rpc-unanswered")));
            QVERIFY(kinds.contains(QStringLiteral("rpc-unregistered")));
        }
    }

    void rawCaptureKeptAndHashed()
    {
        const QJsonObject cap = casectlJson({QStringLiteral("pcap"), m_case, QStringLiteral("--json")})
                                    .value(QStringLiteral("captures")).toArray().at(0).toObject();
        const qint64 artifact = cap[QStringLiteral("artifact_id")].toInteger();
        QVERIFY(artifact > 0); // small captures are kept
        auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
        const auto info = ArtifactReader(cf->db()).info(artifact);
        QVERIFY(info.has_value());
        QCOMPARE(info->kind, QStringLiteral("pcap"));
        QVERIFY(info->complete);
        QFile a(m_pcap);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QByteArray original = a.readAll();
        QCOMPARE(info->sha256, QString::fromLatin1(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(ArtifactReader(cf->db()).readAll(artifact), original);
    }

    void pcapngConversionGivesTheSameSummary()
    {
        CASEBOOK_REQUIRE_TOOL("editcap");
        const QString editcap = TestEnv::tool("editcap");
        const QString ng = m_dir.filePath(QStringLiteral("live.pcapng"));
        QCOMPARE(run(editcap, {QStringLiteral("-F"), QStringLiteral("pcapng"), m_pcap, ng}).exitCode, 0);
        const QString c = m_dir.filePath(QStringLiteral("ng.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("ng")}).exitCode, 0);
        QCOMPARE(runCasectl({QStringLiteral("import"), c, ng}).exitCode, 0);
        const QJsonObject cap = casectlJson({QStringLiteral("pcap"), c, QStringLiteral("--json")})
                                    .value(QStringLiteral("captures")).toArray().at(0).toObject();
        QCOMPARE(cap[QStringLiteral("format")].toString(), QStringLiteral("pcapng"));
        QCOMPARE(cap[QStringLiteral("packets")].toInteger(), m_packets);
        QCOMPARE(cap[QStringLiteral("first_us")].toInteger(), m_firstUs);
        QJsonArray convs = casectlJson({QStringLiteral("pcap"), c, QStringLiteral("--conversations"), QStringLiteral("--json")})
                               .value(QStringLiteral("conversations")).toArray();
        QCOMPARE(convs.size(), m_convs.size());
        for (int i = 0; i < convs.size(); ++i) {
            QJsonObject a = convs[i].toObject(), b = m_convs[i].toObject();
            a.remove(QStringLiteral("id"));
            a.remove(QStringLiteral("capture_id"));
            b.remove(QStringLiteral("id"));
            b.remove(QStringLiteral("capture_id"));
            QCOMPARE(a, b);
        }
    }

    void truncatedAndCorruptCopies()
    {
        QFile f(m_pcap);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.pcap"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.left(bytes.size() - 7));
        c.close();
        const QString cc = m_dir.filePath(QStringLiteral("cut.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), cc, QStringLiteral("--title"), QStringLiteral("cut")}).exitCode, 0);
        const auto r = runCasectl({QStringLiteral("pcap"), cc, QStringLiteral("--import"), cut, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("cut short"), r.err.constData());
        const QJsonObject cap = QJsonDocument::fromJson(r.out).object()[QStringLiteral("captures")].toArray().at(0).toObject();
        QCOMPARE(cap[QStringLiteral("packets")].toInteger(), m_packets - 1);
        QCOMPARE(cap[QStringLiteral("truncated")].toInteger(), qint64(1));

        // Corrupt: the third record claims a 2 GB packet.
        QByteArray bad = bytes;
        qsizetype off = 24;
        for (int i = 0; i < 2; ++i) {
            quint32 capLen;
            std::memcpy(&capLen, bad.constData() + off + 8, 4);
            off += 16 + capLen;
        }
        bad[off + 11] = char(0x7f);
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.pcap"));
        QFile k(corrupt);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write(bad);
        k.close();
        const auto rc = runCasectl({QStringLiteral("pcap"), cc, QStringLiteral("--import"), corrupt, QStringLiteral("--json")});
        QCOMPARE(rc.exitCode, 0);
        QVERIFY2(rc.err.contains("corrupt"), rc.err.constData());
        const QJsonObject cap2 = QJsonDocument::fromJson(rc.out).object()[QStringLiteral("captures")].toArray().at(0).toObject();
        QCOMPARE(cap2[QStringLiteral("packets")].toInteger(), qint64(2));
        QVERIFY(!cap2[QStringLiteral("error")].toString().isEmpty());
        // A file that is no capture at all is refused with a clear error.
        const auto junk = runCasectl({QStringLiteral("import"), cc, QStringLiteral("--kind"), QStringLiteral("pcap"),
                                      TestEnv::sourceDir() + QStringLiteral("/README.md")});
        QCOMPARE(junk.exitCode, 1);
        QVERIFY2(junk.err.contains("not a pcap"), junk.err.constData());
    }
};

QTEST_GUILESS_MAIN(PcapLiveTest)
#include "PcapLiveTest.moc"
