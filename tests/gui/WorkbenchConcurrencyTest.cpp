// The workbench and casectl on one case at the same time, as responders use
// them: casectl collect/notes/edit/export/merge in a terminal while one or two
// workbench windows add notes and markers. Afterwards the case is sound and
// everything written by anyone is there, in an unbroken audit chain.
#include "CaseChecks.h"
#include "TestEnv.h"
#include "WorkbenchWait.h"
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "notes/NoteEditor.h"
#include "notes/NotesModel.h"
#include "notes/NotesPane.h"
#include "timeline/TimelinePane.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

qint64 count(const QString &path, const QString &sql)
{
    auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    return cf->db().queryInt(sql, -1);
}

bool modelHasTitle(NotesPane *notes, const QString &title)
{
    for (int r = 0; r < notes->model()->rowCount(); ++r)
        if (notes->model()->index(r, 0).data().toString() == title)
            return true;
    return false;
}

}

class WorkbenchConcurrencyTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString newCase(const QString &name)
    {
        const QString p = m_dir.filePath(name);
        const CasectlResult r = runCasectl({QStringLiteral("new"), p, QStringLiteral("--title"), name});
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return p;
    }

    static void checkSound(const QString &path)
    {
        const QString problems = CaseChecks::soundnessProblems(path);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    // Workbench open -> casectl note -> workbench marker -> casectl note ->
    // quit: all three are in the case, and the workbench showed the first
    // casectl note by itself.
    void exactSequence()
    {
        const QString p = newCase(QStringLiteral("sequence.casebook"));
        {
            MainWindow w;
            w.setQuiet(true);
            QVERIFY(w.openCase(p));
            QVERIFY(WorkbenchWait::idle(w));
            CasectlResult r = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("from casectl 1")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            // Other processes' writes show within about a second.
            QTRY_VERIFY_WITH_TIMEOUT(modelHasTitle(w.notesPane(), QStringLiteral("from casectl 1")), 3000);

            QSignalSpy placed(w.timelinePane(), &TimelinePane::markerPlaced);
            w.timelinePane()->placeMarker(1700000000000000, QStringLiteral("marker-detection"), QStringLiteral("from the workbench"));
            QVERIFY(placed.wait(10000));
            QVERIFY2(CaseChecks::deletedDescriptors(p).isEmpty(), qPrintable(CaseChecks::deletedDescriptors(p).join(QLatin1Char('\n'))));

            r = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("from casectl 2")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(CaseChecks::deletedDescriptors(p).isEmpty(), qPrintable(CaseChecks::deletedDescriptors(p).join(QLatin1Char('\n'))));
            w.close(); // quit
        }
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM notes WHERE title IN ('from casectl 1', 'from casectl 2')")), qint64(2));
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM events WHERE source = 'marker' AND summary = 'from the workbench'")),
                 qint64(1));
        checkSound(p);
        QVERIFY2(!QFileInfo::exists(p + QStringLiteral("-wal")), "closed by everyone: one self-contained file again");
    }

    // Many rounds: two workbench windows on the case (one process), each
    // adding and editing notes and placing markers, while casectl collects,
    // adds and edits notes, edits the case, exports and merges in parallel.
    void stressWithTwoWindowsAndCasectlWriters()
    {
        const QString p = newCase(QStringLiteral("stress.casebook"));
        const QString other = newCase(QStringLiteral("colleague.casebook"));
        QVERIFY(runCasectl({QStringLiteral("notes"), other, QStringLiteral("--add"), QStringLiteral("colleague note")}).exitCode == 0);
        constexpr int kRounds = 8;

        // casectl writers in a terminal: each a shell loop of real commands.
        const QString ctl = TestEnv::casectlPath();
        const QStringList scripts = {
            QStringLiteral("for i in $(seq 1 %1); do '%2' notes '%3' --add \"cli note $i\" || exit 1; done").arg(kRounds).arg(ctl, p),
            QStringLiteral("for i in 1 2 3; do '%1' collect '%2' local --procfs || exit 1; done").arg(ctl, p),
            QStringLiteral("for i in $(seq 1 %1); do '%2' edit '%3' --summary \"round $i\" || exit 1; "
                           "'%2' export '%3' '%4/export-'$i'.casebook' --force || exit 1; done")
                .arg(kRounds).arg(ctl, p, m_dir.path()),
            QStringLiteral("'%1' merge '%2' '%3'").arg(ctl, p, other),
        };
        QList<QProcess *> writers;
        for (const QString &s : scripts) {
            auto *proc = new QProcess(this);
            proc->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), s});
            QVERIFY(proc->waitForStarted());
            writers << proc;
        }

        MainWindow a, b;
        a.setQuiet(true);
        b.setQuiet(true);
        QVERIFY(a.openCase(p));
        QVERIFY(b.openCase(p));
        for (int round = 0; round < kRounds; ++round) {
            for (MainWindow *w : {&a, &b}) {
                const QString who = w == &a ? QStringLiteral("A") : QStringLiteral("B");
                NotesPane *notes = w->notesPane();
                const qint64 id = WorkbenchWait::newNote(notes, QStringLiteral("window %1 round %2").arg(who).arg(round));
                QVERIFY2(id > 0, "the note was created");
                QTest::keyClicks(notes->editor(), QStringLiteral("typed in %1").arg(who));
                QVERIFY(WorkbenchWait::saveNow(notes, w->session()));
                QSignalSpy placed(w->timelinePane(), &TimelinePane::markerPlaced);
                w->timelinePane()->placeMarker(1700000000000000 + round, QStringLiteral("marker-diagnosis"),
                                               QStringLiteral("window %1 marker %2").arg(who).arg(round));
                QVERIFY(placed.wait(30000));
            }
        }
        QCOMPARE(writers.size(), scripts.size());
        for (QProcess *proc : std::as_const(writers)) {
            QTRY_VERIFY_WITH_TIMEOUT(proc->state() == QProcess::NotRunning, 300000); // the windows keep polling meanwhile
            QVERIFY2(proc->exitStatus() == QProcess::NormalExit && proc->exitCode() == 0, proc->readAllStandardError().constData());
        }
        // Both windows saw the other processes' notes.
        QTRY_VERIFY_WITH_TIMEOUT(modelHasTitle(a.notesPane(), QStringLiteral("cli note %1").arg(kRounds)), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(modelHasTitle(b.notesPane(), QStringLiteral("window A round %1").arg(kRounds - 1)), 5000);
        QVERIFY2(CaseChecks::deletedDescriptors(p).isEmpty(), qPrintable(CaseChecks::deletedDescriptors(p).join(QLatin1Char('\n'))));
        a.close();
        b.close();

        checkSound(p);
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM notes WHERE title LIKE 'window _ round %' AND body LIKE 'typed in _'")),
                 qint64(2 * kRounds));
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM notes WHERE title LIKE 'cli note %'")), qint64(kRounds));
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM notes WHERE title = 'colleague note'")), qint64(1));
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM events WHERE source = 'marker' AND summary LIKE 'window _ marker %'")),
                 qint64(2 * kRounds));
        // 'partial' (with its gaps recorded) if a step of a snapshot hit its time limit under this load.
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM collections WHERE kind = 'procfs' AND status IN ('complete', 'partial')")),
                 qint64(3));
        QCOMPARE(count(p, QStringLiteral("SELECT summary = 'round %1' FROM case_info").arg(kRounds)), qint64(1));
        // Every writer's entries reached the audit log.
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'note-create'")), qint64(3 * kRounds));
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merge'")), qint64(1));
        QVERIFY(count(p, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'note-edit'")) >= 2 * kRounds);
        QCOMPARE(count(p, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'collect-finish'")), qint64(3));
        // The exports are sound cases too.
        checkSound(m_dir.filePath(QStringLiteral("export-%1.casebook").arg(kRounds)));
    }
};

QTEST_MAIN(WorkbenchConcurrencyTest)
#include "WorkbenchConcurrencyTest.moc"
