// Several processes and threads on one case at the same time: nothing lost,
// nothing corrupted, every writer in the audit log, lock waits bounded and
// said. Real casectl processes, a real sqlite3 holding the lock.
#include "CaseChecks.h"
#include "TestEnv.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"

#include <QDir>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace {

Note titled(const QString &title)
{
    Note n;
    n.title = title;
    return n;
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CASEBOOK_LOCK_WAIT_MS"));
    return env;
}

qint64 count(SqliteDatabase &db, const QString &sql)
{
    return db.queryInt(sql, -1);
}

void checkSound(const QString &path)
{
    const QString problems = CaseChecks::soundnessProblems(path);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QStringList noteTitles(const QString &path)
{
    auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    QStringList titles;
    for (const Note &n : NoteStore(cf->db()).all())
        titles << n.title;
    titles.sort();
    return titles;
}

}

class ConcurrencyTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString newCase(const QString &name)
    {
        const QString p = m_dir.filePath(name);
        CaseFile::create(p, QStringLiteral("concurrency"));
        return p;
    }

private slots:
    void initTestCase()
    {
        // This process's writers give up on another process's lock after
        // 30 s, half the default (read once, before the first connection;
        // the ASan build is several times slower). Inside the process they
        // queue on the case's writer gate and never meet SQLite's lock among
        // themselves, however many there are.
        qputenv("CASEBOOK_LOCK_WAIT_MS", "30000");
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    // The sequence that used to lose data: a process holds the case open
    // (as the workbench does), opens a second connection (as its reader and
    // collectors do), and casectl writes and exits in between its own writes.
    void openCaseSurvivesOtherWritersAndSecondConnections()
    {
        const QString p = newCase(QStringLiteral("sequence.casebook"));
        auto gui = CaseFile::open(p, CaseFile::Access::ReadWrite);
        auto reader = CaseFile::open(p, CaseFile::Access::ReadOnly); // validates again, in this process
        NoteStore(gui->db()).create(titled(QStringLiteral("workbench 1")));

        for (int i = 1; i <= 3; ++i) {
            const CasectlResult r = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("casectl %1").arg(i)},
                                               120000, childEnvironment());
            QVERIFY2(r.exitCode == 0, r.err.constData());
            auto another = CaseFile::open(p, CaseFile::Access::ReadOnly); // and once more, as a pane would
            QVERIFY2(CaseChecks::deletedDescriptors(p).isEmpty(), qPrintable(CaseChecks::deletedDescriptors(p).join(QLatin1Char('\n'))));
            NoteStore(gui->db()).create(titled(QStringLiteral("workbench %1").arg(i + 1)));
            // This process's reader sees the other process's note at once.
            QVERIFY(reader->db().queryInt(QStringLiteral("SELECT count(*) FROM notes WHERE title = 'casectl %1'").arg(i)) == 1);
        }
        reader.reset();
        gui.reset();
        QFileInfo wal(p + QStringLiteral("-wal"));
        QVERIFY2(!wal.exists() || wal.size() == 0, "the last connection to close leaves a self-contained file");
        checkSound(p);
        QCOMPARE(noteTitles(p), (QStringList{QStringLiteral("casectl 1"), QStringLiteral("casectl 2"), QStringLiteral("casectl 3"),
                                             QStringLiteral("workbench 1"), QStringLiteral("workbench 2"),
                                             QStringLiteral("workbench 3"), QStringLiteral("workbench 4")}));
        // Every writer's entry is in the audit log, in the order written.
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        SqliteStatement st = cf->db().prepare(QStringLiteral(
            "SELECT json_extract(details, '$.title') FROM audit_log WHERE action = 'note-create' ORDER BY id"));
        QStringList order;
        while (st.step())
            order << st.text(0);
        QCOMPARE(order, (QStringList{QStringLiteral("workbench 1"), QStringLiteral("casectl 1"), QStringLiteral("workbench 2"),
                                     QStringLiteral("casectl 2"), QStringLiteral("workbench 3"), QStringLiteral("casectl 3"),
                                     QStringLiteral("workbench 4")}));
    }

    // 64 threads of one process write evidence at once while two casectl
    // processes add notes: no thread may lose its collection to a lock, even
    // with a short lock wait (CASEBOOK_LOCK_WAIT_MS, set below for this process).
    void manyThreadsAndProcessesLoseNothing()
    {
        const QString p = newCase(QStringLiteral("threads.casebook"));
        constexpr int kThreads = 64;
        constexpr int kNotesPerProcess = 15;
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsMutex;

        const QProcessEnvironment childEnv = childEnvironment(); // casectl's default bound
        QList<QProcess *> writers;
        for (int w = 0; w < 2; ++w) {
            auto *proc = new QProcess(this);
            proc->setProcessEnvironment(childEnv);
            QStringList script;
            for (int i = 0; i < kNotesPerProcess; ++i)
                script << QStringLiteral("'%1' notes '%2' --add 'process %3 note %4' || exit 1")
                              .arg(TestEnv::casectlPath(), p).arg(w).arg(i);
            proc->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script.join(QLatin1Char('\n'))});
            QVERIFY(proc->waitForStarted());
            writers << proc;
        }

        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                try {
                    auto cf = CaseFile::open(p, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
                    const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("host-%1").arg(t));
                    CollectionStore collections(cf->db());
                    const qint64 col = collections.begin(host, QStringLiteral("procfs"), QStringLiteral("thread %1").arg(t));
                    for (int a = 0; a < 3; ++a) {
                        ArtifactWriter writer(cf->db(), {col, host, QStringLiteral("file"), QStringLiteral("part-%1").arg(a), {}}, 4096);
                        for (int i = 0; i < 12; ++i)
                            writer.append(QByteArray(3000, char('a' + (t + i) % 26)));
                        writer.finish();
                    }
                    collections.finish(col, CollectionRecord::Status::Complete);
                } catch (const CaseError &e) {
                    ++failures;
                    QMutexLocker l(&errorsMutex);
                    errors << e.message();
                }
            }));
            threads.back()->start();
        }
        QCOMPARE(int(threads.size()), kThreads);
        for (auto &t : threads)
            QVERIFY(t->wait(240000));
        QCOMPARE(writers.size(), 2);
        for (QProcess *proc : std::as_const(writers)) {
            QVERIFY(proc->waitForFinished(240000));
            QVERIFY2(proc->exitCode() == 0, proc->readAllStandardError().constData());
        }
        QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));

        checkSound(p);
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM collections WHERE status = 'complete'")), qint64(kThreads));
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM artifacts WHERE complete = 1 AND size = 36000")),
                 qint64(kThreads * 3));
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM notes")), qint64(2 * kNotesPerProcess));
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'collect-finish'")),
                 qint64(kThreads));
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'note-create'")),
                 qint64(2 * kNotesPerProcess));
    }

    // Another process holds the write lock (a real sqlite3 in a transaction):
    // casectl waits, says so, gives up after the bound with a message naming
    // the wait, and succeeds once the lock is free.
    void lockWaitIsBoundedAndSaid()
    {
        const QString p = newCase(QStringLiteral("locked.casebook"));
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {p});
        QVERIFY2(holder.waitForStarted(), "sqlite3 is part of the project's environment");
        // WAL, as a case open in Casebook or casectl is.
        holder.write("PRAGMA journal_mode=WAL;\nBEGIN IMMEDIATE;\nINSERT INTO events(at_us, kind, source, summary) VALUES (1, 'x', 'test', 'held');\n"
                     "SELECT 'holding';\n");
        QByteArray said;
        while (!said.contains("holding") && holder.waitForReadyRead(10000))
            said += holder.readAllStandardOutput();
        QVERIFY2(said.contains("holding"), holder.readAllStandardError().constData());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CASEBOOK_LOCK_WAIT_MS"), QStringLiteral("2500"));
        QElapsedTimer t;
        t.start();
        const CasectlResult blocked = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("while locked")},
                                                 60000, env);
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(t.elapsed() >= 2500, blocked.err.constData()); // it waited for the lock
        QVERIFY2(blocked.err.contains("waiting for locked.casebook"), blocked.err.constData());
        QVERIFY2(blocked.err.contains("locked by another writer"), blocked.err.constData());
        QVERIFY2(blocked.err.contains("nothing was written"), blocked.err.constData());

        holder.write("COMMIT;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        const CasectlResult ok = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("after the lock")}, 60000, env);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QCOMPARE(noteTitles(p), QStringList{QStringLiteral("after the lock")});
        checkSound(p);
    }

    // A path that looks like an SQLite URI is a file name, never options.
    void uriLookingPathIsAPath()
    {
        const QString name = QStringLiteral("file:evidence.casebook?mode=memory&cache=shared");
        const QString p = m_dir.filePath(name);
        const CasectlResult made = runCasectl({QStringLiteral("new"), p, QStringLiteral("--title"), QStringLiteral("uri")});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QVERIFY(QFileInfo(p).isFile());
        const CasectlResult note = runCasectl({QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("kept")});
        QVERIFY2(note.exitCode == 0, note.err.constData());
        QCOMPARE(noteTitles(p), QStringList{QStringLiteral("kept")});
        // The relative form too, from the case's directory.
        QProcess rel;
        rel.setWorkingDirectory(m_dir.path());
        rel.start(TestEnv::casectlPath(), {QStringLiteral("info"), name});
        QVERIFY(rel.waitForFinished(60000));
        QVERIFY2(rel.exitCode() == 0, rel.readAllStandardError().constData());
        QVERIFY(rel.readAllStandardOutput().contains("uri"));
    }

    // Importing or pulling the open case into itself would read it through a
    // second descriptor: refused by name.
    void openCaseIsNeverReadThroughASecondDescriptor()
    {
        const QString p = newCase(QStringLiteral("self.casebook"));
        for (const QString &kind : {QStringLiteral("strace"), QStringLiteral("pcap")}) {
            const CasectlResult r = runCasectl({QStringLiteral("import"), p, p, QStringLiteral("--kind"), kind});
            QVERIFY2(r.err.contains("a case file open in Casebook"), r.err.constData());
        }
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        QCOMPARE(count(cf->db(), QStringLiteral("SELECT count(*) FROM artifacts")), qint64(0));
        cf.reset();
        checkSound(p);
    }
};

QTEST_GUILESS_MAIN(ConcurrencyTest)
#include "ConcurrencyTest.moc"
