// The Strace pane on cases made by the engine: seed 004's php-fpm excerpt
// (flock LOCK_EX never returned) and a real strace run of a shell loop
// (thousands of calls, ENOENT), imported through the strace importer. Hung
// calls, the strace -c summary against StraceQuery, the trace selector,
// search (capped), [[strace-call:N]] links, opening the raw log, reloading
// when evidence arrives, and the sample case. Models under
// QAbstractItemModelTester.
#include "Requirement.h"
#include "SampleCase.h"
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "evidence/EvidenceViewer.h"
#include "importers/ImporterCatalog.h"
#include "strace/StraceCallsModel.h"
#include "strace/StraceErrorsModel.h"
#include "strace/StraceFdsModel.h"
#include "strace/StracePane.h"
#include "strace/StraceProcessTreeModel.h"
#include "strace/StraceQuery.h"
#include "strace/StraceSummaryModel.h"
#include "strace/StraceText.h"
#include "util/BackgroundReader.h"
#include "util/FilterLineEdit.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QFont>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Tester = QAbstractItemModelTester;

namespace {
constexpr int kTimeoutMs = 20000;
const QString kFlock = QStringLiteral("flock(11</srv/path/to/file/that/would/be/written.js>, LOCK_EX <unfinished ...>");
const QString kMissing = QStringLiteral("/nonexistent-casebook-strace");
}

class StracePaneTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_loopLog;
    qint64 m_seedCollection = 0;
    qint64 m_loopCollection = 0;

    static qint64 import(CaseFile &cf, const QString &file, const QString &host)
    {
        ImportRequest req;
        req.caseFile = &cf;
        req.hostId = HostStore(cf.db()).ensure(host);
        req.paths = {file};
        const ImportResult r = ImporterCatalog::byKind(QStringLiteral("strace"))->import(req, CancelToken());
        if (!r.ok || r.collectionIds.isEmpty())
            qWarning() << "import failed:" << r.error;
        return r.ok && !r.collectionIds.isEmpty() ? r.collectionIds.first() : 0;
    }

    static int rowWithSyscall(StraceCallsModel *m, const QString &syscall)
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->call(r).syscall == syscall)
                return r;
        return -1;
    }

    void openAndWait(MainWindow &w, const QString &path)
    {
        w.setQuiet(true);
        QVERIFY2(w.openCase(path), qPrintable(w.lastError()));
        StracePane *p = w.stracePane();
        QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading() && p->traceBox()->count() > 0, kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        CASEBOOK_REQUIRE_TOOL("strace");
        const QString strace = TestEnv::tool("strace");
        // A real trace: a shell loop opening /dev/null over a thousand times
        // (more calls than search shows) and one open that fails.
        m_loopLog = m_dir.filePath(QStringLiteral("loop.strace"));
        QProcess p;
        p.start(strace, {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"),
                         QStringLiteral("-o"), m_loopLog, QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("i=0; while [ $i -lt 1200 ]; do : > /dev/null; i=$((i+1)); done; cat %1 2>/dev/null; true")
                             .arg(kMissing)});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);

        m_path = m_dir.filePath(QStringLiteral("strace.casebook"));
        auto cf = CaseFile::create(m_path, QStringLiteral("strace pane"));
        m_seedCollection = import(*cf, QDir(TestEnv::dataDir()).filePath(QStringLiteral("strace/seed004-php-fpm-f.strace")),
                                  QStringLiteral("web-3"));
        QVERIFY(m_seedCollection > 0);
        m_loopCollection = import(*cf, m_loopLog, QStringLiteral("local"));
        QVERIFY(m_loopCollection > 0);
    }

    // The models hold StraceQuery's typed rows: a hung call of a log without
    // pids or timestamps reads "?" and "not known"; a path followed without -y
    // is not printed as if strace had decorated the call, and is set in italics.
    void typedRowsOfAnUnknownProcess()
    {
        StraceCallRow hung;
        hung.callId = 7;
        hung.trace = QStringLiteral("excerpt.strace");
        hung.line = 8;
        hung.syscall = QStringLiteral("flock");
        hung.args = QStringLiteral("11, LOCK_EX");
        hung.unfinished = 1;
        hung.fd = 11;
        hung.fdPath = QStringLiteral("/srv/a.js");
        hung.fdInferred = true;
        StraceCallRow done = hung;
        done.callId = 8;
        done.unfinished = 0;
        done.args = QStringLiteral("11, LOCK_SH");
        done.ret = 0;
        StraceCallsModel calls(StraceCallsModel::Kind::Hung);
        Tester t1(&calls, Tester::FailureReportingMode::QtTest);
        calls.setCalls({hung, done});
        QCOMPARE(calls.rowCount(), 2);
        QCOMPARE(calls.index(0, StraceCallsModel::Pid).data().toString(), QStringLiteral("?"));
        QCOMPARE(calls.index(0, StraceCallsModel::Duration).data().toString(), QStringLiteral("not known"));
        QCOMPARE(calls.index(0, StraceCallsModel::Started).data().toString(), QString());
        QCOMPARE(calls.index(0, StraceCallsModel::Call).data().toString(), QStringLiteral("flock(11, LOCK_EX <unfinished ...>"));
        QCOMPARE(calls.index(1, StraceCallsModel::Call).data().toString(), QStringLiteral("flock(11, LOCK_SH) = 0"));
        QCOMPARE(calls.rowOf(8), 1);

        StraceFdRow fd;
        fd.fd = 11;
        fd.path = QStringLiteral("/srv/a.js");
        fd.inferred = true;
        fd.calls = 3;
        StraceFdsModel fds;
        Tester t2(&fds, Tester::FailureReportingMode::QtTest);
        fds.setRows({fd});
        QCOMPARE(fds.rowCount(), 1);
        QCOMPARE(fds.index(0, StraceFdsModel::Pid).data().toString(), QStringLiteral("?"));
        QVERIFY(fds.index(0, StraceFdsModel::Path).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(fds.index(0, StraceFdsModel::Path).data(Qt::ToolTipRole).toString().contains(QStringLiteral("without -y")));

        StraceProcessRow unknown;
        unknown.calls = 8;
        StraceProcessTreeModel tree;
        Tester t3(&tree, Tester::FailureReportingMode::QtTest);
        tree.setRows({unknown});
        QCOMPARE(tree.rowCount(), 1);
        QCOMPARE(tree.index(0, StraceProcessTreeModel::Pid).data().toString(), QStringLiteral("? (no pid in the log)"));
    }

    void textUnits()
    {
        QCOMPARE(StraceText::duration(qint64(37)), QStringLiteral("37 µs"));
        QCOMPARE(StraceText::duration(qint64(2050)), QStringLiteral("2.05 ms"));
        QCOMPARE(StraceText::duration(qint64(45783999)), QStringLiteral("45.784 s"));
        QCOMPARE(StraceText::duration(qint64(725) * 1000000), QStringLiteral("12 min 5 s"));
        QCOMPARE(StraceText::duration(std::optional<qint64>()), QString());
        QCOMPARE(StraceText::time(std::optional<qint64>(1500000)), QStringLiteral("+1.500000 s"));
        QCOMPARE(StraceText::oneLine(QStringLiteral("a\nb\tc\x01%1")), QStringLiteral("a\\nb\\tc\\u0001%1"));
        QCOMPARE(StraceText::oneLine(QString(50, QLatin1Char('x')), 10), QString(10, QLatin1Char('x')) + QStringLiteral("…"));
    }

    void modelsUnderTester()
    {
        MainWindow w;
        StracePane *p = w.stracePane();
        std::vector<std::unique_ptr<Tester>> testers;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
                 p->hungModel(), p->summaryModel(), p->slowestModel(), p->errorsModel(), p->processModel(), p->fdsModel(),
                 p->searchModel()})
            testers.push_back(std::make_unique<Tester>(m, Tester::FailureReportingMode::QtTest));
        for (int v = StracePane::Hung; v <= StracePane::Search; ++v)
            testers.push_back(std::make_unique<Tester>(p->proxy(StracePane::View(v)), Tester::FailureReportingMode::QtTest));
        openAndWait(w, m_path);
        QVERIFY(p->hungModel()->rowCount() > 0);
        QVERIFY(p->processModel()->processCount() > 0);
        // Sorting and the other summary scope under the testers too.
        for (int v = StracePane::Hung; v <= StracePane::Search; ++v)
            for (int c = 0; c < p->proxy(StracePane::View(v))->columnCount(); ++c)
                p->proxy(StracePane::View(v))->sort(c, c % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        p->summaryScopeBox()->setCurrentIndex(1);
        p->search(QStringLiteral("flock"));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching(), kTimeoutMs);
        QVERIFY(p->searchModel()->rowCount() > 0);
        w.closeCase();
        QCOMPARE(p->hungModel()->rowCount(), 0);
        QCOMPARE(p->processModel()->rowCount(), 0);
    }

    void hungCallsFirst()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        QCOMPARE(p->views()->currentIndex(), int(StracePane::Hung));
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        const QJsonArray hung = StraceQuery::toJson(StraceQuery(cf->db()).hung());
        // The longest wait is selected and shown in full.
        QCOMPARE(p->currentCallId(), qint64(hung.first()[QStringLiteral("call_id")].toDouble()));
        QVERIFY(!p->detail()->toPlainText().isEmpty());
        QCOMPARE(p->hungModel()->rowCount(), int(hung.size()));
        const int r = rowWithSyscall(p->hungModel(), QStringLiteral("flock"));
        QVERIFY(r >= 0);
        StraceCallsModel *m = p->hungModel();
        QCOMPARE(m->index(r, StraceCallsModel::Pid).data().toString(), QStringLiteral("14437"));
        QCOMPARE(m->index(r, StraceCallsModel::Syscall).data().toString(), QStringLiteral("flock"));
        QCOMPARE(m->index(r, StraceCallsModel::Call).data().toString(), kFlock);
        QCOMPARE(m->index(r, StraceCallsModel::Outcome).data().toString(), QStringLiteral("never returned"));
        QCOMPARE(m->headerData(StraceCallsModel::Duration, Qt::Horizontal).toString(), QStringLiteral("Waited"));
        const qint64 waited = m->call(r).durationUs.value_or(-1);
        QVERIFY(waited > 0); // until the trace's last line
        QCOMPARE(m->index(r, StraceCallsModel::Duration).data().toString(), StraceText::duration(waited));
        QVERIFY(m->index(r, StraceCallsModel::Started).data().toString().contains(QStringLiteral(":01.100600")));
        QCOMPARE(m->index(r, StraceCallsModel::Duration).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        // Longest wait first, by the numeric sort role.
        QSortFilterProxyModel *px = p->proxy(StracePane::Hung);
        QVERIFY(px->rowCount() >= 2);
        for (int i = 1; i < px->rowCount(); ++i)
            QVERIFY(px->index(i - 1, StraceCallsModel::Duration).data(StraceCallsModel::SortRole).toLongLong()
                    >= px->index(i, StraceCallsModel::Duration).data(StraceCallsModel::SortRole).toLongLong());
        QVERIFY(p->views()->tabText(StracePane::Hung).contains(QString::number(hung.size())));
        // Selecting shows the call in full.
        p->view(StracePane::Hung)->setCurrentIndex(px->mapFromSource(m->index(r, 0)));
        QVERIFY(p->detail()->toPlainText().startsWith(kFlock));
        QVERIFY(p->detail()->toPlainText().contains(QStringLiteral("seed004-php-fpm-f.strace")));
    }

    void summaryMatchesQuery()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        for (bool perProcess : {false, true}) {
            p->summaryScopeBox()->setCurrentIndex(perProcess ? 1 : 0);
            const QJsonArray rows = StraceQuery::toJson(StraceQuery(cf->db()).summary(perProcess));
            qint64 calls = 0, errors = 0, total = 0;
            for (const QJsonValue &v : rows) {
                calls += qint64(v[QStringLiteral("calls")].toDouble());
                errors += qint64(v[QStringLiteral("errors")].toDouble());
                total += qint64(v[QStringLiteral("total_us")].toDouble());
            }
            StraceSummaryModel *m = p->summaryModel();
            QCOMPARE(m->isPerProcess(), perProcess);
            QCOMPARE(m->rowCount(), int(rows.size()));
            QCOMPARE(m->totalCalls(), calls);
            QCOMPARE(m->totalErrors(), errors);
            QCOMPARE(m->totalUs(), total);
            QVERIFY(calls > 3600); // the loop's openat/dup2/close
            QVERIFY(errors > 0);
        }
        // Sorted by calls (numeric, not as text).
        QSortFilterProxyModel *px = p->proxy(StracePane::Summary);
        px->sort(StraceSummaryModel::Calls, Qt::DescendingOrder);
        QVERIFY(px->rowCount() >= 2);
        for (int i = 1; i < px->rowCount(); ++i)
            QVERIFY(px->index(i - 1, StraceSummaryModel::Calls).data(StraceSummaryModel::SortRole).toLongLong()
                    >= px->index(i, StraceSummaryModel::Calls).data(StraceSummaryModel::SortRole).toLongLong());
        // Per syscall across processes: openat of /dev/null and the failed one.
        p->summaryScopeBox()->setCurrentIndex(0);
        StraceSummaryModel *m = p->summaryModel();
        bool openat = false;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->row(r).syscall == QLatin1String("openat")) {
                openat = true;
                QVERIFY(m->row(r).calls >= 1200);
                QVERIFY(m->row(r).errors >= 1);
                QVERIFY(m->index(r, StraceSummaryModel::PercentTime).data().toString().endsWith(QStringLiteral(" %")));
            }
        QVERIFY(openat);
        // Errors: the ENOENT of the missing file.
        bool enoent = false;
        for (int r = 0; r < p->errorsModel()->rowCount(); ++r)
            enoent = enoent || p->errorsModel()->row(r).errnoName == QLatin1String("ENOENT");
        QVERIFY(enoent);
        // File descriptors with their -yy paths.
        bool devNull = false;
        for (int r = 0; r < p->fdsModel()->rowCount(); ++r)
            devNull = devNull || p->fdsModel()->row(r).path.startsWith(QLatin1String("/dev/null")); // -yy: /dev/null<char 1:3>
        QVERIFY(devNull);
    }

    void traceSelectorAndProcessTree()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        QCOMPARE(p->traceBox()->count(), 3); // all + two collections
        QVERIFY(p->traceBox()->itemText(1).contains(QStringLiteral("web-3")));
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);

        p->traceBox()->setCurrentIndex(p->traceBox()->findData(m_seedCollection));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), kTimeoutMs);
        QCOMPARE(p->hungModel()->rowCount(), int(StraceQuery(cf->db(), m_seedCollection).hung().size()));
        QVERIFY(rowWithSyscall(p->hungModel(), QStringLiteral("flock")) >= 0);
        // seed 004: 14439 killed by SIGKILL.
        const QModelIndex killed = p->processModel()->indexOfPid(14439);
        QVERIFY(killed.isValid());
        QCOMPARE(killed.siblingAtColumn(StraceProcessTreeModel::Ended).data().toString(), QStringLiteral("killed by SIGKILL"));

        p->traceBox()->setCurrentIndex(p->traceBox()->findData(m_loopCollection));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), kTimeoutMs);
        QCOMPARE(p->hungModel()->rowCount(), int(StraceQuery(cf->db(), m_loopCollection).hung().size()));
        QCOMPARE(rowWithSyscall(p->hungModel(), QStringLiteral("flock")), -1);
        // The shell forked cat: a child under the shell in the tree.
        StraceProcessTreeModel *tree = p->processModel();
        QVERIFY(tree->processCount() >= 2);
        QCOMPARE(tree->rowCount(), 1); // one root: the shell
        const QModelIndex root = tree->index(0, 0);
        QVERIFY(tree->rowCount(root) >= 1);
        QCOMPARE(tree->parent(tree->index(0, 0, root)), root);
        QVERIFY(root.siblingAtColumn(StraceProcessTreeModel::Program).data().toString().contains(QStringLiteral("sh")));
        QCOMPARE(root.siblingAtColumn(StraceProcessTreeModel::Ended).data().toString(), QStringLiteral("exited with 0"));
    }

    void searchFindsAndCaps()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        // Typed: runs after the filter delay.
        QSignalSpy searched(p, &StracePane::searched);
        p->searchEdit()->setText(kMissing);
        QTRY_VERIFY_WITH_TIMEOUT(searched.count() >= 1 && !p->isSearching(), kTimeoutMs);
        StraceCallsModel *m = p->searchModel();
        QVERIFY(m->rowCount() >= 1);
        for (int r = 0; r < m->rowCount(); ++r)
            QVERIFY(m->index(r, StraceCallsModel::Call).data().toString().contains(kMissing));
        QVERIFY(rowWithSyscall(m, QStringLiteral("openat")) >= 0);
        QCOMPARE(m->index(rowWithSyscall(m, QStringLiteral("openat")), StraceCallsModel::Outcome).data().toString(),
                 QStringLiteral("ENOENT"));
        QVERIFY2(p->searchStatus()->text().contains(QStringLiteral("contain")), qPrintable(p->searchStatus()->text()));

        // More matches than shown: capped, and said so.
        p->search(QStringLiteral("/dev/null"));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching() && m->rowCount() > 0, kTimeoutMs);
        QCOMPARE(m->rowCount(), StracePane::kSearchLimit);
        QVERIFY2(p->searchStatus()->text().contains(QStringLiteral("first")), qPrintable(p->searchStatus()->text()));

        // Nothing found; then cleared.
        p->search(QStringLiteral("no-such-text-in-any-call"));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching(), kTimeoutMs);
        QCOMPARE(m->rowCount(), 0);
        p->search(QString());
        QCOMPARE(m->rowCount(), 0);

        // Errors tab: double-click searches that errno.
        QAbstractItemView *errors = p->view(StracePane::Errors);
        const QModelIndex e = p->proxy(StracePane::Errors)->index(0, StraceErrorsModel::Errno);
        QVERIFY(e.isValid());
        emit errors->doubleClicked(e);
        QCOMPARE(p->views()->currentIndex(), int(StracePane::Search));
        QCOMPARE(p->searchEdit()->text(), e.data().toString());
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching() && m->rowCount() > 0, kTimeoutMs);
    }

    void straceCallLinks()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        // The analyzer's hung-syscall finding names the flock call.
        qint64 flockCall = 0;
        for (const Finding &f : FindingStore(cf->db()).list(0, QStringLiteral("hung-syscall")))
            for (const auto &ev : f.evidence)
                if (ev.refKind == QLatin1String("strace-call") && f.title.contains(QStringLiteral("flock")))
                    flockCall = ev.refId;
        QVERIFY(flockCall > 0);
        w.workspaceTabs()->setCurrentIndex(0);
        p->views()->setCurrentIndex(StracePane::Summary);
        QVERIFY(w.openLink(EvidenceLink::fromRef(QStringLiteral("strace-call"), flockCall)));
        QCOMPARE(w.workspaceTabs()->currentWidget(), p);
        QTRY_COMPARE_WITH_TIMEOUT(p->currentCallId(), flockCall, kTimeoutMs);
        QCOMPARE(p->views()->currentIndex(), int(StracePane::Hung));
        QVERIFY(p->detail()->toPlainText().startsWith(kFlock));

        // A call in neither hung nor slowest: looked up, shown alone in Search.
        qint64 plain = 0;
        for (const QJsonValue &c : StraceQuery::toJson(StraceQuery(cf->db(), m_loopCollection).grep(QStringLiteral("/dev/null"), 50))) {
            const qint64 id = qint64(c[QStringLiteral("call_id")].toDouble());
            if (p->slowestModel()->rowOf(id) < 0 && p->hungModel()->rowOf(id) < 0) {
                plain = id;
                break;
            }
        }
        QVERIFY(plain > 0);
        QSignalSpy shown(p, &StracePane::callShown);
        QVERIFY(w.openLink(EvidenceLink::fromRef(QStringLiteral("strace-call"), plain)));
        QTRY_COMPARE_WITH_TIMEOUT(p->currentCallId(), plain, kTimeoutMs);
        QCOMPARE(p->views()->currentIndex(), int(StracePane::Search));
        QCOMPARE(p->searchModel()->rowCount(), 1);
        QCOMPARE(shown.last().at(0).toLongLong(), plain);

        // No such call: told, nothing changes.
        QSignalSpy status(p, &StracePane::statusMessage);
        QVERIFY(w.openLink(EvidenceLink::fromRef(QStringLiteral("strace-call"), 987654321)));
        QTRY_VERIFY_WITH_TIMEOUT(status.count() == 1, kTimeoutMs);
        QVERIFY(status.first().at(0).toString().contains(QStringLiteral("987654321")));
        QCOMPARE(p->currentCallId(), plain);
    }

    void enterOpensRawLog()
    {
        MainWindow w;
        openAndWait(w, m_path);
        StracePane *p = w.stracePane();
        w.workspaceTabs()->setCurrentWidget(p);
        w.show();
        QAbstractItemView *v = p->view(StracePane::Hung);
        const QModelIndex first = p->proxy(StracePane::Hung)->index(0, StraceCallsModel::Call);
        const qint64 artifact = first.data(StraceCallsModel::ArtifactIdRole).toLongLong();
        QVERIFY(artifact > 0);
        v->setCurrentIndex(first);
        v->setFocus();
        QTest::keyClick(v, Qt::Key_Return);
        auto *viewer = qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget());
        QVERIFY(viewer);
        QCOMPARE(viewer->artifactId(), artifact);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer->isLoading(), kTimeoutMs);
        QVERIFY(viewer->text().contains(QStringLiteral("LOCK_EX <unfinished ...>")));
    }

    void reloadsWhenEvidenceArrives()
    {
        const QString path = m_dir.filePath(QStringLiteral("growing.casebook"));
        CaseFile::create(path, QStringLiteral("growing"));
        MainWindow w;
        openAndWait(w, path);
        StracePane *p = w.stracePane();
        QCOMPARE(p->traceBox()->count(), 1); // "all", nothing in it
        QCOMPARE(p->hungModel()->rowCount(), 0);
        QVERIFY(p->statusLabel()->text().contains(QStringLiteral("No strace evidence")));
        {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite);
            QVERIFY(import(*cf, QDir(TestEnv::dataDir()).filePath(QStringLiteral("strace/seed004-php-fpm-f.strace")),
                           QStringLiteral("web-3")) > 0);
        }
        w.session()->pollForChanges();
        QTRY_VERIFY_WITH_TIMEOUT(p->traceBox()->count() == 2 && !p->isLoading(), kTimeoutMs);
        QVERIFY(rowWithSyscall(p->hungModel(), QStringLiteral("flock")) >= 0);
        // More evidence right after a reload: shown once the reload interval is over.
        {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite);
            QVERIFY(import(*cf, m_loopLog, QStringLiteral("local")) > 0);
        }
        w.session()->pollForChanges();
        QTRY_VERIFY_WITH_TIMEOUT(p->traceBox()->count() == 3 && !p->isLoading(), kTimeoutMs);
        QVERIFY(p->summaryModel()->totalCalls() > 3600);
        // An unrelated commit does not reload (the selection stays). The panes'
        // reads run on the session's reader: once it is idle, the look at the
        // traces is done, and a reload would have been started and finished.
        BackgroundReader *reader = w.session()->reader();
        QTRY_COMPARE_WITH_TIMEOUT(reader->pending(), 0, kTimeoutMs);
        const QModelIndex i = p->proxy(StracePane::Hung)->index(0, 0);
        p->view(StracePane::Hung)->setCurrentIndex(i);
        const qint64 selected = p->currentCallId();
        QSignalSpy loaded(p, &StracePane::loaded);
        w.session()->notifyChanged();
        QTRY_COMPARE_WITH_TIMEOUT(reader->pending(), 0, kTimeoutMs);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(p->currentCallId(), selected);
    }

    void untrustedTextStaysOnOneLine()
    {
        // A log that is not what strace writes: raw control characters,
        // placeholders, a 100 KB argument, binary garbage, and a file name
        // with a newline in it.
        const QString file = m_dir.filePath(QStringLiteral("ev\nil%1.strace"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("100 12:00:00.000001 openat(AT_FDCWD, \"/tmp/\x1b[31mred\r%1%2\", O_RDONLY) = -1 ENOENT "
                "(No such file or directory) <0.000010>\n");
        f.write("100 12:00:00.000100 write(1, \"" + QByteArray(100000, 'A') + "\", 100000) = 100000 <0.000200>\n");
        f.write(QByteArray("\x00\xff\xfe garbage \x01\x02\n", 15));
        f.write("100 12:00:01.000000 flock(3</a\tb>, LOCK_EX <unfinished ...>\n");
        f.write("200 12:00:02.000000 +++ exited with 0 +++\n");
        f.close();
        const QString path = m_dir.filePath(QStringLiteral("untrusted.casebook"));
        {
            auto cf = CaseFile::create(path, QStringLiteral("untrusted"));
            QVERIFY(import(*cf, file, QStringLiteral("h\nost%1")) > 0);
        }
        MainWindow w;
        openAndWait(w, path);
        StracePane *p = w.stracePane();
        QVERIFY(p->traceBox()->count() >= 2);
        for (int i = 0; i < p->traceBox()->count(); ++i)
            QVERIFY2(!p->traceBox()->itemText(i).contains(QLatin1Char('\n')), qPrintable(p->traceBox()->itemText(i)));
        QVERIFY(p->traceBox()->itemText(1).contains(QStringLiteral("ev\\nil%1.strace")));
        QVERIFY2(p->statusLabel()->text().contains(QStringLiteral("not understood")), qPrintable(p->statusLabel()->text()));

        QCOMPARE(p->hungModel()->rowCount(), 1);
        const QString hung = p->hungModel()->index(0, StraceCallsModel::Call).data().toString();
        QCOMPARE(hung, QStringLiteral("flock(3</a\\tb>, LOCK_EX <unfinished ...>"));
        QVERIFY(p->hungModel()->index(0, StraceCallsModel::Source).data().toString().contains(QStringLiteral("ev\\nil%1.strace:4")));

        p->views()->setCurrentIndex(StracePane::Search);
        p->search(QStringLiteral("red"));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching() && p->searchModel()->rowCount() == 1, kTimeoutMs);
        const QString open = p->searchModel()->index(0, StraceCallsModel::Call).data().toString();
        QVERIFY2(open.contains(QStringLiteral("\\u001b[31mred\\r%1%2")), qPrintable(open));
        QVERIFY(!open.contains(QChar(0x1b)) && !open.contains(QLatin1Char('\r')));

        p->search(QStringLiteral("AAAA"));
        QTRY_VERIFY_WITH_TIMEOUT(!p->isSearching() && p->searchModel()->rowCount() == 1, kTimeoutMs);
        const QString big = p->searchModel()->index(0, StraceCallsModel::Call).data().toString();
        QVERIFY(big.size() <= 2001);
        QVERIFY(big.endsWith(QStringLiteral("…")));
        p->view(StracePane::Search)->setCurrentIndex(p->proxy(StracePane::Search)->index(0, 0));
        QVERIFY(p->detail()->toPlainText().contains(QStringLiteral("h\\nost%1")));
    }

    void sampleCaseHasStrace()
    {
        const QString path = m_dir.filePath(QStringLiteral("sample.casebook"));
        const SampleCase s = SampleCase::build(path);
        MainWindow w;
        openAndWait(w, path);
        StracePane *p = w.stracePane();
        QCOMPARE(p->traceBox()->count(), 2);
        QVERIFY(p->traceBox()->itemText(1).contains(QStringLiteral("strace-14437.txt")));
        QCOMPARE(p->summaryModel()->totalCalls(), 8); // completed calls (strace -c counts no signals)
        // 14437's flock returned ENOLCK after 45 s; 14439's was still waiting
        // when the trace ended, 30.3 s after it started.
        QCOMPARE(p->hungModel()->rowCount(), 1);
        QCOMPARE(p->hungModel()->index(0, StraceCallsModel::Pid).data().toString(), QStringLiteral("14439"));
        QCOMPARE(p->hungModel()->index(0, StraceCallsModel::Call).data().toString(),
                 QStringLiteral("flock(12, LOCK_EX <unfinished ...>"));
        QCOMPARE(p->hungModel()->index(0, StraceCallsModel::Duration).data().toString(), QStringLiteral("30.311 s"));
        StraceCallsModel *slow = p->slowestModel();
        const int r = rowWithSyscall(slow, QStringLiteral("flock"));
        QVERIFY(r >= 0);
        QCOMPARE(slow->index(r, StraceCallsModel::Duration).data().toString(), QStringLiteral("45.784 s"));
        QCOMPARE(slow->call(r).artifactId.value_or(0), s.straceArtifact);
        QVERIFY(p->processModel()->indexOfPid(14438).isValid());
    }
};

QTEST_MAIN(StracePaneTest)
#include "StracePaneTest.moc"
