#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/CollectionStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

// kill -9 a real child process while it writes evidence; the case must stay a
// valid file with all completed collections intact and the interrupted one
// marked incomplete. Repeated with random kill times.
class CrashSafetyTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void killDuringWrite_data()
    {
        QTest::addColumn<int>("round");
        for (int i = 0; i < 12; ++i)
            QTest::addRow("round-%d", i) << i;
    }

    void killDuringWrite()
    {
        QFETCH(int, round);
        const QString p = m_dir.filePath(QStringLiteral("crash-%1.casebook").arg(round));
        { auto cf = CaseFile::create(p, QStringLiteral("crash test")); }

        QProcess writer;
        writer.start(TestEnv::binDir() + QStringLiteral("/casefile_writer"), {p});
        QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
        // Let it complete at least one collection, then kill it at a random moment.
        QList<qint64> completed;
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (completed.isEmpty() && t.elapsed() < 30000) {
            writer.waitForReadyRead(200);
            out += writer.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("complete "))
                    completed.append(line.mid(9).toLongLong());
        }
        QVERIFY2(!completed.isEmpty(), writer.readAllStandardError().constData());
        // Deliberately random, not synchronisation: the kill lands at an arbitrary point of the writes.
        QTest::qWait(int(QRandomGenerator::global()->bounded(5, 120)));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        out += writer.readAllStandardOutput();
        completed.clear();
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("complete "))
                completed.append(line.mid(9).toLongLong());

        auto cf = CaseFile::open(p, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Always);
        CollectionStore store(cf->db());
        const auto all = store.all();
        QVERIFY(!all.isEmpty());
        int incomplete = 0;
        for (const CollectionRecord &c : all) {
            QVERIFY2(c.status != CollectionRecord::Status::Running, "no collection may stay 'running'");
            if (completed.contains(c.id))
                QCOMPARE(c.status, CollectionRecord::Status::Complete);
            if (c.status == CollectionRecord::Status::Incomplete) {
                ++incomplete;
                QVERIFY(c.error.contains(QStringLiteral("interrupted")));
            }
        }
        // The kill lands between collections only rarely; at most one is cut.
        QVERIFY(incomplete <= 1);
        QCOMPARE(cf->recoveredCollections(), incomplete);
        const CaseVerifier::Report r = CaseVerifier(cf->db()).verify();
        QVERIFY2(r.integrityProblems.isEmpty(), qPrintable(r.integrityProblems.join(u';')));
        QCOMPARE(r.mismatches(), 0);
        QVERIFY2(r.ok(), qPrintable(r.findings().join(u'\n')));
        // The recovery recorded the partial artifacts' hashes in the audit log, like a finished collection.
        QVERIFY(r.unrecorded().isEmpty());
        // Each completed collection has its three complete artifacts.
        QVERIFY(!completed.isEmpty());
        for (qint64 id : completed)
            QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM artifacts WHERE complete = 1 AND collection_id = %1").arg(id)), 3);
    }
};

QTEST_GUILESS_MAIN(CrashSafetyTest)
#include "CrashSafetyTest.moc"
