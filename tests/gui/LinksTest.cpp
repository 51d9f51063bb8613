// Every kind of evidence link the engine writes opens the right pane at the
// right row, with the right snapshot and host. The case is the sample case
// analysed by the real analyzers and importers (D-state triage, kernel log
// ingest and correlation, strace analysis, the pcap importer), plus a newer
// snapshot of the OTHER host holding the same tids and the same kernel stack:
// a link resolved by tid alone, or to "the newest snapshot", lands there and
// is caught. Throughout, the GUI thread must not touch the case
// (GuiThreadSqlCheck).
#include "SampleCase.h"
#include "TestEnv.h"
#include "WorkbenchWait.h"
#include "analysis/DStateTriage.h"
#include "analysis/KernelEventCorrelator.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "audit/AuditLogModel.h"
#include "audit/AuditLogPane.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/GuiThreadSqlCheck.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "evidence/EvidenceViewer.h"
#include "findings/FindingsPane.h"
#include "kernellog/KernelLogIngest.h"
#include "links/LinkKind.h"
#include "navigator/NavigatorPane.h"
#include "network/NetworkPane.h"
#include "network/PcapRowsModel.h"
#include "processes/ProcessFilterProxy.h"
#include "processes/ProcessesModel.h"
#include "processes/ProcessesPane.h"
#include "procfs/ProcfsSample.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "stacks/StacksPane.h"
#include "strace/StraceAnalyzer.h"
#include "strace/StracePane.h"
#include "util/PaneLoader.h"

#include <QComboBox>
#include <QDebug>
#include <QLabel>
#include <QStatusBar>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int kTimeoutMs = 20000;

// The test's own look at the case (ground truth) runs on the main thread:
// not counted as the workbench touching the case.
struct Unchecked
{
    const bool was = GuiThreadSqlCheck::isEnabled();
    Unchecked() { GuiThreadSqlCheck::setEnabled(false); }
    ~Unchecked() { GuiThreadSqlCheck::setEnabled(was); }
};

struct Written
{
    qint64 findingId = 0; // 0: an event's reference
    QString kind;
    qint64 id = 0;
    qint64 findingSnapshot = 0; // the snapshot evidence of the same finding
};
}

class LinksTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;
    qint64 m_decoySnapshot = 0;
    QList<Written> m_written;

    std::unique_ptr<CaseFile> truth() const
    {
        return CaseFile::open(m_path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    }

    static bool waitAll(MainWindow &w)
    {
        return WorkbenchWait::loaded(w.findingsPane()->loader()) && WorkbenchWait::loaded(w.processesPane()->loader())
            && WorkbenchWait::loaded(w.stacksPane()->loader()) && WorkbenchWait::loaded(w.navigatorPane()->loader())
            && WorkbenchWait::loaded(w.auditLogPane()->loader());
    }

    // Checks that the link just opened shows what w wrote: pane, row, snapshot, host.
    void verifyShown(MainWindow &w, const Written &r)
    {
        const Unchecked unchecked;
        const auto cf = truth();
        auto &db = cf->db();
        const auto kind = LinkKinds::parse(r.kind);
        QVERIFY2(kind, qPrintable(r.kind));
        switch (*kind) {
        case LinkKind::Task: {
            SqliteStatement st = db.prepare(QStringLiteral(
                "SELECT t.snapshot_id, t.tid, s.host_id FROM procfs_tasks t JOIN procfs_snapshots s ON s.id = t.snapshot_id WHERE t.id = ?"));
            st.bind(1, r.id);
            QVERIFY(st.step());
            ProcessesPane *p = w.processesPane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), p);
            QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), st.int64(0), kTimeoutMs);
            QVERIFY(st.int64(0) != m_decoySnapshot);
            QVERIFY(p->snapshotBox()->currentText().startsWith(HostStore(db).byId(st.int64(2))->name));
            QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading() && p->view()->currentIndex().isValid(), kTimeoutMs);
            const QModelIndex src = p->proxy()->mapToSource(p->view()->currentIndex());
            QTRY_COMPARE_WITH_TIMEOUT(p->model()->task(p->proxy()->mapToSource(p->view()->currentIndex()).row()).tid, st.int64(1),
                                      kTimeoutMs);
            QCOMPARE(p->model()->task(src.row()).id, r.id);
            break;
        }
        case LinkKind::Snapshot: {
            ProcessesPane *p = w.processesPane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), p);
            QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), r.id, kTimeoutMs);
            break;
        }
        case LinkKind::Stack: {
            SqliteStatement st = db.prepare(QStringLiteral("SELECT signature FROM procfs_stacks WHERE id = ?"));
            st.bind(1, r.id);
            QVERIFY(st.step());
            StacksPane *s = w.stacksPane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), s);
            // The stack in the finding's snapshot (web-3), not the newer one of nfs-1 sharing it.
            QVERIFY(r.findingSnapshot > 0);
            QTRY_COMPARE_WITH_TIMEOUT(s->snapshotBox()->currentData().toLongLong(), r.findingSnapshot, kTimeoutMs);
            QTRY_COMPARE_WITH_TIMEOUT(s->currentSignature(), st.text(0), kTimeoutMs);
            break;
        }
        case LinkKind::Artifact: {
            auto *v = qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget());
            QVERIFY(v);
            QCOMPARE(v->artifactId(), r.id);
            break;
        }
        case LinkKind::KernelEvent:
        case LinkKind::KernelLogLine: {
            SqliteStatement st = db.prepare(*kind == LinkKind::KernelEvent
                                                ? QStringLiteral("SELECT summary FROM events WHERE id = ?")
                                                : QStringLiteral("SELECT text FROM kernel_log_lines WHERE id = ?"));
            st.bind(1, r.id);
            QVERIFY(st.step());
            auto *v = qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget());
            QVERIFY(v);
            QTRY_VERIFY_WITH_TIMEOUT(v->text().contains(st.text(0)), kTimeoutMs);
            break;
        }
        case LinkKind::StraceCall: {
            StracePane *p = w.stracePane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), p);
            QTRY_COMPARE_WITH_TIMEOUT(p->currentCallId(), r.id, kTimeoutMs);
            break;
        }
        case LinkKind::Conversation: {
            NetworkPane *p = w.networkPane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), p);
            QTRY_COMPARE_WITH_TIMEOUT(p->conversationsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), r.id, kTimeoutMs);
            break;
        }
        case LinkKind::RpcCall: {
            NetworkPane *p = w.networkPane();
            QCOMPARE(w.workspaceTabs()->currentWidget(), p);
            QTRY_COMPARE_WITH_TIMEOUT(p->callsView()->currentIndex().data(PcapRowsModel::IdRole).toLongLong(), r.id, kTimeoutMs);
            break;
        }
        default:
            QFAIL(qPrintable(QStringLiteral("no check for written kind %1").arg(r.kind)));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_path = m_dir.filePath(QStringLiteral("links.casebook"));
        m_case = SampleCase::build(m_path);
        QVERIFY(m_case.addCapture(m_path) > 0); // the real pcap importer: conversation and rpc-call references
        {
            auto cf = CaseFile::open(m_path, CaseFile::Access::ReadWrite);
            auto &db = cf->db();
            CollectionStore collections(db);
            qint64 procfs = 0, kernel = 0, strace = 0;
            for (const CollectionRecord &c : collections.forHost(m_case.webHost)) {
                if (c.kind == QLatin1String("procfs"))
                    procfs = c.id;
                else if (c.kind == QLatin1String("kernel-log"))
                    kernel = c.id;
                else if (c.kind == QLatin1String("strace"))
                    strace = c.id;
            }
            QVERIFY(procfs && kernel && strace);
            // The decoy: nfs-1, newest of all, with web-3's tids and stack.
            const QList<ProcTask> second = TaskQuery(db).snapshot(m_case.secondSnapshot).run();
            QVERIFY(!second.isEmpty());
            ProcfsSample decoy;
            decoy.takenUs = m_case.baseUs + 500 * 1000000LL;
            decoy.hostname = QStringLiteral("nfs-1");
            for (ProcTask t : second) {
                t.id = 0;
                t.snapshotId = 0;
                decoy.tasks.append(t);
            }
            const qint64 nc = collections.begin(m_case.nfsHost, QStringLiteral("procfs"), QStringLiteral("procfs snapshot"));
            m_decoySnapshot = SnapshotStore(db).save(decoy, nc, m_case.nfsHost, 0);
            collections.finish(nc, CollectionRecord::Status::Complete);
            // The real analyzers write their references.
            QVERIFY(DStateTriage(db).run(procfs) > 0);
            QVERIFY(KernelLogIngest(db).ingest(SampleCase::kernelLog(), kernel, m_case.webHost, m_case.kernelLogArtifact).events > 0);
            QVERIFY(KernelEventCorrelator(db).run(m_case.webHost) > 0);
            QVERIFY(StraceAnalyzer(db).analyse(strace) > 0);

            SqliteStatement fe = db.prepare(QStringLiteral(
                "SELECT e.finding_id, e.ref_kind, e.ref_id, coalesce((SELECT max(s.ref_id) FROM finding_evidence s "
                "WHERE s.finding_id = e.finding_id AND s.ref_kind = 'snapshot'), (SELECT t.snapshot_id FROM finding_evidence s "
                "JOIN procfs_tasks t ON t.id = s.ref_id WHERE s.finding_id = e.finding_id AND s.ref_kind = 'task' ORDER BY s.rowid LIMIT 1), 0) "
                "FROM finding_evidence e ORDER BY e.rowid"));
            while (fe.step())
                m_written.append({fe.int64(0), fe.text(1), fe.int64(2), fe.int64(3)});
            SqliteStatement ev = db.prepare(QStringLiteral("SELECT ref_kind, ref_id FROM events WHERE ref_kind IS NOT NULL ORDER BY id"));
            while (ev.step())
                m_written.append({0, ev.text(0), ev.int64(1), 0});
            QVERIFY(m_written.size() > 10);
        }
        GuiThreadSqlCheck::setEnabled(true);
    }

    void cleanupTestCase() { GuiThreadSqlCheck::setEnabled(false); }

    void cleanup()
    {
        // Whatever the test did, the GUI thread never prepared a statement.
        const QStringList hits = GuiThreadSqlCheck::take();
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("SQL on the GUI thread:\n") + hits.join(QLatin1Char('\n'))));
    }

    void everyWrittenKindIsRegistered()
    {
        MainWindow w;
        QSet<QString> written;
        for (const Written &r : std::as_const(m_written))
            written.insert(r.kind);
        QVERIFY(!written.isEmpty());
        for (const QString &k : std::as_const(written)) {
            const auto kind = LinkKinds::parse(k);
            QVERIFY2(kind, qPrintable(QStringLiteral("written kind %1 is not in LinkKinds").arg(k)));
            QVERIFY2(w.linkRegistry().contains(*kind), qPrintable(QStringLiteral("no pane shows %1").arg(k)));
        }
        // The case exercises every kind the engine stores, so the next test opens each.
        int stored = 0;
        for (const LinkKindInfo &k : LinkKinds::all())
            if (k.storedByEngine) {
                ++stored;
                QVERIFY2(written.contains(k.name), qPrintable(QStringLiteral("the case has no %1 reference").arg(k.name)));
            }
        QCOMPARE(stored, 9);
    }

    void everyWrittenLinkOpensTheRightRow()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(waitAll(w));
        // Up to three references of each kind from findings (as the
        // Findings pane links them) and one from events (as the timeline does).
        QHash<QString, int> fromFindings, fromEvents;
        int opened = 0;
        for (const Written &r : std::as_const(m_written)) {
            EvidenceLink link;
            if (r.findingId) {
                if (fromFindings[r.kind]++ >= 3)
                    continue;
                const QList<EvidenceLink> links = w.findingsPane()->linksOf(r.findingId);
                QVERIFY(!links.isEmpty());
                for (const EvidenceLink &l : links)
                    if (l.kind == r.kind && (l.target == QString::number(r.id) || r.kind == QLatin1String("task")
                                             || l.target.startsWith(QString::number(r.id) + QLatin1Char('@'))))
                        link = l;
                if (r.kind == QLatin1String("task")) {
                    // The stable form: HOST/SNAPSHOT/TID.
                    const Unchecked unchecked;
                    const auto cf = truth();
                    SqliteStatement st = cf->db().prepare(QStringLiteral(
                        "SELECT h.name, t.snapshot_id, t.tid FROM procfs_tasks t JOIN procfs_snapshots s ON s.id = t.snapshot_id "
                        "JOIN hosts h ON h.id = s.host_id WHERE t.id = ?"));
                    st.bind(1, r.id);
                    QVERIFY(st.step());
                    link = {};
                    for (const EvidenceLink &l : links)
                        if (l.target == QStringLiteral("%1/%2/%3").arg(st.text(0)).arg(st.int64(1)).arg(st.int64(2)))
                            link = l;
                }
            } else {
                if (fromEvents[r.kind]++ >= 1)
                    continue;
                link = EvidenceLink::fromRef(r.kind, r.id);
            }
            QVERIFY2(link.isValid(), qPrintable(QStringLiteral("finding %1: no stable link for %2:%3").arg(r.findingId).arg(r.kind).arg(r.id)));
            w.workspaceTabs()->setCurrentIndex(0);
            QVERIFY2(WorkbenchWait::openLink(w, link), qPrintable(link.text() + QStringLiteral(": ") + w.statusBar()->currentMessage()));
            verifyShown(w, r);
            if (QTest::currentTestFailed()) {
                qWarning() << "while checking" << link.text() << "from finding" << r.findingId;
                return;
            }
            ++opened;
        }
        qInfo() << "opened" << opened << "links; from findings" << fromFindings << "from events" << fromEvents;
        QVERIFY(opened >= 9);
    }

    void oldAndStableTaskFormsResolve()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(waitAll(w));
        qint64 rowId = 0;
        {
            const Unchecked unchecked;
            const auto cf = truth();
            SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT id FROM procfs_tasks WHERE snapshot_id = ? AND tid = 14439"));
            st.bind(1, m_case.secondSnapshot);
            QVERIFY(st.step());
            rowId = st.int64(0);
        }
        auto open = [&](const QString &target) {
            EvidenceLink l;
            l.kind = QStringLiteral("task");
            l.target = target;
            return WorkbenchWait::openLink(w, l);
        };
        ProcessesPane *p = w.processesPane();
        auto shownTid = [p] {
            const QModelIndex src = p->proxy()->mapToSource(p->view()->currentIndex());
            return src.isValid() ? p->model()->task(src.row()).tid : qint64(-1);
        };
        // [[task:ROW]] as findings wrote it (was resolved as a tid: "not found").
        QVERIFY(open(QString::number(rowId)));
        QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), m_case.secondSnapshot, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(shownTid(), qint64(14439), kTimeoutMs);
        // [[task:HOST/TID]]: that host's latest snapshot, not the newest of the case (nfs-1's decoy).
        QVERIFY(open(QStringLiteral("web-3/14437")));
        QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), m_case.secondSnapshot, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(shownTid(), qint64(14437), kTimeoutMs);
        // [[task:SNAPSHOT/TID]] and the stable [[task:HOST/SNAPSHOT/TID]].
        QVERIFY(open(QStringLiteral("%1/14450").arg(m_case.firstSnapshot)));
        QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), m_case.firstSnapshot, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(shownTid(), qint64(14450), kTimeoutMs);
        QVERIFY(open(QStringLiteral("nfs-1/%1/14437").arg(m_decoySnapshot)));
        QTRY_COMPARE_WITH_TIMEOUT(p->snapshotBox()->currentData().toLongLong(), m_decoySnapshot, kTimeoutMs);
        // A host and snapshot that do not belong together, and a tid not in the snapshot: refused, said why.
        QVERIFY(!open(QStringLiteral("web-3/%1/14437").arg(m_decoySnapshot)));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("not in this case")));
        QVERIFY(!open(QStringLiteral("web-3/%1/99999").arg(m_case.firstSnapshot)));
        EvidenceLink bogus;
        bogus.kind = QStringLiteral("no-such-kind");
        bogus.target = QStringLiteral("1");
        QVERIFY(!w.openLink(bogus));
    }

    void auditLogChecksOnlyNewEntries()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        AuditLogPane *a = w.auditLogPane();
        QVERIFY(WorkbenchWait::loaded(a->loader()));
        const int before = a->model()->rowCount();
        QVERIFY(before > 0);
        QCOMPARE(a->hashedEntries(), qint64(before)); // the whole chain, once
        QVERIFY(a->chainLabel()->text().contains(QStringLiteral("intact")));
        // An audited edit appends one entry: only that one is hashed.
        CaseInfo info;
        {
            const Unchecked unchecked;
            info = truth()->info();
        }
        info.summary = QStringLiteral("edited by the links test");
        QVERIFY(w.saveCaseInfo(info));
        QVERIFY(WorkbenchWait::settled(w.session()));
        QTRY_VERIFY_WITH_TIMEOUT(a->model()->rowCount() > before, kTimeoutMs);
        QVERIFY(WorkbenchWait::loaded(a->loader()));
        QCOMPARE(a->hashedEntries(), qint64(a->model()->rowCount())); // the old ones not again
        QVERIFY(a->chainLabel()->text().contains(QStringLiteral("intact")));
    }
};

QTEST_MAIN(LinksTest)
#include "LinksTest.moc"
