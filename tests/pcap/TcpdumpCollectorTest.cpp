// The tcpdump collector for real: over LocalTransport on this machine's
// loopback and over SSH against a real sshd (SshdFixture), with traffic the
// test makes to a port of its own (filtered, so other loopback traffic never
// matters); the size cap; missing tcpdump, no permission, no such interface.
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "collectors/pcap/TcpdumpCollector.h"
#include "collectors/pcap/TcpdumpCollectorFactory.h"
#include "pcap/PcapAnalyzer.h"
#include "pcap/PcapQuery.h"
#include "transport/LocalTransport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <atomic>
#include <thread>
#include <unistd.h>

namespace {
// Rewrites the collector's script before running it locally: simulates a host
// without tcpdump, or runs it as an unprivileged user.
class RewritingTransport : public LocalTransport
{
public:
    std::function<QString(const QString &)> rewrite;
    RunResult run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel) override
    {
        RunRequest r = request;
        r.command = rewrite(request.command);
        return LocalTransport::run(r, sink, cancel);
    }
};

// Refused connects (SYN, RST) and UDP datagrams to port, until stopped.
class Traffic
{
public:
    explicit Traffic(quint16 port, int udpBytes = 200) : m_port(port), m_udp(udpBytes)
    {
        m_thread = std::thread([this] {
            QUdpSocket udp;
            while (!m_stop.load()) {
                QTcpSocket s;
                s.connectToHost(QStringLiteral("127.0.0.1"), m_port);
                s.waitForConnected(500);
                udp.writeDatagram(QByteArray(m_udp, 'u'), QHostAddress::LocalHost, m_port);
                ++m_sent;
                // Pacing of the load generator (about ten probes a second), not synchronisation.
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    }
    ~Traffic() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    int sent() const { return m_sent.load(); }

private:
    quint16 m_port;
    int m_udp;
    std::atomic_bool m_stop{false};
    std::atomic_int m_sent{0};
    std::thread m_thread;
};

// Every TCP conversation to `port` must be a refused connection. The capture
// window may close between the newest SYN and its RST, so that one alone may
// be cut off as "unanswered". Returns what is wrong, or an empty string.
QString checkRefused(const QJsonArray &convs, quint16 port, int *refused)
{
    qint64 newestStart = 0;
    for (const QJsonValue &v : convs)
        if (v.toObject()[QStringLiteral("protocol")].toString() == QLatin1String("tcp"))
            newestStart = std::max(newestStart, v.toObject()[QStringLiteral("first_us")].toInteger());
    *refused = 0;
    for (const QJsonValue &v : convs) {
        const QJsonObject c = v.toObject();
        if (c[QStringLiteral("protocol")].toString() != QLatin1String("tcp"))
            continue;
        const QString handshake = c[QStringLiteral("handshake")].toString();
        if (c[QStringLiteral("port_b")].toInteger() != port)
            return QStringLiteral("conversation to port %1").arg(c[QStringLiteral("port_b")].toInteger());
        if (handshake == QLatin1String("refused"))
            ++*refused;
        else if (!(handshake == QLatin1String("unanswered") && c[QStringLiteral("first_us")].toInteger() == newestStart))
            return QStringLiteral("handshake %1 at %2").arg(handshake).arg(c[QStringLiteral("first_us")].toInteger());
    }
    return {};
}

quint16 unusedPort()
{
    return quint16(40000 + QRandomGenerator::global()->bounded(20000));
}
}

class TcpdumpCollectorTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<CaseFile> newCase()
    {
        return CaseFile::create(m_dir.filePath(QStringLiteral("c%1.casebook").arg(++m_n)), QStringLiteral("tcpdump"));
    }
    static CollectorResult collect(CaseFile &cf, const TcpdumpCollector::Options &o, Transport &t)
    {
        TcpdumpCollector c(o);
        CollectionContext ctx;
        ctx.caseFile = &cf;
        ctx.hostSpec = t.hostSpec();
        return c.collect(t, ctx, CancelToken());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CASEBOOK_REQUIRE_ROOT("to capture packets");
        CASEBOOK_REQUIRE_TOOL("tcpdump");
    }

    void options()
    {
        const CollectorFactory f = tcpdumpCollectorFactory();
        QCommandLineParser p;
        f.addOptions(p);
        QVERIFY(p.parse({QStringLiteral("casectl"), QStringLiteral("--tcpdump"), QStringLiteral("lo"), QStringLiteral("--filter"),
                         QStringLiteral("port 2049 or port 111"), QStringLiteral("--duration"), QStringLiteral("3"),
                         QStringLiteral("--max-bytes"), QStringLiteral("2M")}));
        auto c = f.fromOptions(p);
        QVERIFY(c);
        const QString script = static_cast<TcpdumpCollector *>(c.get())->script();
        QVERIFY(script.contains(QLatin1String("-i 'lo' -w - -U -s 0 -n 'port 2049 or port 111'")));
        QVERIFY(script.contains(QLatin1String("-lt 3 ]")));
        QCommandLineParser bad;
        f.addOptions(bad);
        QVERIFY(bad.parse({QStringLiteral("casectl"), QStringLiteral("--tcpdump"), QStringLiteral("lo;reboot")}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.fromOptions(bad));
        QCommandLineParser none;
        f.addOptions(none);
        QVERIFY(none.parse({QStringLiteral("casectl")}));
        QVERIFY(!f.fromOptions(none));
        // A quote in the filter stays inside one shell word.
        TcpdumpCollector::Options o;
        o.interface = QStringLiteral("lo");
        o.filter = QStringLiteral("port 1' ; touch /tmp/casebook-pwned ; echo '");
        QVERIFY(TcpdumpCollector(o).script().contains(QLatin1String("'port 1'\\'' ; touch /tmp/casebook-pwned ; echo '\\'''")));
    }

    void localCaptureIsSummarisedAsItArrives()
    {
        auto cf = newCase();
        LocalTransport t;
        const quint16 port = unusedPort();
        TcpdumpCollector::Options o;
        o.interface = QStringLiteral("lo");
        o.filter = QStringLiteral("port %1").arg(port);
        o.durationSeconds = 5; // generous: tcpdump may start slowly on a loaded machine
        Traffic traffic(port);
        const CollectorResult r = collect(*cf, o, t);
        traffic.stop();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(traffic.sent() >= 5);
        const qint64 captureId = r.summary.value(QStringLiteral("capture_id")).toInteger();
        QVERIFY(r.summary.value(QStringLiteral("packets")).toInteger() >= 10);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT kind || ' ' || status FROM collections")), QStringLiteral("pcap complete"));
        // Every SYN was refused; no datagram was answered (the ICMP errors are ICMP).
        int refused = 0, udp = 0;
        const QJsonArray convs = PcapQuery(cf->db()).conversations(captureId);
        const QString bad = checkRefused(convs, port, &refused);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        for (const QJsonValue &v : convs) {
            const QJsonObject c = v.toObject();
            if (c[QStringLiteral("protocol")].toString() == QLatin1String("udp")) {
                udp += int(c[QStringLiteral("packets_ab")].toInteger()); // one socket: one conversation
                QCOMPARE(c[QStringLiteral("packets_ba")].toInteger(), qint64(0));
            }
        }
        QVERIFY(refused >= 5);
        // Each conversation is on the timeline, linked to its row; analysing
        // again replaces the events rather than adding more.
        const qint64 convCount = convs.size();
        auto pcapEvents = [&] {
            return cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM events WHERE source = 'pcap' AND kind = 'conversation'"
                                                    " AND ref_kind = 'conversation'"
                                                    " AND ref_id IN (SELECT id FROM pcap_conversations WHERE capture_id = %1)")
                                         .arg(captureId));
        };
        QCOMPARE(pcapEvents(), convCount);
        QVERIFY(cf->db().queryText(QStringLiteral("SELECT summary FROM events WHERE source = 'pcap' AND summary LIKE 'tcp %refused%' LIMIT 1"))
                    .contains(QStringLiteral(":%1 refused").arg(port)));
        PcapAnalyzer(cf->db()).analyze(captureId, r.summary.value(QStringLiteral("collection_id")).toInteger(), 0);
        QCOMPARE(pcapEvents(), convCount);
        QVERIFY(udp >= 5);
        // The raw capture is evidence: complete, hashed, and what was summarised.
        const qint64 artifact = r.summary.value(QStringLiteral("artifact_id")).toInteger();
        const auto info = ArtifactReader(cf->db()).info(artifact);
        QVERIFY(info && info->complete && !info->truncated);
        const QByteArray raw = ArtifactReader(cf->db()).readAll(artifact);
        QCOMPARE(info->sha256, QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(qint64(raw.size()), r.summary.value(QStringLiteral("bytes")).toInteger());
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT COUNT(*) FROM findings WHERE kind = 'connection-refused'")) >= 1);
    }

    void sizeCapStopsTheCapture()
    {
        auto cf = newCase();
        LocalTransport t;
        const quint16 port = unusedPort();
        TcpdumpCollector::Options o;
        o.interface = QStringLiteral("lo");
        o.filter = QStringLiteral("udp port %1").arg(port);
        o.durationSeconds = 20;
        o.maxBytes = 8192;
        Traffic traffic(port, 1200);
        QElapsedTimer timer;
        timer.start();
        const CollectorResult r = collect(*cf, o, t);
        traffic.stop();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.summary.value(QStringLiteral("capped")).toBool());
        QCOMPARE(r.summary.value(QStringLiteral("bytes")).toInteger(), qint64(8192));
        QVERIFY(timer.elapsed() < 19000); // stopped by the cap, not by the duration
        const qint64 artifact = r.summary.value(QStringLiteral("artifact_id")).toInteger();
        QVERIFY(ArtifactReader(cf->db()).info(artifact)->truncated);
        const QJsonArray warnings = r.summary.value(QStringLiteral("warnings")).toArray();
        bool sawCap = false;
        for (const QJsonValue &w : warnings)
            sawCap = sawCap || w.toString().contains(QLatin1String("size cap"));
        QVERIFY(sawCap);
        // Cut is said to be cut: incomplete, with the size.
        const auto c = CollectionStore(cf->db()).byId(r.collectionIds.value(0));
        QVERIFY(c.has_value());
        QCOMPARE(c->status, CollectionRecord::Status::Incomplete);
        QCOMPARE(c->error, QStringLiteral("capture cut at 8192 bytes (--max-bytes)"));
    }

