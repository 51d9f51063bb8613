// The timeline: windowed queries in the engine (engine/timeline), and the pane
// driven offscreen: lanes, zoom, select -> evidence, markers, filters.
#include "SampleCase.h"
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/EventStore.h"
#include "evidence/EvidenceViewer.h"
#include "timeline/MarkerStore.h"
#include "timeline/TimelineController.h"
#include "timeline/TimelinePane.h"
#include "timeline/TimelineQuery.h"
#include "timeline/TimelineView.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
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
        QTest::qWait(0);
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy(), 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_path = m_dir.filePath(QStringLiteral("sample.casebook"));
        m_case = SampleCase::build(m_path);
    }

    void queryOverviewAndWindows()
    {
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        TimelineQuery q(cf->db());
        const auto ov = q.overview({}, 4096, CancelToken());
        // 5 kernel events + 1 marker + 2 findings + 4 collections + 1 note.
        QCOMPARE(ov.histogram.total(), quint64(13));
        QVERIFY(ov.fromUs < m_case.baseUs - 30 * 1000000LL);
        QVERIFY(ov.toUs > m_case.baseUs + 300 * 1000000LL);
        QStringList lanes;
        for (const TimelineLane &l : ov.lanes)
            lanes << (l.hostName.isEmpty() ? QStringLiteral("case") : l.hostName) + QLatin1Char('/') + l.source;
        QVERIFY2(lanes.contains(QStringLiteral("web-3/kernel-log")), qPrintable(lanes.join(u',')));
        QVERIFY(lanes.contains(QStringLiteral("case/marker")));
        QVERIFY(lanes.contains(QStringLiteral("case/note")));
        QVERIFY(lanes.contains(QStringLiteral("nfs-1/finding")));
        QCOMPARE(lanes.first().left(5), QStringLiteral("case/")); // case-wide lanes first

        // Items of one window, in time order.
        const auto items = q.items(m_case.baseUs, m_case.baseUs + 100 * 1000000LL, {}, 100);
        QVERIFY(items.size() >= 3);
        for (int i = 1; i < items.size(); ++i)
            QVERIFY(items[i - 1].atUs <= items[i].atUs);
        QCOMPARE(items.first().summary, QStringLiteral("nfs: server 10.1.84.31 not responding, still trying"));
        QCOMPARE(items.first().refKind, QStringLiteral("artifact"));

        // Windowed histogram agrees with the items.
        const auto h = q.histogram(ov.lanes, m_case.baseUs, m_case.baseUs + 100 * 1000000LL, 50, {}, CancelToken());
        QCOMPARE(h.total(), quint64(items.size()));

        // Filters: text, source, host.
        TimelineFilter text;
        text.text = QStringLiteral("LOCKD");
        QCOMPARE(q.items(ov.fromUs, ov.toUs, text, 100).size(), 3); // two events + the finding title
        TimelineFilter src;
        src.sources = {QStringLiteral("marker")};
        QCOMPARE(q.items(ov.fromUs, ov.toUs, src, 100).size(), 1);
        TimelineFilter host;
        host.hostIds = {m_case.nfsHost};
        for (const TimelineItem &it : q.items(ov.fromUs, ov.toUs, host, 100))
            QCOMPARE(it.hostId, m_case.nfsHost);
        // Hostile filter text is data, not SQL.
        TimelineFilter hostile;
        hostile.text = QStringLiteral("') OR 1=1 --");
        QCOMPARE(q.items(ov.fromUs, ov.toUs, hostile, 100).size(), 0);
    }

    void histogramResampleKeepsCounts()
    {
        TimelineHistogram h(0, 1000, 100, 2);
        for (int i = 0; i < 1000; i += 7)
            h.add(i % 2, i);
        const quint64 total = h.total();
        const TimelineHistogram r = h.resample(0, 1000, 13);
        QCOMPARE(r.total(), total);
        QCOMPARE(h.estimate(0, 1000), total);
        QCOMPARE(h.bucketOf(-1), -1);
        QCOMPARE(h.bucketOf(1000), 100);
    }

    void markersAreAudited()
    {
        const QString p = m_dir.filePath(QStringLiteral("markers.casebook"));
        auto cf = CaseFile::create(p, QStringLiteral("markers"));
        MarkerStore store(cf->db());
        QVERIFY_THROWS_EXCEPTION(CaseError, store.add(1, QStringLiteral("marker-bogus"), QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(CaseError, store.add(1, QStringLiteral("marker-repair"), QStringLiteral("  ")));
        const qint64 id = store.add(5000000, QStringLiteral("marker-repair"), QStringLiteral("restarted rpc-statd"));
        QCOMPARE(store.all().size(), 1);
        store.remove(id);
        QCOMPARE(store.all().size(), 0);
        QStringList actions;
        for (const auto &e : AuditLog(cf->db()).entries())
            actions << e.action;
        QVERIFY(actions.contains(QStringLiteral("marker-add")));
        QVERIFY(actions.contains(QStringLiteral("marker-remove")));
    }

    void paneSelectsItemAndOpensEvidence()
    {
        MainWindow w;
        w.setQuiet(true);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openCase(m_path));
        TimelinePane *pane = w.timelinePane();
        TimelineController *c = pane->controller();
        waitIdle(c);
        QVERIFY(c->lanes().size() >= 6);
        TimelineView *view = pane->view();
        QCOMPARE(view->fromUs(), c->extentFrom());
        QTRY_VERIFY(view->paintCount() > 0);
        QVERIFY(c->isDetailed()); // few items: drawn one by one
        QCOMPARE(c->items().size(), 13);

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
        QTest::keyClick(view, Qt::Key_Return);
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
        TimelinePane *pane = w.timelinePane();
        TimelineController *c = pane->controller();
        waitIdle(c);
        const int before = int(c->items().size());
        const qint64 at = m_case.baseUs + 200 * 1000000LL;
        const qint64 id = pane->placeMarker(at, QStringLiteral("marker-diagnosis"), QStringLiteral("statd dead on nfs-1"));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(c->items().size()), before + 1, 10000);
        bool found = false;
        for (const TimelineItem &it : c->items())
            found |= it.source == QLatin1String("marker") && it.summary == QLatin1String("statd dead on nfs-1") && it.atUs == at;
        QVERIFY(found);

        // Text filter (debounced in the UI; flushed here).
        pane->filterEdit()->setText(QStringLiteral("statd"));
        pane->filterEdit()->flush();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && c->items().size() == 3, 10000); // event, marker, failed collection
        for (const TimelineItem &it : c->items())
            QVERIFY(it.summary.contains(QStringLiteral("statd"), Qt::CaseInsensitive));
        // Hide the marker source.
        pane->setSourceVisible(QStringLiteral("marker"), false);
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && c->items().size() == 2, 10000);
    }
};

QTEST_MAIN(TimelineTest)
#include "TimelineTest.moc"
