// The panes on a case made by the engine: navigator, evidence viewers with
// Casebook's syntax definitions, findings jumping to evidence, notes with
// links that are followed. Every model and proxy runs under
// QAbstractItemModelTester.
#include "SampleCase.h"
#include "TestEnv.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "app/MainWindow.h"
#include "audit/AuditLogPane.h"
#include "casefile/AuditHead.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/AuditLog.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "evidence/EvidenceText.h"
#include "evidence/EvidenceViewer.h"
#include "evidence/SyntaxRepository.h"
#include "findings/FindingsModel.h"
#include "findings/FindingsPane.h"
#include "navigator/NavigatorModel.h"
#include "navigator/NavigatorPane.h"
#include "notes/NoteEditor.h"
#include "notes/NoteHistoryModel.h"
#include "notes/NoteHistoryView.h"
#include "notes/NotesModel.h"
#include "notes/NotesPane.h"
#include "WorkbenchWait.h"
#include "util/FilterLineEdit.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

using Tester = QAbstractItemModelTester;

class PanesTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;

    static EvidenceViewer *waitLoaded(EvidenceViewer *v)
    {
        if (v && v->isLoading()) {
            QSignalSpy spy(v, &EvidenceViewer::loaded);
            spy.wait(10000);
        }
        return v;
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

    void shippedSyntaxDefinitionsLoad()
    {
        auto &repo = SyntaxRepository::instance();
        for (const char *name : {"Strace", "Kernel Log", "Kernel Stack"}) {
            const auto def = repo.definitionForName(QLatin1String(name));
            QVERIFY2(def.isValid(), name);
            QVERIFY(def.filePath().startsWith(SyntaxRepository::customSearchPath()));
        }
        QCOMPARE(SyntaxRepository::definitionFor(QStringLiteral("strace-log"), QStringLiteral("x")).name(), QStringLiteral("Strace"));
        QCOMPARE(SyntaxRepository::definitionFor(QStringLiteral("kernel-log"), QStringLiteral("x")).name(), QStringLiteral("Kernel Log"));
        QVERIFY(repo.definitionForName(QStringLiteral("Markdown")).isValid());
    }

    void evidenceTextIsPlainAndSafe()
    {
        const EvidenceText bin = EvidenceText::fromBytes(QByteArray("\x7f" "ELF\0\0\x01", 7), 7);
        QVERIFY(bin.binary);
        QVERIFY(bin.text.startsWith(QStringLiteral("00000000  7f 45 4c 46")));
        const EvidenceText txt = EvidenceText::fromBytes(QByteArray("<b>bold</b> \xff\xfe ok\n"), 18);
        QVERIFY(!txt.binary);
        QVERIFY(txt.text.contains(QStringLiteral("<b>bold</b>"))); // shown literally
        QVERIFY(txt.text.contains(QChar::ReplacementCharacter));
        const EvidenceText clipped = EvidenceText::fromBytes(QByteArray("abc"), 1000);
        QVERIFY(clipped.clipped);
    }

    void navigatorShowsHostsCollectionsEvidence()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NavigatorModel *m = w.navigatorPane()->model();
        Tester t(m, Tester::FailureReportingMode::QtTest);
        const QModelIndex web = m->find(QStringLiteral("host"), m_case.webHost);
        QVERIFY(web.isValid());
        QCOMPARE(web.data().toString(), QStringLiteral("web-3"));
        QCOMPARE(m->rowCount(web), 3); // kernel-log, strace, procfs
        const QModelIndex art = m->find(QStringLiteral("artifact"), m_case.straceArtifact);
        QVERIFY(art.isValid());
        QCOMPARE(art.parent().parent(), web);
        QVERIFY(m->find(QStringLiteral("note"), m_case.note).isValid());
        // The failed collection on nfs-1 shows its status.
        const QModelIndex nfs = m->find(QStringLiteral("host"), m_case.nfsHost);
        QVERIFY(m->index(0, 0, nfs).data().toString().contains(QStringLiteral("failed")));

        // View raw: opens a viewer tab highlighted with the strace definition.
        QVERIFY(w.navigatorPane()->select(QStringLiteral("artifact"), m_case.straceArtifact));
        QSignalSpy opened(&w, &MainWindow::linkOpened);
        w.navigatorPane()->viewRaw();
        QVERIFY(opened.wait(20000)); // the link is resolved off the GUI thread
        auto *v = waitLoaded(qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget()));
        QVERIFY(v);
        QCOMPARE(v->artifactId(), m_case.straceArtifact);
        QCOMPARE(v->text().toUtf8(), SampleCase::straceLog());
        QCOMPARE(v->definitionName(), QStringLiteral("Strace"));

        // Verify hash: recomputed off the GUI thread, matches.
        QSignalSpy verified(w.navigatorPane(), &NavigatorPane::hashVerified);
        w.navigatorPane()->verifyHash();
        QVERIFY(verified.wait(10000));
        QCOMPARE(verified.at(0).at(0).toLongLong(), m_case.straceArtifact);
        QVERIFY(verified.at(0).at(1).toBool());

        // Export: the exact bytes, and an audit entry.
        const QString out = m_dir.filePath(QStringLiteral("exported.txt"));
        QSignalSpy exported(w.navigatorPane(), &NavigatorPane::artifactExported);
        w.navigatorPane()->exportArtifact(out);
        QVERIFY(exported.wait(10000));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), SampleCase::straceLog());

        // A binary artifact is shown as a hex dump, never interpreted.
        auto *bin = waitLoaded(w.openArtifact(m_case.binaryArtifact));
        QVERIFY(bin->text().startsWith(QStringLiteral("00000000  70 68 70 2d")));
        // A kernel stack gets the stack definition.
        auto *stack = waitLoaded(w.openArtifact(m_case.stackArtifact));
        QCOMPARE(stack->definitionName(), QStringLiteral("Kernel Stack"));
    }

    void findingsJumpToEvidence()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        FindingsPane *pane = w.findingsPane();
        Tester t1(pane->model(), Tester::FailureReportingMode::QtTest);
        Tester t2(pane->proxy(), Tester::FailureReportingMode::QtTest);
        QCOMPARE(pane->model()->rowCount(), 2);
        // Sorted by severity: the critical one first.
        QCOMPARE(pane->proxy()->index(0, FindingsModel::Severity).data().toString(), QStringLiteral("critical"));
        QVERIFY(pane->selectFinding(m_case.hungFinding));
        QSignalSpy opened(&w, &MainWindow::linkOpened);
        pane->activateCurrent();
        QVERIFY(opened.wait(20000));
        auto *v = waitLoaded(qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget()));
        QVERIFY(v);
        QCOMPARE(v->artifactId(), m_case.stackArtifact); // first evidence of the finding
        // The filter narrows the table (debounced; flush for the test).
        auto *filter = pane->findChild<FilterLineEdit *>();
        filter->setText(QStringLiteral("lockd"));
        filter->flush();
        QCOMPARE(pane->proxy()->rowCount(), 1);
    }

    // A finding a later analysis superseded stays in the pane, greyed and
    // last, and a link to it still lands on its row, which names its successor.
    void supersededFindingStillResolves()
    {
        const QString path = m_dir.filePath(QStringLiteral("superseded.casebook"));
        qint64 old = 0, successor = 0;
        {
            auto cf = CaseFile::create(path, QStringLiteral("superseded"));
            const qint64 c = CollectionStore(cf->db()).begin(0, QStringLiteral("procfs"), QStringLiteral("fixture"));
            FindingStore first(cf->db());
            Finding f;
            f.collectionId = c;
            f.kind = QStringLiteral("d-state-summary");
            f.severity = QStringLiteral("high");
            f.title = QStringLiteral("1 task(s) in D");
            old = first.add(f);
            FindingStore rerun(cf->db());
            QCOMPARE(rerun.supersedeFor(c, {f.kind}), 1);
            f.title = QStringLiteral("0 task(s) in D");
            f.severity = QStringLiteral("low");
            successor = rerun.add(f);
        }
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(path));
        QVERIFY(WorkbenchWait::idle(w));
        FindingsPane *pane = w.findingsPane();
        Tester t1(pane->model(), Tester::FailureReportingMode::QtTest);
        Tester t2(pane->proxy(), Tester::FailureReportingMode::QtTest);
        QCOMPARE(pane->proxy()->rowCount(), 2);
        // The current one first, though its severity is lower.
        QCOMPARE(pane->proxy()->index(0, FindingsModel::Title).data(FindingsModel::FindingIdRole).toLongLong(), successor);
        QVERIFY(WorkbenchWait::openLink(w, EvidenceLink::fromRef(QStringLiteral("finding"), old)));
        const QModelIndex cur = pane->view()->currentIndex();
        QCOMPARE(cur.data(FindingsModel::FindingIdRole).toLongLong(), old);
        QVERIFY(cur.data(FindingsModel::SupersededRole).toBool());
        QVERIFY(cur.siblingAtColumn(FindingsModel::Title).data().toString().contains(QStringLiteral("superseded")));
        const QString html = pane->findChild<QTextBrowser *>()->toHtml();
        QVERIFY2(html.contains(QStringLiteral("casebook:finding/%1").arg(successor)), qPrintable(html));
    }

    void noteWithLinkIsFollowed()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NotesPane *notes = w.notesPane();
        Tester t1(notes->model(), Tester::FailureReportingMode::QtTest);
        Tester t2(notes->proxy(), Tester::FailureReportingMode::QtTest);
        const qint64 id = WorkbenchWait::newNote(notes, QStringLiteral("Lock theory"));
        QVERIFY(id > 0);
        notes->tagsEdit()->setText(QStringLiteral("nfs, lockd"));
        emit notes->tagsEdit()->textEdited(notes->tagsEdit()->text());
        QTest::keyClicks(notes->editor(), QStringLiteral("Blocked: see [[finding:%1]] now").arg(m_case.lockdFinding));
        QVERIFY(WorkbenchWait::saveNow(notes, w.session()));
        const Note saved = *NoteStore(w.session()->caseFile()->db()).byId(id);
        QCOMPARE(saved.tags, QStringList({QStringLiteral("nfs"), QStringLiteral("lockd")}));
        QVERIFY(saved.body.contains(QStringLiteral("[[finding:%1]]").arg(m_case.lockdFinding)));
        QCOMPARE(notes->editor()->definitionName(), QStringLiteral("Markdown"));

        // Follow the link from the editor (Ctrl+Enter on it).
        QTextCursor c = notes->editor()->textCursor();
        c.setPosition(int(saved.body.indexOf(QStringLiteral("[[finding"))) + 3);
        notes->editor()->setTextCursor(c);
        QSignalSpy opened(&w, &MainWindow::linkOpened);
        QTest::keyClick(notes->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(opened.wait(20000)); // resolved off the GUI thread
        const QModelIndex cur = w.findingsPane()->view()->currentIndex();
        QCOMPARE(cur.data(FindingsModel::FindingIdRole).toLongLong(), m_case.lockdFinding);
        QCOMPARE(notes->editor()->toPlainText(), saved.body); // Ctrl+Enter did not insert a line

        // The rendered preview has a clickable link to the same evidence.
        notes->showPreview();
        const QString html = notes->preview()->toHtml();
        QVERIFY2(html.contains(QStringLiteral("casebook:finding/%1").arg(m_case.lockdFinding)), qPrintable(html));
        // Follow a link from the preview: the strace artifact of the sample note.
        QVERIFY(notes->selectNote(m_case.note));
        notes->showPreview();
        emit notes->preview()->anchorClicked(EvidenceLink::fromRef(QStringLiteral("artifact"), m_case.straceArtifact).url());
        QVERIFY(opened.wait(20000));
        auto *v = waitLoaded(qobject_cast<EvidenceViewer *>(w.workspaceTabs()->currentWidget()));
        QVERIFY(v);
        QCOMPARE(v->artifactId(), m_case.straceArtifact);

        // Filter by tag.
        auto *filter = notes->findChild<FilterLineEdit *>();
        filter->setText(QStringLiteral("#lockd"));
        filter->flush();
        QCOMPARE(notes->proxy()->rowCount(), 1);
    }

    void evidenceViewerGoesToLine()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        // Asked while still loading: applied once the text is there.
        EvidenceViewer *v = w.openArtifact(m_case.straceArtifact);
        QVERIFY(v);
        QVERIFY(v->goToLine(3));
        waitLoaded(v);
        auto *text = v->findChild<QPlainTextEdit *>();
        QCOMPARE(text->textCursor().blockNumber(), 2);
        QCOMPARE(text->extraSelections().size(), 1);
        QCOMPARE(text->textCursor().block().text(), v->text().split(QLatin1Char('\n')).at(2));
        // Already loaded: immediate; out of range: refused, cursor kept.
        QVERIFY(v->goToLine(1));
        QCOMPARE(text->textCursor().blockNumber(), 0);
        QVERIFY(!v->goToLine(100000));
        QVERIFY(!v->goToLine(0));
        QCOMPARE(text->textCursor().blockNumber(), 0);
    }

    void noteHistoryShowsEveryVersionAndRestores()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(m_path));
        QVERIFY(WorkbenchWait::idle(w));
        NotesPane *notes = w.notesPane();
        Tester t(notes->history()->model(), Tester::FailureReportingMode::QtTest);
        const qint64 id = WorkbenchWait::newNote(notes, QStringLiteral("Who holds the lock"));
        QVERIFY(id > 0);
        QTest::keyClicks(notes->editor(), QStringLiteral("php-fpm waits in flock"));
        QTest::keyClick(notes->editor(), Qt::Key_Return);
        QTest::keyClicks(notes->editor(), QStringLiteral("holder unknown"));
        QVERIFY(WorkbenchWait::saveNow(notes, w.session()));
        const QString first = notes->editor()->toPlainText();
        notes->editor()->setPlainText(QStringLiteral("php-fpm waits in flock\nholder is cron on web-2\n<script>x</script>"));
        QVERIFY(WorkbenchWait::saveNow(notes, w.session()));

        QSignalSpy loaded(notes, &NotesPane::historyLoaded);
        notes->showHistory();
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        NoteHistoryModel *m = notes->history()->model();
        QCOMPARE(m->rowCount(), 3); // created (empty), first text, second text; newest first
        QCOMPARE(m->index(0, NoteHistoryModel::Change).data().toString(), QStringLiteral("edited"));
        QCOMPARE(m->index(2, NoteHistoryModel::Change).data().toString(), QStringLiteral("created"));
        QCOMPARE(m->index(0, NoteHistoryModel::Lines).data().toString(), QStringLiteral("+2 −1"));
        // The newest change is selected and shown as a diff, as plain text.
        const QString diff = notes->history()->diffView()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("- holder unknown")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("+ holder is cron on web-2")), qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("+ <script>x</script>")));
        QVERIFY(!notes->history()->restoreButton()->isEnabled()); // the newest is the current text

        // Restore the first text: a new audited edit, the note's text again.
        notes->history()->table()->selectRow(1);
        QVERIFY(notes->history()->restoreButton()->isEnabled());
        loaded.clear();
        notes->history()->restoreButton()->click();
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        QCOMPARE(NoteStore(w.session()->caseFile()->db()).byId(id)->body, first);
        QCOMPARE(notes->editor()->toPlainText(), first);
        QCOMPARE(m->rowCount(), 4);
        QCOMPARE(AuditLog(w.session()->caseFile()->db()).verifyChain(), qint64(0));
    }

    // Verify Case: the findings of casectl verify, and the head, off the GUI thread.
    void auditPaneVerifiesCase()
    {
        const QString copy = m_dir.filePath(QStringLiteral("verify.casebook"));
        QVERIFY(QFile::copy(m_path, copy));
        {
            MainWindow w;
            w.setQuiet(true);
            QVERIFY(w.openCase(copy));
            QVERIFY(WorkbenchWait::idle(w));
            AuditLogPane *pane = w.auditLogPane();
            const AuditHead head = AuditHead::of(w.session()->caseFile()->db());
            QVERIFY2(pane->chainLabel()->text().contains(head.hash), qPrintable(pane->chainLabel()->text()));
            QSignalSpy verified(pane, &AuditLogPane::caseVerified);
            pane->findChild<QPushButton *>(QStringLiteral("auditVerifyCase"))->click();
            QVERIFY(verified.wait(20000));
            QVERIFY2(verified.at(0).at(0).toBool(), qPrintable(verified.at(0).at(1).toString()));
            QVERIFY(pane->verifyResult()->toPlainText().startsWith(QStringLiteral("Verified: ")));
            QVERIFY(pane->verifyResult()->toPlainText().contains(QStringLiteral("--expect-head %1:%2").arg(head.entries).arg(head.hash)));
        }
        // The strace log's bytes and its artifacts row rewritten together, as with the sqlite3 CLI.
        const QByteArray forged("14437 15:05:01.103101 exit_group(0) = ?\n");
        {
            SqliteDatabase db(copy, SqliteDatabase::Mode::ReadWrite);
            db.prepare(QStringLiteral("DELETE FROM artifact_chunks WHERE artifact_id = ? AND seq > 0")).bind(1, m_case.straceArtifact).exec();
            db.prepare(QStringLiteral("UPDATE artifact_chunks SET data = ? WHERE artifact_id = ?")).bindBlob(1, forged).bind(2, m_case.straceArtifact).exec();
            db.prepare(QStringLiteral("UPDATE artifacts SET sha256 = ?, size = ? WHERE id = ?"))
                .bind(1, QString::fromLatin1(QCryptographicHash::hash(forged, QCryptographicHash::Sha256).toHex()))
                .bind(2, qint64(forged.size())).bind(3, m_case.straceArtifact).exec();
        }
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.openCase(copy));
        QVERIFY(WorkbenchWait::idle(w));
        QSignalSpy verified(w.auditLogPane(), &AuditLogPane::caseVerified);
        w.auditLogPane()->verifyCase();
        QVERIFY(verified.wait(20000));
        QCOMPARE(verified.at(0).at(0).toBool(), false);
        const QString text = w.auditLogPane()->verifyResult()->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("VERIFICATION FAILED:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("artifact %1 (").arg(m_case.straceArtifact)) && text.contains(QStringLiteral("its artifacts row was rewritten to match them")),
                 qPrintable(text));
        // The navigator's Verify Hash makes the same check.
        QVERIFY(w.navigatorPane()->select(QStringLiteral("artifact"), m_case.straceArtifact));
        QSignalSpy hash(w.navigatorPane(), &NavigatorPane::hashVerified);
        w.navigatorPane()->verifyHash();
        QVERIFY(hash.wait(10000));
        QCOMPARE(hash.at(0).at(1).toBool(), false);
        QVERIFY2(hash.at(0).at(2).toString().contains(QStringLiteral("does NOT match what was recorded")), qPrintable(hash.at(0).at(2).toString()));
    }

    void linksParseAndRender()
    {
        const auto links = EvidenceLink::parseAll(QStringLiteral("a [[finding:12]] b [[task:web-3/123]] [[bad]] [[x:]]"));
        QCOMPARE(links.size(), 2);
        QCOMPARE(links[1].kind, QStringLiteral("task"));
        QCOMPARE(links[1].target, QStringLiteral("web-3/123"));
        QCOMPARE(EvidenceLink::fromUrl(links[1].url()).target, QStringLiteral("web-3/123"));
        QVERIFY(EvidenceLink::toMarkdownLinks(QStringLiteral("[[note:3]]")).contains(QStringLiteral("(casebook:note/3)")));
    }
};

QTEST_MAIN(PanesTest)
#include "PanesTest.moc"