    void clearErrors()
    {
        RewritingTransport missing;
        missing.rewrite = [](const QString &c) { return QString(c).replace(QLatin1String("T=tcpdump"), QLatin1String("T=casebook-no-such-tcpdump")); };
        TcpdumpCollector::Options o;
        o.interface = QStringLiteral("lo");
        o.durationSeconds = 1;
        auto cf = newCase();
        CollectorResult r = collect(*cf, o, missing);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("tcpdump is not installed")), qPrintable(r.error));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections")), QStringLiteral("failed"));

        LocalTransport t;
        o.interface = QStringLiteral("casebook-nosuch0");
        r = collect(*newCase(), o, t);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("casebook-nosuch0")), qPrintable(r.error));

        // Without privileges: a clear permission error.
        CASEBOOK_REQUIRE_TOOL("setpriv");
        o.interface = QStringLiteral("lo");
        RewritingTransport unprivileged;
        unprivileged.rewrite = [](const QString &c) {
            QString q = c;
            q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
            return QStringLiteral("setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all sh -c '%1'").arg(q);
        };
        r = collect(*newCase(), o, unprivileged);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("permission")), qPrintable(r.error));
    }

    void casectlCollectOverSsh()
    {
        SshdFixture sshd;
        QString error;
        CASEBOOK_REQUIRE(sshd.start(1, &error), QStringLiteral("a loopback sshd: ") + error);
        const QString c = m_dir.filePath(QStringLiteral("ssh.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("ssh capture")}).exitCode, 0);
        const quint16 port = unusedPort();
        Traffic traffic(port);
        QStringList args{QStringLiteral("collect"), c, sshd.alias(0), QStringLiteral("--tcpdump"), QStringLiteral("lo"),
                         QStringLiteral("--filter"), QStringLiteral("tcp port %1").arg(port), QStringLiteral("--duration"),
                         QStringLiteral("5"), QStringLiteral("--json")};
        args << sshd.casectlArgs();
        const auto r = runCasectl(args, 120000, sshd.environment());
        traffic.stop();
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        const QJsonArray convs = QJsonDocument::fromJson(runCasectl({QStringLiteral("pcap"), c, QStringLiteral("--conversations"),
                                                                     QStringLiteral("--json")}).out)
                                     .object()[QStringLiteral("conversations")].toArray();
        QVERIFY(convs.size() >= 5);
        int refused = 0;
        const QString bad = checkRefused(convs, port, &refused);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        QVERIFY(refused >= 4);
        auto cf = CaseFile::open(c, CaseFile::Access::ReadOnly);
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections WHERE kind = 'pcap'")), QStringLiteral("complete"));
        QVERIFY(!cf->db().queryText(QStringLiteral("SELECT hostkey_sha256 FROM collections WHERE kind = 'pcap'")).isEmpty());
        const QString source = cf->db().queryText(QStringLiteral("SELECT source FROM pcap_captures"));
        QVERIFY2(source.contains(QLatin1String("tcpdump -i lo")), qPrintable(source));
    }
};

QTEST_GUILESS_MAIN(TcpdumpCollectorTest)
#include "TcpdumpCollectorTest.moc"
