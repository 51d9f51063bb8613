// 300 hosts: `casectl collect --procfs --kernel-log` to 300 distinct hosts
// (ssh_config aliases spread over a few real sshd instances on 127.0.0.1)
// finishes with 0 failures at a small and at an unbounded --jobs, every host
// has its snapshot and its kernel log, progress is reported per host, and the
// case is sound. CASEBOOK_FLEET_HOSTS=N runs it with N hosts instead.
#include "CaseChecks.h"
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

class FleetScaleTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SshdFixture m_servers;
    int m_hosts = 300;
    static constexpr int kServers = 10;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        bool ok = false;
        const int n = qEnvironmentVariableIntValue("CASEBOOK_FLEET_HOSTS", &ok);
        if (ok && n > 0)
            m_hosts = n;
        QString error;
        // Each instance sees only its own sessions' processes, as a real host
        // would; without this every snapshot would hold all 300 sessions.
        m_servers.setOwnPidNamespace(true);
        CASEBOOK_REQUIRE(m_servers.start(kServers, &error), QStringLiteral("loopback sshd instances: ") + error);
        QString aliases;
        for (int i = 0; i < m_hosts; ++i)
            aliases += QStringLiteral("Host web-%1\n    HostName 127.0.0.1\n    Port %2\n")
                           .arg(i, 3, 10, QLatin1Char('0')).arg(m_servers.port(i % kServers));
        m_servers.writeSshConfig(aliases);
    }

    void everyHostCollected_data()
    {
        QTest::addColumn<int>("jobs");
        QTest::newRow("jobs-16") << 16;
        QTest::newRow("jobs-all") << 1024; // more than there are hosts: all at once
    }

    void everyHostCollected()
    {
        QFETCH(int, jobs);
        const QString p = m_dir.filePath(QStringLiteral("fleet-%1.casebook").arg(jobs));
        QCOMPARE(runCasectl({QStringLiteral("new"), p, QStringLiteral("--title"), QStringLiteral("300 hosts")}).exitCode, 0);
        QStringList args{QStringLiteral("collect"), p, QStringLiteral("web-*"), QStringLiteral("--procfs"), QStringLiteral("--services"),
                         QString(), QStringLiteral("--kernel-log"), QStringLiteral("--jobs"), QString::number(jobs), QStringLiteral("--json")};
        args << m_servers.casectlArgs();
        rusage before{};
        getrusage(RUSAGE_CHILDREN, &before);
        QElapsedTimer clock;
        clock.start();
        const CasectlResult r = runCasectl(args, 600000, m_servers.environment());
        const qint64 wallMs = clock.elapsed();
        rusage after{};
        getrusage(RUSAGE_CHILDREN, &after);
        auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
        // For the record (figures belong to fleet_bench): wall, casectl CPU, peak RSS.
        qInfo("%d hosts, --jobs %d: %lld ms wall, casectl %lld ms user + %lld ms sys, largest child's peak RSS %ld MB", m_hosts,
              jobs, wallMs, ms(after.ru_utime) - ms(before.ru_utime), ms(after.ru_stime) - ms(before.ru_stime),
              after.ru_maxrss / 1024);

        const QJsonArray hosts = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), m_hosts);
        QStringList notOk;
        for (const QJsonValue &h : hosts)
            if (h.toObject().value(QStringLiteral("status")).toString() != QLatin1String("ok"))
                notOk << QStringLiteral("%1: %2: %3").arg(h[QStringLiteral("host")].toString(), h[QStringLiteral("status")].toString(),
                                                          h[QStringLiteral("error")].toString().left(300));
        QVERIFY2(notOk.isEmpty(), qPrintable(QStringLiteral("%1 not ok, e.g.:\n").arg(notOk.size()) + notOk.mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY2(r.exitCode == 0, r.err.right(3000).constData());

        // Per-host progress on stderr, one JSON event per line: every host
        // was started, connected and finished, and one "done" ends it.
        QHash<QString, QSet<QString>> seen;
        int done = 0;
        for (const QByteArray &line : r.err.split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            const QString event = e.value(QStringLiteral("event")).toString();
            if (event == QLatin1String("done"))
                ++done;
            else if (!event.isEmpty())
                seen[event].insert(e.value(QStringLiteral("host")).toString());
        }
        QCOMPARE(done, 1);
        for (const QString &event : {QStringLiteral("host-started"), QStringLiteral("host-connected"),
                                    QStringLiteral("collector-started"), QStringLiteral("collector-finished"),
                                    QStringLiteral("host-finished")})
            QVERIFY2(seen.value(event).size() == m_hosts, qPrintable(event));

        // All evidence present: every host has a snapshot and a kernel-log artifact.
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        SqliteDatabase &db = cf->db();
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM hosts WHERE name LIKE 'web-%'")), qint64(m_hosts));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(DISTINCT c.host_id) FROM collections c "
                                            "JOIN procfs_snapshots s ON s.collection_id = c.id "
                                            "WHERE c.kind = 'procfs' AND c.status IN ('complete', 'partial')")),
                 qint64(m_hosts));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(DISTINCT c.host_id) FROM collections c "
                                            "JOIN artifacts a ON a.collection_id = c.id "
                                            "WHERE c.kind = 'kernel-log' AND a.kind = 'kernel-log' AND a.size > 0")),
                 qint64(m_hosts));
        // Each host's record names where it was reached.
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM hosts WHERE name LIKE 'web-%' AND address = '127.0.0.1' "
                                            "AND port > 0 AND hostkey_sha256 LIKE 'SHA256:%'")),
                 qint64(m_hosts));
        cf.reset();
        const QString problems = CaseChecks::soundnessProblems(p);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(FleetScaleTest)
#include "FleetScaleTest.moc"
