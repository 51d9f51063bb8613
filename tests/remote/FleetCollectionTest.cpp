// The one collection orchestrator (FleetCollection, FleetCollectionJob)
// against real sshd instances and this machine: events per host in order,
// the job limit, the host record written from the resolved endpoint, the
// capture window (collectors of one host together over one SSH session),
// per-host cancellation and batched delivery for a GUI.
#include "Requirement.h"
#include "SshdFixture.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "collection/FleetCollection.h"
#include "collection/FleetCollectionJob.h"
#include "collectors/procfs/KernelLogCollector.h"
#include "collectors/procfs/ProcfsCollector.h"
#include "transport/Transport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QThread>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

namespace {

// A real collector that runs a real command on the host: `echo started;
// exec sleep S` (S from the host's name: 60 for hosts named in `slow`, else
// 1), reporting progress as its output arrives; a stopped command makes its
// collection incomplete.
class SleepCollector : public Collector
{
public:
    explicit SleepCollector(QStringList slow) : m_slow(std::move(slow)) {}
    QString kind() const override { return QStringLiteral("sleep"); }
    CollectorResult collect(Transport &transport, CollectionContext &ctx, const CancelToken &cancel) override
    {
        CollectorResult result;
        CollectionStore collections(ctx.caseFile->db());
        const int seconds = m_slow.contains(ctx.hostSpec) ? 60 : 1;
        const QString command = QStringLiteral("echo started; exec sleep %1").arg(seconds);
        const qint64 cid = beginCollection(collections, transport, ctx, kind(), command);
        result.collectionIds.append(cid);
        OutputSink sink;
        sink.onStdout = [&ctx](QByteArrayView) { ctx.progress(QStringLiteral("sleeping"), 50); };
        const RunResult r = transport.run(RunRequest{command, {}, 120000, 1024}, &sink, cancel);
        collections.finish(cid, r.ok() ? CollectionRecord::Status::Complete : CollectionRecord::Status::Incomplete,
                           r.ok() ? QString() : QStringLiteral("stopped"));
        return result;
    }

private:
    QStringList m_slow;
};

struct Recorded
{
    std::mutex mutex;
    QList<CollectionEvent> events;
    void add(const CollectionEvent &e)
    {
        std::lock_guard lock(mutex);
        events.append(e);
    }
};

using K = CollectionEvent::Kind;

qsizetype firstIndex(const QList<CollectionEvent> &events, const QString &host, K kind, const QString &collector = {})
{
    for (qsizetype i = 0; i < events.size(); ++i)
        if (events.at(i).host == host && events.at(i).kind == kind && (collector.isEmpty() || events.at(i).collector == collector))
            return i;
    return -1;
}

}

