// RPC service response time against tshark's `-z rpc,srt,100003,3` on a real
// capture: tcpdump on the loopback of a network namespace this test creates,
// NFSv3 WRITE calls and READ replies of 1 MiB over ONC RPC/TCP
// (pcap_net_helper rpc-serve/rpc-client), each record in two record-marking
// fragments with a pause between them, so it spans many segments. tshark
// times a call and its reply at the frames where their records are
// reassembled (the last segment of each); `casectl pcap --rpc` must give the
// same per-procedure calls, minimum, maximum and average.
#include "Requirement.h"
#include "TestEnv.h"

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

struct Srt
{
    qint64 calls = 0;
    qint64 minUs = 0, maxUs = 0, avgUs = 0;
};

constexpr int kRounds = 4;
constexpr int kBytes = 1 << 20;
constexpr qint64 kPauseUs = 40000; // pcap_net_helper's pause inside a large record
}

class RpcSrtTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pcap;
    QString m_case;

    // Per procedure name (READ, WRITE, NULL) from `casectl pcap --rpc --json`.
    QMap<QString, Srt> ours()
    {
        const auto r = runCasectl({QStringLiteral("pcap"), m_case, QStringLiteral("--rpc"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("casectl pcap --rpc: %s", r.err.constData());
        QMap<QString, Srt> out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object()[QStringLiteral("procedures")].toArray()) {
            const QJsonObject p = v.toObject();
            if (p[QStringLiteral("program")].toInteger() != 100003 || p[QStringLiteral("version")].toInteger() != 3)
                continue;
            Srt s;
            s.calls = p[QStringLiteral("replies")].toInteger();
            s.minUs = p[QStringLiteral("latency_min_us")].toInteger();
            s.maxUs = p[QStringLiteral("latency_max_us")].toInteger();
            s.avgUs = p[QStringLiteral("latency_avg_us")].toInteger();
            out.insert(p[QStringLiteral("procedure_name")].toString().toUpper(), s);
        }
        return out;
    }

    // tshark -q -z rpc,srt,100003,3: "Index Procedure Calls MinSRT MaxSRT AvgSRT SumSRT" in seconds.
    static QMap<QString, Srt> tshark(const QString &file)
    {
        const Run r = run(TestEnv::tool("tshark"), {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("rpc,srt,100003,3"),
                                                    QStringLiteral("-r"), file});
        if (r.exitCode != 0)
            qWarning("tshark: %s", r.err.constData());
        const QRegularExpression row(QStringLiteral("^\\s*\\d+\\s+(\\S+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)"));
        QMap<QString, Srt> out;
        for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
            const auto m = row.match(line);
            if (!m.hasMatch())
                continue;
            Srt s;
            s.calls = m.captured(2).toLongLong();
            s.minUs = qRound64(m.captured(3).toDouble() * 1e6);
            s.maxUs = qRound64(m.captured(4).toDouble() * 1e6);
            s.avgUs = qRound64(m.captured(5).toDouble() * 1e6);
            if (s.calls > 0)
                out.insert(m.captured(1).toUpper(), s);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CASEBOOK_REQUIRE_ROOT("for a network namespace and tcpdump");
        for (const char *tool : {"unshare", "ip", "tcpdump", "tshark"})
            CASEBOOK_REQUIRE(!TestEnv::tool(tool).isEmpty(), QStringLiteral("the %1 program").arg(QLatin1String(tool)));
        const bool netns = run(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("true")}).exitCode == 0;
        if (!netns && !QFile::exists(QStringLiteral("/proc/self/ns/net")))
            CASEBOOK_SKIP_LIMITATION(QStringLiteral("the kernel has no network namespaces (CONFIG_NET_NS)"));
        CASEBOOK_REQUIRE(netns, QStringLiteral("a network namespace (unshare -n failed)"));
        const QString helper = TestEnv::binDir() + QStringLiteral("/pcap_net_helper");
        QVERIFY2(QFile::exists(helper), qPrintable(helper));
        const QString script = TestEnv::sourceDir() + QStringLiteral("/tests/pcap/rpc_srt_scenario.sh");
        const Run s = run(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("bash"), script, m_dir.path(), helper,
                                                      QString::number(kRounds), QString::number(kBytes)},
                          90000);
        QVERIFY2(s.exitCode == 0, s.err.constData());
        m_pcap = m_dir.filePath(QStringLiteral("rpc.pcap"));
        QVERIFY(QFile::exists(m_pcap));
        QFile err(m_dir.filePath(QStringLiteral("tcpdump.err")));
        QVERIFY(err.open(QIODevice::ReadOnly));
        const QByteArray tcpdumpSaid = err.readAll();
        QVERIFY2(tcpdumpSaid.contains("\n0 packets dropped by kernel"), tcpdumpSaid.constData()); // a complete capture
        m_case = m_dir.filePath(QStringLiteral("rpc.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), m_case, QStringLiteral("--title"), QStringLiteral("rpc srt")}).exitCode, 0);
        const auto imp = runCasectl({QStringLiteral("import"), m_case, m_pcap, QStringLiteral("--json")});
        QVERIFY2(imp.exitCode == 0, imp.err.constData());
    }

    void recordsSpanManySegments()
    {
        // tshark's view: each WRITE call and READ reply was reassembled from
        // two record-marking fragments, the last of them from several segments.
        const Run r = run(TestEnv::tool("tshark"), {QStringLiteral("-r"), m_pcap, QStringLiteral("-Y"), QStringLiteral("rpc.fragment.count == 2"),
                                                    QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                                    QStringLiteral("tcp.segment.count")});
        int large = 0;
        for (const QByteArray &line : r.out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QVERIFY2(line.trimmed().toInt() >= 4, line.constData());
            ++large;
        }
        QCOMPARE(large, 2 * kRounds); // WRITE calls and READ replies
    }

    void serviceResponseTimeMatchesTshark()
    {
        const QMap<QString, Srt> theirs = tshark(m_pcap);
        const QMap<QString, Srt> mine = ours();
        QCOMPARE(theirs.keys(), QStringList({QStringLiteral("NULL"), QStringLiteral("READ"), QStringLiteral("WRITE")}));
        QCOMPARE(mine.keys(), theirs.keys());
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
            const Srt &t = *it;
            const Srt &o = mine[it.key()];
            const QByteArray what = it.key().toUtf8();
            QVERIFY2(o.calls == t.calls, what);
            QVERIFY2(o.minUs == t.minUs, what + " min " + QByteArray::number(o.minUs) + " vs " + QByteArray::number(t.minUs));
            QVERIFY2(o.maxUs == t.maxUs, what + " max " + QByteArray::number(o.maxUs) + " vs " + QByteArray::number(t.maxUs));
            // Our averages are whole microseconds (truncated), tshark's rounded.
            QVERIFY2(qAbs(o.avgUs - t.avgUs) <= 1, what + " avg " + QByteArray::number(o.avgUs) + " vs " + QByteArray::number(t.avgUs));
        }
        QCOMPARE(mine[QStringLiteral("WRITE")].calls, qint64(kRounds));
        QCOMPARE(mine[QStringLiteral("READ")].calls, qint64(kRounds));
        // The READ reply's second part came after the pause: its SRT includes it;
        // the WRITE call's pause came before the call was complete: its SRT does not.
        QVERIFY(mine[QStringLiteral("READ")].minUs >= kPauseUs);
        QVERIFY(mine[QStringLiteral("WRITE")].maxUs < mine[QStringLiteral("READ")].minUs);
    }

    void perCallTimesAreTheReassembledRecords()
    {
        const auto r = runCasectl({QStringLiteral("pcap"), m_case, QStringLiteral("--rpc"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray calls = QJsonDocument::fromJson(r.out).object()[QStringLiteral("calls")].toArray();
        int timed = 0;
        for (const QJsonValue &v : calls) {
            const QJsonObject c = v.toObject();
            if (c[QStringLiteral("program")].toInteger() != 100003)
                continue;
            QCOMPARE(c[QStringLiteral("latency_us")].toInteger(),
                     c[QStringLiteral("reply_us")].toInteger() - c[QStringLiteral("call_us")].toInteger());
            ++timed;
        }
        QCOMPARE(timed, 2 * kRounds + 1);
    }
};

QTEST_GUILESS_MAIN(RpcSrtTest)
#include "RpcSrtTest.moc"
