// A hostile case file is data, never code. Each tests/data/hostile-cases/*.sql
// makes a fresh case hostile in one way; Casebook (the engine and casectl)
// must refuse it with a one-line error naming the object and leave it
// byte-for-byte unchanged. Values read from a case are bounded before use.
#include "CaseChecks.h"
#include "TestEnv.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "timeline/TimelineFilter.h"
#include "timeline/TimelineQuery.h"
#include "util/CancelToken.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>


namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path); // no connection to this file is open in this process here
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QStringList caseFileSet(const QString &path)
{
    QStringList present;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            present << QLatin1String(suffix);
    return present;
}

}

class HostileCaseTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void refusedAndUnchanged_data()
    {
        QTest::addColumn<QString>("script");
        const QDir dir(TestEnv::dataDir() + QStringLiteral("/hostile-cases"));
        const QStringList scripts = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QVERIFY2(scripts.size() >= 6, "the hostile-case classes are all there");
        for (const QString &s : scripts)
            QTest::newRow(qPrintable(s)) << dir.filePath(s);
    }

    void refusedAndUnchanged()
    {
        QFETCH(QString, script);
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString sql = QString::fromUtf8(f.readAll());
        const QString firstLine = sql.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(firstLine.startsWith(QLatin1String("-- expect: ")), "each script names what the refusal says");
        const QString expected = firstLine.mid(11);

        const QString p = m_dir.filePath(QFileInfo(script).completeBaseName() + QStringLiteral(".casebook"));
        CaseFile::create(p, QStringLiteral("soon hostile"));
        {
            SqliteDatabase raw(p, SqliteDatabase::Mode::ReadWrite);
            raw.exec(sql);
            raw.exec(QStringLiteral("PRAGMA journal_mode=DELETE")); // one file, so its bytes say it all
        }
        const QByteArray before = fileHash(p);
        const QStringList filesBefore = caseFileSet(p);
        QVERIFY(!before.isEmpty());

        for (auto access : {CaseFile::Access::ReadWrite, CaseFile::Access::ReadOnly}) {
            try {
                CaseFile::open(p, access);
                QFAIL("a hostile case was opened");
            } catch (const CaseError &e) {
                QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
                QVERIFY2(!e.message().contains(QLatin1Char('\n')), "one line");
            }
        }
        // casectl: reading and writing commands alike, each in bounded time.
        const QList<QStringList> commands = {
            {QStringLiteral("info"), p},
            {QStringLiteral("notes"), p, QStringLiteral("--add"), QStringLiteral("must not run the trigger")},
            {QStringLiteral("verify"), p},
        };
        for (const QStringList &args : commands) {
            const CasectlResult r = runCasectl(args, 60000);
            QVERIFY2(r.exitCode == 1, qPrintable(args.first() + QStringLiteral(": ") + QString::fromUtf8(r.err)));
            QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        }
        QCOMPARE(fileHash(p), before);
        QCOMPARE(caseFileSet(p), filesBefore);
    }

    // A kernel-log time of [9223372036854.775000] (and other extremes) stored
    // in a case: the timeline's queries stay bounded in time and memory.
    void extremeTimesAreBounded()
    {
        const QString p = m_dir.filePath(QStringLiteral("times.casebook"));
        CaseFile::create(p, QStringLiteral("extreme times"));
        {
            SqliteDatabase raw(p, SqliteDatabase::Mode::ReadWrite);
            raw.exec(QStringLiteral(
                "INSERT INTO events(at_us, kind, source, summary) VALUES "
                "(9223372036854775000, 'kernel', 'kernel-log', 'max'), (-9223372036854775807, 'kernel', 'kernel-log', 'min'), "
                "(1700000000000000, 'kernel', 'kernel-log', 'real')"));
        }
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        TimelineQuery q(cf->db());
        const auto [from, to] = q.extent();
        QVERIFY(from >= TimeUtil::kEarliestUs);
        QVERIFY(to <= TimeUtil::kLatestUs + 1);
        const TimelineQuery::Overview ov = q.overview(TimelineFilter{}, 2000, CancelToken());
        QVERIFY(ov.toUs > ov.fromUs);
        const TimelineQuery::Overview stored = q.summaryOverview(TimelineFilter{}, TimelineQuery::kHourUs, 2000, CancelToken());
        QVERIFY(stored.toUs >= stored.fromUs);
        QVERIFY(stored.histogram.buckets() <= 2001);
        // Several GB of buckets used to be allocated here: the peak stays small.
        QVERIFY2(CaseChecks::peakRssKiB() < 512 * 1024, qPrintable(QString::number(CaseChecks::peakRssKiB())));
    }

    // A long query started by a user action can be interrupted.
    void longQueryIsInterrupted()
    {
        const QString p = m_dir.filePath(QStringLiteral("long.casebook"));
        CaseFile::create(p, QStringLiteral("long query"));
        auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
        QElapsedTimer t;
        t.start();
        cf->db().setInterruptCheck([&t] { return t.elapsed() > 300; });
        try {
            cf->db().queryInt(QStringLiteral(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"));
            QFAIL("an endless query ended");
        } catch (const CaseError &e) {
            QCOMPARE(e.message(), QStringLiteral("interrupted"));
        }
        QVERIFY(t.elapsed() < 10000);
        cf->db().setInterruptCheck({});
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT 42")), qint64(42));
    }
};

QTEST_GUILESS_MAIN(HostileCaseTest)
#include "HostileCaseTest.moc"
