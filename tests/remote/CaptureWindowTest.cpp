// One capture window on seed-003-style traffic, over the real loopback sshd:
// a process hangs in connect() to a loopback port whose listener never
// answers (its accept queue is full, so the kernel drops every SYN), and
// `casectl collect --strace-pid PID --tcpdump lo --procfs` runs strace,
// tcpdump and the procfs snapshot together over one SSH connection. The hung
// syscall and the silent conversation fall in the same seconds, and the
// collectors' windows overlap (run one after another, tcpdump would start
// only after strace ended and see nothing of it).
#include "PollUntil.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A listening socket on 127.0.0.1 with a backlog of 0 whose one queued
// connection is never accepted: later SYNs to it get no answer at all.
class SilentListener
{
public:
    SilentListener()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), len) != 0 || ::listen(m_listen, 0) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len) != 0)
            return;
        m_port = ntohs(a.sin_port);
        // Fill the accept queue: this connection completes and waits forever.
        m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_filler < 0 || ::connect(m_filler, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
            m_port = 0;
    }
    ~SilentListener()
    {
        if (m_filler >= 0)
            ::close(m_filler);
        if (m_listen >= 0)
            ::close(m_listen);
    }
    quint16 port() const { return m_port; }

private:
    int m_listen = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};

// "0100007F:1F90 0100007F:0050 02" lines of /proc/PID/net/tcp: is there a
// socket in SYN_SENT (02) to 127.0.0.1:port?
bool synSentTo(qint64 pid, quint16 port)
{
    QFile f(QStringLiteral("/proc/%1/net/tcp").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray remote = QByteArray("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields.at(2) == remote && fields.at(3) == "02")
            return true;
    }
    return false;
}

}

class CaptureWindowTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void hungSyscallAndSilentConversationInOneWindow()
    {
        CASEBOOK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty(), QStringLiteral("strace"));
        CASEBOOK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tcpdump")).isEmpty(), QStringLiteral("tcpdump"));
        CASEBOOK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty(), QStringLiteral("bash"));
        SshdFixture sshd;
        QString error;
        CASEBOOK_REQUIRE(sshd.start(1, &error), QStringLiteral("a loopback sshd: ") + error);
        SilentListener silent;
        QVERIFY(silent.port() != 0);

        // The process that hangs: bash connecting to the silent port.
        QProcess client;
        client.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("exec 3<>/dev/tcp/127.0.0.1/%1").arg(silent.port())});
        QVERIFY(client.waitForStarted());
        const qint64 pid = client.processId();
        QVERIFY2(pollUntil([&] { return synSentTo(pid, silent.port()); }, 10000), "the client never reached connect()");

        const QString c = m_dir.filePath(QStringLiteral("window.casebook"));
        QCOMPARE(runCasectl({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("seed 003")}).exitCode, 0);
        QStringList args{QStringLiteral("collect"), c, sshd.alias(0), QStringLiteral("--strace-pid"), QString::number(pid),
                         QStringLiteral("--tcpdump"), QStringLiteral("lo"), QStringLiteral("--filter"),
                         QStringLiteral("tcp port %1").arg(silent.port()), QStringLiteral("--procfs"), QStringLiteral("--services"),
                         QString(), QStringLiteral("--duration"), QStringLiteral("8"), QStringLiteral("--json")};
        args << sshd.casectlArgs();
        const CasectlResult r = runCasectl(args, 240000, sshd.environment());
        client.kill();
        client.waitForFinished(5000);
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());

        // The output says when each collector ran.
        const QJsonObject host = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("hosts")).toArray().at(0).toObject();
        const QJsonArray collectors = host.value(QStringLiteral("collectors")).toArray();
        QCOMPARE(collectors.size(), 3);
        for (const QJsonValue &v : collectors) {
            const QJsonObject o = v.toObject();
            QVERIFY2(!o.value(QStringLiteral("started")).toString().isEmpty() && !o.value(QStringLiteral("finished")).toString().isEmpty(),
                     qPrintable(o.value(QStringLiteral("kind")).toString()));
        }

        auto cf = CaseFile::open(c, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        // The three collections' windows overlap: the latest start is before the earliest end.
        SqliteStatement windows = db.prepare(QStringLiteral(
            "SELECT max(started_us), min(finished_us), count(*) FROM collections WHERE kind IN ('strace', 'pcap', 'procfs')"));
        QVERIFY(windows.step());
        QCOMPARE(windows.int64(2), qint64(3));
        QVERIFY2(windows.int64(0) < windows.int64(1), "the collectors did not run in one window");

        // The hung call: connect() still waiting when the trace ended.
        SqliteStatement hung = db.prepare(QStringLiteral(
            "SELECT time_us, coalesce(duration_us, 0) FROM strace_calls WHERE syscall = 'connect' AND unfinished <> 0"));
        QVERIFY2(hung.step(), "no unfinished connect() in the trace");
        const qint64 callStart = hung.int64(0);
        const qint64 callEnd = callStart + hung.int64(1);
        QVERIFY(callEnd > callStart);

        // The silent conversation: SYNs to the port, never answered.
        SqliteStatement conv = db.prepare(QStringLiteral(
            "SELECT first_us, last_us, handshake, syn_count FROM pcap_conversations WHERE port_a = ?1 OR port_b = ?1"));
        conv.bind(1, qint64(silent.port()));
        QVERIFY2(conv.step(), "tcpdump saw nothing of the silent conversation");
        const qint64 first = conv.int64(0), last = conv.int64(1);
        QCOMPARE(conv.text(2), QStringLiteral("unanswered"));
        QVERIFY(conv.int64(3) >= 1);
        qInfo("hung connect() %lld..%lld us, silent conversation %lld..%lld us", callStart, callEnd, first, last);
        QVERIFY2(callStart <= last && first <= callEnd, "the hung syscall and the silent conversation do not overlap");
    }
};

QTEST_GUILESS_MAIN(CaptureWindowTest)
#include "CaptureWindowTest.moc"
