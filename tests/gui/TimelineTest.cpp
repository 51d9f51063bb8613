// The timeline pane driven offscreen: lanes, zoom, select -> evidence,
// markers, filters. The engine's windowed queries are tested in
// tests/engine/TimelineQueryTest.cpp.
#include "SampleCase.h"
#include "WorkbenchWait.h"
#include "TestEnv.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "evidence/EvidenceViewer.h"
#include "timeline/TimelineController.h"
#include "timeline/TimelinePane.h"
#include "timeline/TimelineQuery.h"
#include "timeline/TimelineView.h"
#include "util/FilterLineEdit.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QSettings>
#include <QTest>

class TimelineTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;

    static void waitIdle(TimelineController *c)
    {
        QTRY_VERIFY_WITH_TIMEOUT(c->hasOverview() && !c->isBusy(), 10000);
        QCoreApplication::processEvents(); // deliver a queued follow-up query, then wait for it too
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy(), 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        // These panes' counts are the sample case's own: the Blockers pane's
        // analysis on open (its findings, their timeline items) is tested in
        // test_blockers_pane and test_gui_links.
        QSettings().setValue(QStringLiteral("blockers/analyseOnOpen"), false);
        m_path = m_dir.filePath(QStringLiteral("sample.casebook"));
        m_case = SampleCase::build(m_path);
    }

    void paneSelectsItemAndOpensEvidence()
    {
        MainWindow w;
        w.setQuiet(true);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        TimelinePane *pane = w.timelinePane();
        TimelineController *c = pane->controller();
        waitIdle(c);
        // Two steps from the stored counts: per hour, then per minute.
        QVERIFY(!c->isRefining());
        QCOMPARE(c->overviewResolutionUs(), TimelineQuery::kMinuteUs);
        QVERIFY(c->lanes().size() >= 6);
        TimelineView *view = pane->view();
        QCOMPARE(view->fromUs(), c->extentFrom());
        QTRY_VERIFY(view->paintCount() > 0);
        QVERIFY(c->isDetailed()); // few items: drawn one by one
        QCOMPARE(c->items().size(), 16); // see queryOverviewAndWindows

        // Zoom to the first minute: keyboard and wheel keep working.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Plus);
        waitIdle(c);
        QVERIFY(view->toUs() - view->fromUs() < c->extentTo() - c->extentFrom());
        QTest::keyClick(view, Qt::Key_Home);
        waitIdle(c);
        QCOMPARE(view->fromUs(), c->extentFrom());

        // Click the hung-task event, open its evidence with Enter.
        TimelineItem hung;
        for (const TimelineItem &it : c->items())
            if (it.kind == QLatin1String("hung-task"))
                hung = it;
        QVERIFY(hung.id > 0);
        const QPoint pos = view->positionOf(hung);
        QVERIFY(!pos.isNull());
        QSignalSpy selected(view, &TimelineView::itemSelected);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(view->selectedItem()->id, hung.id);
        QSignalSpy opened(&w, &MainWindow::linkOpened);
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(opened.wait(20000)); // the link is resolved off the GUI thread
        QVERIFY(opened.first().at(1).toBool());
        auto *v = qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget());
        QVERIFY(v);
        QCOMPARE(v->artifactId(), m_case.kernelLogArtifact);
    }

    void placeMarkerAndFilter()
    {
        const QString p = m_dir.filePath(QStringLiteral("pane-marker.casebook"));
        QFile::copy(m_path, p);
        MainWindow w;
        w.setQuiet(true);
        w.show();
        QVERIFY(w.openCase(p));
        QVERIFY(WorkbenchWait::idle(w));
        TimelinePane *pane = w.timelinePane();
        TimelineController *c = pane->controller();
        waitIdle(c);
        const int before = int(c->items().size());
        const qint64 at = m_case.baseUs + 200 * 1000000LL;
        QSignalSpy refreshed(c, &TimelineController::overviewReady);
        QSignalSpy placed(pane, &TimelinePane::markerPlaced);
        pane->placeMarker(at, QStringLiteral("marker-diagnosis"), QStringLiteral("statd dead on nfs-1"));
        QVERIFY(placed.wait(10000));
        const qint64 id = placed.first().first().toLongLong();
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(c->items().size()), before + 1, 10000);
        waitIdle(c);
        // A refresh goes straight to the per-minute counts (no coarse step in between).
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(c->overviewResolutionUs(), TimelineQuery::kMinuteUs);
        bool found = false;
        for (const TimelineItem &it : c->items())
            found |= it.source == QLatin1String("marker") && it.summary == QLatin1String("statd dead on nfs-1") && it.atUs == at;
        QVERIFY(found);

        // Text filter (debounced in the UI; flushed here).
        pane->filterEdit()->setText(QStringLiteral("statd"));
        pane->filterEdit()->flush();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && c->items().size() == 3, 10000); // event, marker, failed collection
        QVERIFY(c->overviewResolutionUs() < TimelineQuery::kMinuteUs); // text: one pass over the events, fine buckets
        for (const TimelineItem &it : c->items())
            QVERIFY(it.summary.contains(QStringLiteral("statd"), Qt::CaseInsensitive));
        // Hide the marker source.
        pane->setSourceVisible(QStringLiteral("marker"), false);
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && c->items().size() == 2, 10000);
    }
};

QTEST_MAIN(TimelineTest)
#include "TimelineTest.moc"
