#include "TestEnv.h"
#include "WorkbenchWait.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "blockers/BlockerGraphStore.h"
#include "blockers/BlockersGraphView.h"
#include "blockers/BlockersLayout.h"
#include "blockers/BlockersPane.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "kernellog/KernelLogIngest.h"
#include "processes/ProcessesPane.h"
#include "procfs/ProcfsIngest.h"

#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

// The Blockers pane on seed 000's case (Envoys flushing fsnotify work, the
// kworker in synchronize_srcu): the stale case is analysed by the writer,
// the graph drawn with victims grouped, the top root cause framed; clicking
// a box shows its evidence links, double-clicking opens the evidence.
class BlockersPaneTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        qputenv("CASEBOOK_BLOCKER_RULES_DIR", m_dir.filePath(QStringLiteral("no-user-rules")).toUtf8());
        m_case = m_dir.filePath(QStringLiteral("seed000.casebook"));
        auto cf = CaseFile::create(m_case, QStringLiteral("seed 000"));
        const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("cell-z1-17"));
        QFile snap(TestEnv::dataDir() + QStringLiteral("/procfs/seed000.snapshot"));
        QVERIFY(snap.open(QIODevice::ReadOnly));
        const qint64 c = CollectionStore(cf->db()).begin(host, QStringLiteral("procfs"), QStringLiteral("fixture"));
        ProcfsIngest(cf->db()).ingest(snap.readAll(), {}, c, host, 0);
        CollectionStore(cf->db()).finish(c, CollectionRecord::Status::Complete);
    }

    void analysesDrawsAndOpensEvidence()
    {
        MainWindow w;
        w.setQuiet(true);
        auto *pane = w.findChild<BlockersPane *>();
        QVERIFY(pane);
        QSignalSpy loaded(pane, &BlockersPane::loaded);
        QVERIFY(w.openCase(m_case));
        w.workspaceTabs()->setCurrentWidget(pane);
        // First load finds no stored run: the writer analyses, then the pane reloads it.
        QTRY_VERIFY_WITH_TIMEOUT(pane->currentRun() && pane->currentRun()->id > 0, 30000);
        QVERIFY(WorkbenchWait::settled(w.session()));
        {
            auto cf = CaseFile::open(m_case, CaseFile::Access::ReadOnly);
            QCOMPARE(BlockerGraphStore(cf->db()).hostsWithRuns().size(), 1);
        }
        const BlockersLayout &layout = pane->graphView()->layoutData();
        QVERIFY(!layout.boxes.isEmpty());
        int top = -1, envoys = -1;
        for (int i = 0; i < layout.boxes.size(); ++i) {
            if (layout.boxes[i].rank == 1)
                top = i;
            if (layout.boxes[i].kind == QLatin1String("task-group") && layout.boxes[i].title.contains(QStringLiteral("envoy")))
                envoys = i;
        }
        QVERIFY(top >= 0);
        QCOMPARE(layout.boxes[top].title, QStringLiteral("SRCU grace period"));
        QVERIFY2(envoys >= 0, "the Envoy victims are not grouped");
        QVERIFY(layout.boxes[envoys].nodes.size() >= 60);
        QCOMPARE(layout.boxes[envoys].column, 0);
        QVERIFY(layout.boxes[top].column > layout.boxes[envoys].column);
        // An arrow from the victims carries their count.
        bool counted = false;
        for (const auto &a : layout.arrows)
            counted |= a.from == envoys && a.count >= 60;
        QVERIFY(counted);
        QVERIFY(pane->details()->toPlainText().contains(QStringLiteral("#1 root-cause candidate: SRCU grace period")));

        // Click: the box's nodes and their evidence links.
        pane->graphView()->selectBox(envoys);
        QTRY_VERIFY(pane->details()->toHtml().contains(QStringLiteral("casebook:task/")));
        // Double-click: the first evidence opens (a task: the Processes pane).
        QSignalSpy requested(pane, &BlockersPane::evidenceRequested);
        const QPoint at = pane->graphView()->mapFromScene(layout.boxes[envoys].rect.center());
        QTest::mouseDClick(pane->graphView()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(requested.size(), 1);
        const EvidenceLink opened = requested.first().first().value<EvidenceLink>();
        QCOMPARE(opened.kind, QStringLiteral("task"));
        QCOMPARE(opened.target, QStringLiteral("%1/%2").arg(pane->currentRun()->snapshotId).arg(pane->currentRun()->graph.node(layout.boxes[envoys].nodes.first()).data.value(QStringLiteral("tid")).toInteger()));
        QTRY_COMPARE(w.workspaceTabs()->currentWidget(), static_cast<QWidget *>(w.processesPane()));
        w.closeCase();
    }

    // An empty graph lays out to nothing.
    void layoutOfEmptyGraph()
    {
        const BlockersLayout l = BlockersLayout::compute(WaitsForGraph(), {});
        QVERIFY(l.boxes.isEmpty());
        QVERIFY(l.arrows.isEmpty());
    }
};

QTEST_MAIN(BlockersPaneTest)
#include "BlockersPaneTest.moc"