class FleetCollectionTest : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;
    QTemporaryDir m_dir;
    int m_cases = 0;

    QString newCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("c%1.casebook").arg(++m_cases));
        CaseFile::create(path, QStringLiteral("orchestrator"));
        return path;
    }

    FleetCollection::Settings settings(const QString &casePath, int jobs) const
    {
        FleetCollection::Settings s;
        s.casePath = casePath;
        s.jobs = jobs;
        s.ssh = m_sshd.sshOptions();
        return s;
    }

    static FleetCollection::CollectorSet procfsAndKernelLog()
    {
        return [](const CollectionTarget &) {
            ProcfsCollector::Options o;
            o.samples = 2;
            o.intervalS = 1;
            o.services.clear();
            std::vector<std::unique_ptr<Collector>> set;
            set.push_back(std::make_unique<ProcfsCollector>(o));
            set.push_back(std::make_unique<KernelLogCollector>());
            return set;
        };
    }

    // The [started, finished] of the host's procfs and kernel-log collections.
    static std::pair<CollectionRecord, CollectionRecord> windowOf(const QString &casePath, const QString &host)
    {
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        const auto h = HostStore(cf->db()).byName(host);
        CollectionRecord procfs, kernelLog;
        if (!h)
            return {};
        for (const CollectionRecord &c : CollectionStore(cf->db()).forHost(h->id))
            (c.kind == QLatin1String("procfs") ? procfs : kernelLog) = c;
        return {procfs, kernelLog};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        qunsetenv("SSH_AUTH_SOCK");
        QString error;
        CASEBOOK_REQUIRE(m_sshd.start(2, &error), QStringLiteral("a loopback sshd: ") + error);
    }

    // Three hosts, two at a time: each host's events in order, the host
    // record from the resolved endpoint, both collectors in one window.
    void eventsRecordAndCaptureWindow()
    {
        const QString casePath = newCase();
        const QStringList hosts{m_sshd.alias(0), m_sshd.alias(1), QStringLiteral("local")};
        FleetCollection collection(settings(casePath, 2), CollectionTarget::fromHosts(hosts));
        Recorded recorded;
        int running = 0, peak = 0;
        const QList<FleetHostResult> results = collection.run(procfsAndKernelLog(), [&](const CollectionEvent &e) {
            recorded.add(e);
            // Serialised by FleetCollection: no lock needed for the counters.
            if (e.kind == K::HostStarted)
                peak = qMax(peak, ++running);
            else if (e.kind == K::HostFinished)
                --running;
        });
        QCOMPARE(results.size(), hosts.size());
        for (const FleetHostResult &r : results)
            QVERIFY2(r.status == FleetHostResult::Status::Ok, qPrintable(r.host + QStringLiteral(": ") + r.error));
        QVERIFY(peak <= 2);
        QCOMPARE(running, 0);

        const QList<CollectionEvent> &events = recorded.events;
        QCOMPARE(events.last().kind, K::Done);
        QCOMPARE(std::count_if(events.begin(), events.end(), [](const CollectionEvent &e) { return e.kind == K::Done; }), 1);
        for (const QString &host : hosts) {
            const qsizetype started = firstIndex(events, host, K::HostStarted);
            const qsizetype connected = firstIndex(events, host, K::HostConnected);
            const qsizetype finished = firstIndex(events, host, K::HostFinished);
            QVERIFY2(started >= 0 && started < connected && connected < finished, qPrintable(host));
            for (const QString &kind : {QStringLiteral("procfs"), QStringLiteral("kernel-log")}) {
                const qsizetype cStarted = firstIndex(events, host, K::CollectorStarted, kind);
                const qsizetype cFinished = firstIndex(events, host, K::CollectorFinished, kind);
                QVERIFY2(connected < cStarted && cStarted < cFinished && cFinished < finished, qPrintable(host + kind));
            }
            // Both collectors start before either finishes: one window.
            QVERIFY2(firstIndex(events, host, K::CollectorStarted, QStringLiteral("kernel-log"))
                         < firstIndex(events, host, K::CollectorFinished, QStringLiteral("procfs")),
                     qPrintable(host));
            const auto [procfs, kernelLog] = windowOf(casePath, host);
            QVERIFY2(procfs.id && kernelLog.id, qPrintable(host));
            QVERIFY2(kernelLog.startedUs < procfs.finishedUs && procfs.startedUs < kernelLog.finishedUs, qPrintable(host));
        }
        // The connected event names the key; the result reports when each collector ran.
        QCOMPARE(events.at(firstIndex(events, m_sshd.alias(0), K::HostConnected)).message,
                 QStringLiteral("ssh-ed25519 ") + m_sshd.hostKeyFingerprint());
        const QJsonArray collectors = results.at(0).details.value(QStringLiteral("collectors")).toArray();
        QCOMPARE(collectors.size(), 2);
        for (const QJsonValue &c : collectors) {
            QVERIFY(!c[QStringLiteral("started")].toString().isEmpty());
            QVERIFY(c[QStringLiteral("started")].toString() <= c[QStringLiteral("finished")].toString());
        }

        // One host record per host, from where the transport connected.
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        const HostRecord h = *HostStore(cf->db()).byName(m_sshd.alias(1));
        QCOMPARE(h.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(h.port, m_sshd.port(1));
        QCOMPARE(h.user, m_sshd.userName());
        QCOMPARE(h.hostkeyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(h.hostkeySha256, m_sshd.hostKeyFingerprint());
        QCOMPARE(HostStore(cf->db()).all().size(), hosts.size());
    }

    // --one-by-one: the second collector starts after the first finished.
    void oneByOne()
    {
        const QString casePath = newCase();
        FleetCollection::Settings s = settings(casePath, 1);
        s.captureWindow = false;
        FleetCollection collection(s, CollectionTarget::fromHosts({m_sshd.alias(0)}));
        const QList<FleetHostResult> results = collection.run(procfsAndKernelLog(), {});
        QCOMPARE(results.value(0).status, FleetHostResult::Status::Ok);
        const auto [procfs, kernelLog] = windowOf(casePath, m_sshd.alias(0));
        QVERIFY(procfs.id && kernelLog.id);
        QVERIFY(kernelLog.startedUs >= procfs.finishedUs);
    }

    // Cancelling one host stops its command and leaves the other to finish.
    void cancelOneHost()
    {
        const QString casePath = newCase();
        const QStringList hosts{m_sshd.alias(0), m_sshd.alias(1)};
        FleetCollection collection(settings(casePath, 2), CollectionTarget::fromHosts(hosts));
        const FleetCollection::CollectorSet set = [&](const CollectionTarget &) {
            std::vector<std::unique_ptr<Collector>> v;
            v.push_back(std::make_unique<SleepCollector>(QStringList{m_sshd.alias(0)}));
            return v;
        };
        const QList<FleetHostResult> results = collection.run(set, [&](const CollectionEvent &e) {
            if (e.kind == K::CollectorProgress && e.hostIndex == 0)
                collection.cancelHost(0); // its command is running
        });
        QCOMPARE(results.at(0).status, FleetHostResult::Status::Cancelled);
        QCOMPARE(results.at(1).status, FleetHostResult::Status::Ok);
        QVERIFY(results.at(0).durationMs < 50000);
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
        const auto h = HostStore(cf->db()).byName(m_sshd.alias(0));
        QVERIFY(h.has_value());
        const QList<CollectionRecord> cs = CollectionStore(cf->db()).forHost(h->id);
        QCOMPARE(cs.size(), 1);
        QCOMPARE(cs.at(0).status, CollectionRecord::Status::Incomplete);
    }

    // For a GUI: events come in batches on the receiver's thread, in order,
    // ending with Done, then finished().
    void jobDeliversBatches()
    {
        const QString casePath = newCase();
        FleetCollectionJob job;
        QSignalSpy batches(&job, &FleetCollectionJob::eventsArrived);
        QSignalSpy finished(&job, &FleetCollectionJob::finished);
        QList<CollectionEvent> all;
        bool onReceiverThread = true;
        bool coalesced = true, nonEmpty = true;
        connect(&job, &FleetCollectionJob::eventsArrived, this, [&](const QList<CollectionEvent> &batch) {
            onReceiverThread = onReceiverThread && QThread::currentThread() == thread();
            nonEmpty = nonEmpty && !batch.isEmpty();
            // At most one progress event per host and collector in a batch.
            QSet<QString> progress;
            for (const CollectionEvent &e : batch) {
                if (e.kind != K::CollectorProgress)
                    continue;
                const QString key = QString::number(e.hostIndex) + e.collector;
                coalesced = coalesced && !progress.contains(key);
                progress.insert(key);
            }
            all += batch;
        });
        QStringList hosts;
        for (int i = 0; i < 6; ++i)
            hosts << m_sshd.alias(i % 2);
        QVERIFY(job.start(settings(casePath, 6), CollectionTarget::fromHosts(hosts), procfsAndKernelLog()));
        QVERIFY(!job.start(settings(casePath, 6), CollectionTarget::fromHosts(hosts), procfsAndKernelLog()));
        QVERIFY(finished.wait(240000));
        QVERIFY(onReceiverThread);
        QVERIFY(!job.isRunning());
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.last().kind, K::Done);
        QVERIFY(nonEmpty);
        QVERIFY(coalesced);
        QVERIFY(batches.size() >= 1);
        const auto results = finished.at(0).at(0).value<QList<FleetHostResult>>();
        QCOMPARE(results.size(), hosts.size());
        // Duplicated names are one host each time, each its own result.
        for (const FleetHostResult &r : results)
            QVERIFY2(r.status == FleetHostResult::Status::Ok, qPrintable(r.error));
        QCOMPARE(std::count_if(all.begin(), all.end(), [](const CollectionEvent &e) { return e.kind == K::HostFinished; }),
                 qsizetype(hosts.size()));
    }
};

QTEST_GUILESS_MAIN(FleetCollectionTest)
#include "FleetCollectionTest.moc"
