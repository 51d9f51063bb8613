#include "Requirement.h"
#include "SshdFixture.h"
#include "fleet/FleetJob.h"
#include "fleet/HostList.h"
#include "trust/PromptRelay.h"

#include <QThread>
#include "util/CaseError.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

// FleetRunner/FleetJob: bounded concurrency, isolation, statuses, signals.
class FleetRunnerTest : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;
    QTemporaryDir m_dir;

    SshOptions options() const { return m_sshd.sshOptions(); }

private slots:
    void initTestCase()
    {
        qunsetenv("SSH_AUTH_SOCK");
        QString error;
        CASEBOOK_REQUIRE(m_sshd.start(4, &error), QStringLiteral("a loopback sshd: ") + error);
    }

    void statusesAndIsolation()
    {
        m_sshd.kill(3);
        const QStringList hosts{m_sshd.alias(0), m_sshd.alias(1), m_sshd.alias(2), m_sshd.alias(3), QStringLiteral("local"),
                                QStringLiteral("bad host!")};
        // sshd-2's key is not in this known_hosts: refused.
        SshOptions o = options();
        o.knownHostsFile = m_dir.filePath(QStringLiteral("partial_known_hosts"));
        QFile kh(o.knownHostsFile);
        QVERIFY(kh.open(QIODevice::WriteOnly));
        for (int i : {0, 1, 3})
            kh.write(m_sshd.knownHostsName(i).toUtf8() + ' ' + m_sshd.hostKeyLine().toUtf8() + '\n');
        kh.close();
        std::atomic_int running{0}, peak{0};
        const FleetRunner::Job job = [&](Transport &t, FleetHostResult &result, const FleetRunner::Progress &progress,
                                         const CancelToken &cancel) {
            const int now = ++running;
            int seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {
            }
            progress(QStringLiteral("working"), 50);
            RunRequest req;
            req.command = t.hostSpec() == m_sshd.alias(1) ? QStringLiteral("sleep 30") : QStringLiteral("sleep 0.3; echo ok");
            req.timeoutMs = 2000;
            const RunResult r = t.run(req, nullptr, cancel);
            --running;
            if (r.timedOut)
                result.status = FleetHostResult::Status::TimedOut;
            if (t.hostSpec() == QLatin1String("local"))
                throw std::runtime_error("a job that throws");
        };
        FleetRunner runner(o, 3);
        std::atomic_int finished{0};
        FleetRunner::Callbacks cb;
        cb.hostFinished = [&](const FleetHostResult &) { ++finished; };
        const QList<FleetHostResult> results = runner.run(hosts, job, cb, {});
        QCOMPARE(results.size(), hosts.size());
        QCOMPARE(finished.load(), int(hosts.size()));
        QVERIFY(peak.load() <= 3);
        using S = FleetHostResult::Status;
        QCOMPARE(results.at(0).status, S::Ok);
        QCOMPARE(results.at(0).hostKey.sha256, m_sshd.hostKeyFingerprint());
        QCOMPARE(results.at(1).status, S::TimedOut);
        QCOMPARE(results.at(2).status, S::Refused);
        QVERIFY(results.at(2).error.contains(m_sshd.hostKeyFingerprint()));
        QCOMPARE(results.at(3).status, S::Failed);
        QCOMPARE(results.at(4).status, S::Failed);
        QVERIFY(results.at(4).error.contains(QLatin1String("a job that throws")));
        QCOMPARE(results.at(5).status, S::Failed);
    }

    void asyncJobSignals()
    {
        FleetJob job;
        QSignalSpy started(&job, &FleetJob::hostStarted);
        QSignalSpy progressed(&job, &FleetJob::hostProgress);
        QSignalSpy finishedHost(&job, &FleetJob::hostFinished);
        QSignalSpy finished(&job, &FleetJob::finished);
        QVERIFY(job.start({m_sshd.alias(0), m_sshd.alias(2)}, options(), 2,
                          [](Transport &t, FleetHostResult &r, const FleetRunner::Progress &progress, const CancelToken &cancel) {
                              progress(QStringLiteral("uname"), 10);
                              const RunResult rr = t.run(RunRequest{QStringLiteral("uname -s"), {}, 10000, 1024}, nullptr, cancel);
                              r.details.insert(QStringLiteral("out"), QString::fromUtf8(rr.stdoutData).trimmed());
                          }));
        QVERIFY(finished.wait(60000));
        QCOMPARE(started.size(), 2);
        QCOMPARE(progressed.size(), 2);
        QCOMPARE(finishedHost.size(), 2);
        const auto results = finished.at(0).at(0).value<QList<FleetHostResult>>();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(1).details.value(QStringLiteral("out")).toString(), QStringLiteral("Linux"));
        QVERIFY(!job.isRunning());
    }

    void promptsRelayedToTheGuiThread()
    {
        // Unknown host keys asked on this (the "GUI") thread while a FleetJob runs.
        SshOptions o = options();
        o.knownHostsFile = m_dir.filePath(QStringLiteral("relay_known_hosts"));
        QObject gui;
        int asked = 0;
        bool onGuiThread = true;
        o.hostKeyPrompt = PromptRelay::hostKeyPrompt(&gui, [&](const HostKeyQuestion &q) {
            ++asked;
            onGuiThread = onGuiThread && QThread::currentThread() == gui.thread();
            return q.host == m_sshd.knownHostsName(0); // trust sshd-0 only
        });
        FleetJob job;
        QSignalSpy finished(&job, &FleetJob::finished);
        job.start({m_sshd.alias(0), m_sshd.alias(2)}, o, 2,
                  [](Transport &, FleetHostResult &, const FleetRunner::Progress &, const CancelToken &) {});
        QVERIFY(finished.wait(60000));
        QCOMPARE(asked, 2);
        QVERIFY(onGuiThread);
        const auto results = finished.at(0).at(0).value<QList<FleetHostResult>>();
        QCOMPARE(results.at(0).status, FleetHostResult::Status::Ok);
        QCOMPARE(results.at(1).status, FleetHostResult::Status::Refused);
        QFile kh(o.knownHostsFile);
        QVERIFY(kh.open(QIODevice::ReadOnly));
        QCOMPARE(kh.readAll().count('\n'), 1);
    }

    void cancelStopsTheFleet()
    {
        FleetJob job;
        QSignalSpy finished(&job, &FleetJob::finished);
        QSignalSpy running(&job, &FleetJob::hostProgress);
        QStringList hosts;
        for (int i = 0; i < 6; ++i)
            hosts << m_sshd.alias(i % 3);
        job.start(hosts, options(), 2, [](Transport &t, FleetHostResult &r, const FleetRunner::Progress &progress, const CancelToken &cancel) {
            // Reports progress once the remote command runs (it wrote its first line).
            OutputSink sink;
            sink.onStdout = [&progress](QByteArrayView) { progress(QStringLiteral("running"), 50); };
            const RunResult rr = t.run(RunRequest{QStringLiteral("echo running; exec sleep 60"), {}, 120000, 1024}, &sink, cancel);
            if (rr.cancelled)
                r.status = FleetHostResult::Status::Cancelled;
        });
        // Cancelled while the first two (jobs = 2) are in their command, the other four still queued.
        QTRY_COMPARE_WITH_TIMEOUT(running.size(), 2, 60000);
        job.cancel();
        QVERIFY(finished.wait(30000));
        const auto results = finished.at(0).at(0).value<QList<FleetHostResult>>();
        QCOMPARE(results.size(), hosts.size());
        for (const auto &r : results)
            QCOMPARE(r.status, FleetHostResult::Status::Cancelled);
    }

    void hostLists()
    {
        QFile f(m_dir.filePath(QStringLiteral("hosts")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# fleet\nsshd-2   sshd-0\n\nroot@10.0.0.7:2222 # comment\n");
        f.close();
        const QStringList hosts = HostList::resolve({QStringLiteral("local"), QStringLiteral("sshd-?")},
                                                    f.fileName(), m_sshd.sshConfigPath());
        QCOMPARE(hosts, (QStringList{QStringLiteral("local"), m_sshd.alias(0), m_sshd.alias(1), m_sshd.alias(2), m_sshd.alias(3),
                                     QStringLiteral("root@10.0.0.7:2222")}));
        QVERIFY_THROWS_EXCEPTION(CaseError, HostList::resolve({QStringLiteral("nomatch-*")}, {}, m_sshd.sshConfigPath()));
    }
};

QTEST_MAIN(FleetRunnerTest)
#include "FleetRunnerTest.moc"
