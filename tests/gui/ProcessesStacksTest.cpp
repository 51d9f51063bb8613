// Processes and Stacks panes on procfs snapshots stored through the engine:
// filter processes, compare two snapshots, diff two stack groups, the fleet
// matrix, and [[task:host/tid]] links. Models under QAbstractItemModelTester.
#include "SampleCase.h"
#include "WorkbenchWait.h"
#include "TestEnv.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "processes/ProcessFilterProxy.h"
#include "processes/ProcessesModel.h"
#include "processes/ProcessesPane.h"
#include "stacks/FleetMatrixModel.h"
#include "stacks/StackDiffModel.h"
#include "stacks/StackGroupsModel.h"
#include "stacks/StacksPane.h"
#include "util/FilterLineEdit.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Tester = QAbstractItemModelTester;

class ProcessesStacksTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_path = m_dir.filePath(QStringLiteral("sample.casebook"));
        m_case = SampleCase::build(m_path);
    }

    void filterAndCompareProcesses()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        ProcessesPane *p = w.processesPane();
        Tester t1(p->model(), Tester::FailureReportingMode::QtTest);
        Tester t2(p->proxy(), Tester::FailureReportingMode::QtTest);
        QCOMPARE(p->snapshotBox()->count(), 3);
        QSignalSpy loaded(p, &ProcessesPane::loaded);
        QVERIFY(p->showSnapshot(m_case.secondSnapshot) || p->snapshotBox()->currentData().toLongLong() == m_case.secondSnapshot);
        QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading() && p->model()->rowCount() == 5, 10000);

        // D highlighted, filter by state and by text.
        int dRow = -1;
        for (int r = 0; r < p->model()->rowCount(); ++r)
            if (p->model()->task(r).state == QLatin1String("D"))
                dRow = r;
        QVERIFY(p->model()->index(dRow, ProcessesModel::State).data(Qt::BackgroundRole).isValid());
        p->stateBox()->setCurrentIndex(p->stateBox()->findData(QStringLiteral("D")));
        QCOMPARE(p->proxy()->rowCount(), 4);
        p->filterEdit()->setText(QStringLiteral("rsyslog"));
        p->filterEdit()->flush();
        QCOMPARE(p->proxy()->rowCount(), 1);
        p->filterEdit()->setText(QString());
        p->filterEdit()->flush();
        p->stateBox()->setCurrentIndex(0);
        QCOMPARE(p->proxy()->rowCount(), 5);
        // Sorting by PID is numeric.
        p->view()->sortByColumn(ProcessesModel::Pid, Qt::AscendingOrder);
        QCOMPARE(p->proxy()->index(0, ProcessesModel::Pid).data().toString(), QStringLiteral("900"));

        // Compare with the first snapshot: 14439 appeared, the zombie cleared.
        p->compareBox()->setCurrentIndex(p->compareBox()->findData(m_case.firstSnapshot));
        QTRY_VERIFY_WITH_TIMEOUT(p->comparison().contains(QStringLiteral("Appeared: 1")), 10000);
        QVERIFY2(p->comparison().contains(QStringLiteral("14439")), qPrintable(p->comparison()));
        QVERIFY(p->comparison().contains(QStringLiteral("Cleared: 1")));
    }

    void diffTwoStackGroups()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        StacksPane *s = w.stacksPane();
        Tester t1(s->groupsModel(), Tester::FailureReportingMode::QtTest);
        Tester t2(s->diffModel(), Tester::FailureReportingMode::QtTest);
        Tester t3(s->fleetModel(), Tester::FailureReportingMode::QtTest);
        const int idx = s->snapshotBox()->findData(m_case.secondSnapshot);
        QVERIFY(idx >= 0);
        s->snapshotBox()->setCurrentIndex(idx);
        QTRY_VERIFY_WITH_TIMEOUT(s->groupsModel()->rowCount() == 3, 10000);
        // Largest group first: the three php-fpm workers in nlmclnt_call.
        QTableView *v = s->groupsView();
        QCOMPARE(v->model()->index(0, StackGroupsModel::Count).data().toString(), QStringLiteral("3"));
        // Select the nlm group and the fsync group (both D), diff them.
        int fsyncRow = -1;
        for (int r = 0; r < v->model()->rowCount(); ++r)
            if (v->model()->index(r, StackGroupsModel::Frames).data().toString().contains(QStringLiteral("nfs_file_fsync")))
                fsyncRow = r;
        QVERIFY(fsyncRow > 0);
        v->selectionModel()->select(v->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        v->selectionModel()->select(v->model()->index(fsyncRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy ready(s, &StacksPane::diffReady);
        QVERIFY(s->diffSelectedGroups());
        QVERIFY(ready.wait(10000));
        StackDiffModel *d = s->diffModel();
        QVERIFY2(d->rowCount() > 0, qPrintable(s->diffSummary()));
        QVERIFY(d->differingRows() > 0);
        // Common outer frames are aligned on one row, unmarked.
        const QModelIndex last = d->index(d->rowCount() - 1, StackDiffModel::A);
        QCOMPARE(last.data().toString(), d->index(d->rowCount() - 1, StackDiffModel::B).data().toString());
        QVERIFY(!last.data(StackDiffModel::DiffersRole).toBool());
        QVERIFY(!last.data(Qt::BackgroundRole).isValid());
        // Innermost frames differ and are marked.
        const QModelIndex first = d->index(0, StackDiffModel::A);
        QVERIFY(first.data(StackDiffModel::DiffersRole).toBool() || d->index(1, 0).data(StackDiffModel::DiffersRole).toBool());

        // Fleet matrix: two hosts.
        QTRY_VERIFY_WITH_TIMEOUT(s->fleetModel()->columnCount() == 2, 10000);
        QVERIFY(s->fleetModel()->rowCount() >= 3);
    }

    void taskLinkOpensProcesses()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        EvidenceLink l;
        l.kind = QStringLiteral("task");
        l.target = QStringLiteral("web-3/14439");
        QVERIFY(WorkbenchWait::openLink(w, l));
        ProcessesPane *p = w.processesPane();
        QCOMPARE(p->snapshotBox()->currentData().toLongLong(), m_case.secondSnapshot);
        QTRY_VERIFY_WITH_TIMEOUT(p->view()->currentIndex().isValid(), 10000);
        const QModelIndex src = p->proxy()->mapToSource(p->view()->currentIndex());
        QCOMPARE(p->model()->task(src.row()).tid, qint64(14439));
    }
};

QTEST_MAIN(ProcessesStacksTest)
#include "ProcessesStacksTest.moc"
