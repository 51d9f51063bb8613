// The workbench shell, offscreen: create / open / edit / save a case, recent
// cases, drag and drop, the welcome page, `casebook --version`.
#include "SampleCase.h"
#include "TestEnv.h"
#include "WorkbenchWait.h"
#include "app/CaseInfoDialog.h"
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "app/RecentCases.h"
#include "audit/AuditLogModel.h"
#include "audit/AuditLogPane.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/NoteStore.h"
#include "notes/NoteEditor.h"
#include "notes/NotesPane.h"
#include "welcome/WelcomePage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

class MainWindowTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("CasebookTest"));
        QCoreApplication::setApplicationName(QStringLiteral("casebook-test"));
    }

    void versionPrints()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(TestEnv::binDir() + QStringLiteral("/casebook"), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(p.readAllStandardOutput().contains(CASEBOOK_VERSION), "version missing");
    }

    void startsOnWelcomePage()
    {
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.isShowingWelcome());
        QVERIFY(w.welcomePage()->newButton()->isEnabled());
        QVERIFY(w.welcomePage()->collectButton()->text().contains(QStringLiteral("This Machine")));
        QCOMPARE(w.windowTitle(), QStringLiteral("Casebook"));
    }

    void createEditSaveReopen()
    {
        const QString p = path(QStringLiteral("edit.casebook"));
        {
            MainWindow w;
            w.setQuiet(true);
            QVERIFY(w.createCase(p, QStringLiteral("Envoy tasks in D")));
            QVERIFY(!w.isShowingWelcome());
            QTRY_VERIFY_WITH_TIMEOUT(w.windowTitle().contains(QStringLiteral("Envoy tasks in D")), 20000); // read off the GUI thread

            // Edit the metadata through the dialog's widgets, then save it.
            CaseInfoDialog dlg(w.session()->caseFile()->info());
            dlg.titleEdit()->setText(QStringLiteral("Envoy stuck in flush_work"));
            dlg.summaryEdit()->setPlainText(QStringLiteral("inotify release waits on synchronize_srcu"));
            dlg.severityBox()->setCurrentText(QStringLiteral("sev2"));
            dlg.statusBox()->setCurrentText(QStringLiteral("investigating"));
            QVERIFY(w.saveCaseInfo(dlg.info()));
            QVERIFY(WorkbenchWait::settled(w.session()));
            QTRY_VERIFY_WITH_TIMEOUT(w.windowTitle().contains(QStringLiteral("Envoy stuck in flush_work")), 20000);

            // The audit log pane shows the edit (loaded off the GUI thread).
            QVERIFY(WorkbenchWait::idle(w));
            AuditLogModel *audit = w.auditLogPane()->model();
            QAbstractItemModelTester t1(audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester t2(w.auditLogPane()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            bool sawEdit = false;
            for (int r = 0; r < audit->rowCount(); ++r)
                sawEdit |= audit->entry(r).action == QLatin1String("edit");
            QVERIFY(sawEdit);

            // Save a copy: a consistent, openable case file.
            const QString copy = path(QStringLiteral("copy.casebook"));
            QVERIFY(w.saveCopyAs(copy));
            QVERIFY(WorkbenchWait::settled(w.session()));
            QVERIFY(!w.saveCopyAs(copy)); // refuses to overwrite
            auto c = CaseFile::open(copy, CaseFile::Access::ReadOnly);
            QCOMPARE(c->info().title, QStringLiteral("Envoy stuck in flush_work"));
            w.closeCase();
            QVERIFY(w.isShowingWelcome());
        }
        QCOMPARE(RecentCases::list().value(0), QFileInfo(p).absoluteFilePath());
        MainWindow w;
        w.setQuiet(true);
        QCOMPARE(w.welcomePage()->recentList()->item(0)->data(Qt::UserRole).toString(), QFileInfo(p).absoluteFilePath());
        QVERIFY(w.openCase(p));
        QVERIFY(WorkbenchWait::idle(w));
        const CaseInfo info = w.session()->caseFile()->info();
        QCOMPARE(info.title, QStringLiteral("Envoy stuck in flush_work"));
        QCOMPARE(info.summary, QStringLiteral("inotify release waits on synchronize_srcu"));
        QCOMPARE(info.severity, QStringLiteral("sev2"));
        QCOMPARE(info.status, QStringLiteral("investigating"));
    }

    void openRefusesForeignFile()
    {
        const QString p = path(QStringLiteral("not-a-case.casebook"));
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a case file\n");
        f.close();
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(!w.openCase(p));
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY(w.isShowingWelcome());
        QVERIFY(!RecentCases::list().contains(QFileInfo(p).absoluteFilePath()));
    }

    // Opening a file that is not a case (or a hostile one) while a case is
    // open leaves that case open, with its edits.
    void openingABadFileKeepsTheOpenCase()
    {
        const QString good = path(QStringLiteral("kept-open.casebook"));
        const QString bad = path(QStringLiteral("not-a-case-either.casebook"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SQLite format 3? no\n");
        f.close();
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(good, QStringLiteral("kept open")));
        const qint64 id = WorkbenchWait::newNote(w.notesPane(), QStringLiteral("still here"));
        QVERIFY(id > 0);
        QVERIFY(!w.openCase(bad));
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY(w.session()->isOpen());
        QVERIFY(w.session()->isWritable());
        QCOMPARE(QFileInfo(w.session()->path()), QFileInfo(good));
        QVERIFY(!w.isShowingWelcome());
        QVERIFY(w.notesPane()->selectNote(id));
    }

    void dropOpensCase()
    {
        const QString p = path(QStringLiteral("dropped.casebook"));
        SampleCase::build(p);
        MainWindow w;
        w.setQuiet(true);
        w.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(p)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        QVERIFY(w.session()->isOpen());
        QCOMPARE(QFileInfo(w.session()->path()), QFileInfo(p));
    }

    void commandLineOpensCase()
    {
        // `casebook CASE` starts with the case open: run the real binary
        // offscreen and have it quit once the window is up.
        const QString p = path(QStringLiteral("cli.casebook"));
        SampleCase::build(p);
        QProcess proc;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("CASEBOOK_QUIT_AFTER_OPEN"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("cli-config")));
        proc.setProcessEnvironment(env);
        proc.start(TestEnv::binDir() + QStringLiteral("/casebook"), {p});
        QVERIFY(proc.waitForFinished(60000));
        QCOMPARE(proc.exitCode(), 0);
        QVERIFY2(proc.readAllStandardOutput().contains("opened php-fpm stuck in D on NFSv3 flock"), "case not opened");
    }

    void writingNoteAutosavesWithHistory()
    {
        const QString p = path(QStringLiteral("notes.casebook"));
        MainWindow w;
        w.setQuiet(true);
        QVERIFY(w.createCase(p, QStringLiteral("notes")));
        NotesPane *notes = w.notesPane();
        const qint64 id = WorkbenchWait::newNote(notes, QStringLiteral("first"));
        QVERIFY(id > 0);
        QTest::keyClicks(notes->editor(), QStringLiteral("blocked in flock"));
        QVERIFY(notes->hasUnsavedChanges());
        QSignalSpy saved(notes, &NotesPane::saved);
        QVERIFY(saved.wait(5000)); // autosave after the typing pause
        QCOMPARE(NoteStore(w.session()->caseFile()->db()).byId(id)->body, QStringLiteral("blocked in flock"));
        QTest::keyClicks(notes->editor(), QStringLiteral(" on NFS"));
        w.save(); // Ctrl+S saves at once
        QVERIFY(WorkbenchWait::settled(w.session()));
        QCOMPARE(NoteStore(w.session()->caseFile()->db()).byId(id)->body, QStringLiteral("blocked in flock on NFS"));
        int edits = 0;
        for (const AuditLog::Entry &e : AuditLog(w.session()->caseFile()->db()).entries())
            if (e.action == QLatin1String("note-edit") && e.target == QStringLiteral("note:%1").arg(id))
                ++edits;
        QCOMPARE(edits, 2); // history: every saved version
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
