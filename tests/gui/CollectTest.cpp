// The Collect dialog against the real local machine: procfs collector over
// LocalTransport on a worker thread, per-host progress, results committed into
// the open case and picked up by the panes; bad options refused up front.
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "collect/CollectDialog.h"
#include "collect/CollectRunner.h"
#include "processes/ProcessesPane.h"
#include "procfs/SnapshotStore.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class CollectTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void refusesBadOptions()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(m_dir.filePath(QStringLiteral("bad.casebook")), QStringLiteral("bad")));
        CollectDialog dlg(w.session(), QStringLiteral("local"), QStringLiteral("procfs"));
        QVERIFY2(dlg.collectorKinds().contains(QStringLiteral("procfs")), "every build has the procfs collector");
        QCOMPARE(dlg.hosts(), QStringList{QStringLiteral("local")});
        dlg.setCollectorOptions(QStringLiteral("procfs"), true, QStringLiteral("--procfs --no-such-option"));
        QVERIFY(!dlg.startCollection());
        QVERIFY(dlg.error().contains(QStringLiteral("procfs")));
        QVERIFY(!dlg.isRunning());
    }

    void collectsFromThisMachine()
    {
        MainWindow w;
        w.setQuiet(true);
        const QString path = m_dir.filePath(QStringLiteral("local.casebook"));
        QVERIFY(w.createCase(path, QStringLiteral("local collection")));
        CollectDialog dlg(w.session(), QStringLiteral("local"), QStringLiteral("procfs"));
        QVERIFY2(dlg.collectorKinds().contains(QStringLiteral("procfs")), "every build has the procfs collector");
        dlg.setCollectorOptions(QStringLiteral("procfs"), true, QStringLiteral("--procfs"));
        QSignalSpy done(&dlg, &CollectDialog::finished);
        QVERIFY2(dlg.startCollection(), qPrintable(dlg.error()));
        QVERIFY(done.wait(240000));
        QVERIFY2(dlg.hostStatus(QStringLiteral("local")).startsWith(QStringLiteral("Done")),
                 qPrintable(dlg.hostStatus(QStringLiteral("local"))));
        const auto snaps = SnapshotStore(w.session()->caseFile()->db()).list();
        QVERIFY(!snaps.isEmpty());
        QVERIFY(snaps.first().taskCount > 0);
        // The panes pick the new snapshot up from the commit.
        w.session()->pollForChanges();
        QTRY_VERIFY_WITH_TIMEOUT(w.processesPane()->snapshotBox()->count() >= 1, 10000);
    }
};

QTEST_MAIN(CollectTest)
#include "CollectTest.moc"
