// Casebook on the machine it investigates: a collection of the local machine
// records the collecting process (collector_pid), and the D-state triage
// leaves that process's threads out of its groups and blocker candidates,
// marking them as Casebook itself. A remote collection records no pid.
#include "analysis/DStateTriage.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "collectors/Collector.h"
#include "procfs/ProcfsSample.h"
#include "procfs/SnapshotStore.h"
#include "procfs/StackFrames.h"
#include "transport/LocalTransport.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

namespace {
ProcTask dTask(qint64 pid, qint64 tid, const char *comm, const QStringList &stack)
{
    ProcTask t;
    t.pid = pid;
    t.tid = tid;
    t.ppid = 1;
    t.comm = QLatin1String(comm);
    t.state = QStringLiteral("D");
    t.statusState = QStringLiteral("D");
    t.wchan = QStringLiteral("request_wait_answer");
    t.stackStatus = QStringLiteral("ok");
    t.stackRaw = stack;
    t.stackSignature = StackFrames::signature(StackFrames::normalizeAll(stack));
    return t;
}
}

// A collector that only starts its collection (beginCollection is for collectors).
class StartOnlyCollector : public Collector
{
public:
    QString kind() const override { return QStringLiteral("procfs"); }
    CollectorResult collect(Transport &, CollectionContext &, const CancelToken &) override { return {}; }
    using Collector::beginCollection;
};

class TriageSelfTest : public QObject
{
    Q_OBJECT
private slots:
    void localCollectionRecordsCasebooksPid()
    {
        QTemporaryDir dir;
        auto cf = CaseFile::create(dir.filePath(QStringLiteral("c.casebook")), QStringLiteral("self"));
        CollectionStore collections(cf->db());
        LocalTransport local;
        CollectionContext ctx;
        ctx.caseFile = cf.get();
        ctx.hostId = HostStore(cf->db()).ensure(QStringLiteral("local"));
        const qint64 id = StartOnlyCollector().beginCollection(collections, local, ctx, QStringLiteral("procfs"), QStringLiteral("procfs snapshot"));
        QCOMPARE(collections.byId(id)->parameters.value(QStringLiteral("collector_pid")).toInteger(),
                 QCoreApplication::applicationPid());
    }

    void casebooksOwnThreadsAreNotBlockers()
    {
        QTemporaryDir dir;
        auto cf = CaseFile::create(dir.filePath(QStringLiteral("c.casebook")), QStringLiteral("self"));
        auto &db = cf->db();
        const qint64 host = HostStore(db).ensure(QStringLiteral("local"));
        CollectionStore collections(db);
        const qint64 self = 4242;
        const qint64 c = collections.begin(host, QStringLiteral("procfs"), QStringLiteral("procfs snapshot"),
                                           {{QStringLiteral("collector_pid"), self}});
        const QStringList fuse = {QStringLiteral("[<0>] request_wait_answer+0x12/0x30 [fuse]"),
                                  QStringLiteral("[<0>] fuse_simple_request+0x10/0x20 [fuse]"),
                                  QStringLiteral("[<0>] vfs_statx+0x5/0x10")};
        const QStringList gatherer = {QStringLiteral("[<0>] request_wait_answer+0x12/0x30 [fuse]"),
                                      QStringLiteral("[<0>] fuse_dentry_revalidate+0x1/0x2 [fuse]"),
                                      QStringLiteral("[<0>] lookup_fast+0x5/0x10")};
        ProcfsSample s;
        s.takenUs = 1'700'000'000'000'000;
        s.hostname = QStringLiteral("local");
        for (int i = 0; i < 6; ++i)
            s.tasks << dTask(100 + i, 100 + i, "stat", fuse);
        s.tasks << dTask(self, self + 7, "QFileInfoGather", gatherer); // Casebook's own file dialog thread
        SnapshotStore(db).save(s, c, host, 0);
        collections.finish(c, CollectionRecord::Status::Complete);
        QVERIFY(DStateTriage(db).run(c) > 0);

        int itself = 0, groups = 0;
        for (const Finding &f : FindingStore(db).list()) {
            if (f.kind == QLatin1String("casebook-itself")) {
                ++itself;
                QCOMPARE(f.severity, QStringLiteral("info"));
                QVERIFY(f.title.contains(QStringLiteral("Casebook itself")));
                QVERIFY(f.title.contains(QString::number(self)));
            }
            if (f.kind == QLatin1String("d-state-group") || f.kind == QLatin1String("blocker-candidate")) {
                ++groups;
                QVERIFY2(!f.title.contains(QStringLiteral("QFileInfoGather")), qPrintable(f.title));
                QVERIFY2(f.kind != QLatin1String("blocker-candidate"), qPrintable(f.title)); // the odd one out was Casebook
            }
        }
        QCOMPARE(itself, 1);
        QVERIFY(groups >= 1);
    }
};

QTEST_MAIN(TriageSelfTest)
#include "TriageSelfTest.moc"
