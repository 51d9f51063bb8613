// The timeline's windowed queries in the engine (engine/timeline) over the
// sample case: overview, windows, filters, stored per-lane counts kept by
// every write (import, merge, migration), histogram resampling, markers.
#include "SampleCase.h"
#include "TestEnv.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/EventStore.h"
#include "casefile/HostStore.h"
#include "casefile/SchemaMigrations.h"
#include "casefile/SqliteStatement.h"
#include "importers/ImporterCatalog.h"
#include "sharing/CaseMerger.h"
#include "timeline/MarkerStore.h"
#include "timeline/TimelineQuery.h"
#include "util/CaseError.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TimelineQueryTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    SampleCase m_case;

    // The stored per-lane counts (timeline_counts) as "width/bucket/host/source=n"
    // lines, and the same computed from the events themselves.
    static QStringList storedCounts(SqliteDatabase &db)
    {
        return rows(db, QStringLiteral("SELECT width_us, bucket, host_id, source, n FROM timeline_counts "
                                       "ORDER BY width_us, bucket, host_id, source"));
    }
    static QStringList fullCounts(SqliteDatabase &db)
    {
        QStringList out;
        for (const qint64 w : {TimelineQuery::kMinuteUs, TimelineQuery::kHourUs})
            out += rows(db, QStringLiteral("SELECT %1, (at_us - ((at_us % %1) + %1) % %1) / %1 AS b, coalesce(host_id, 0) AS h, "
                                           "source, count(*) FROM events GROUP BY b, h, source ORDER BY b, h, source").arg(w));
        return out;
    }
    static QStringList rows(SqliteDatabase &db, const QString &sql)
    {
        QStringList out;
        SqliteStatement st = db.prepare(sql);
        while (st.step())
            out << QStringLiteral("%1/%2/%3/%4=%5").arg(st.int64(0)).arg(st.int64(1)).arg(st.int64(2)).arg(st.text(3)).arg(st.int64(4));
        return out;
    }
    static TimelineEvent event(qint64 hostId, qint64 atUs, const QString &source, const QString &summary)
    {
        TimelineEvent e;
        e.hostId = hostId;
        e.atUs = atUs;
        e.kind = QStringLiteral("test");
        e.source = source;
        e.summary = summary;
        return e;
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
        // 5 kernel events + 3 snapshots + 1 marker + 2 findings + 4 collections + 1 note.
        QCOMPARE(ov.histogram.total(), quint64(16));
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
        const auto onHost = q.items(ov.fromUs, ov.toUs, host, 100);
        QVERIFY(!onHost.isEmpty());
        for (const TimelineItem &it : onHost)
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

    void storedCountsFollowEveryWrite()
    {
        const QString p = m_dir.filePath(QStringLiteral("counts.casebook"));
        auto cf = CaseFile::create(p, QStringLiteral("counts"));
        SqliteDatabase &db = cf->db();
        QVERIFY(storedCounts(db).isEmpty());
        const qint64 h1 = HostStore(db).ensure(QStringLiteral("web-1"));
        const qint64 h2 = HostStore(db).ensure(QStringLiteral("web-2"));
        // Inserts across minute and hour edges, before 1970 too, with and without a host.
        QList<TimelineEvent> batch;
        const qint64 base = 1790000000LL * 1000000;
        for (int i = 0; i < 500; ++i)
            batch << event(i % 3 == 0 ? 0 : (i % 3 == 1 ? h1 : h2), base + qint64(i) * 37000001LL - 3600LL * 1000000 * (i % 5),
                           i % 2 ? QStringLiteral("kernel-log") : QStringLiteral("strace"), QStringLiteral("e%1").arg(i));
        batch << event(h1, -1, QStringLiteral("odd"), QStringLiteral("one before the epoch"))
              << event(h1, -60000000, QStringLiteral("odd"), QStringLiteral("exactly a minute before"))
              << event(h1, 0, QStringLiteral("odd"), QStringLiteral("the epoch"));
        EventStore(db).addAll(batch);
        QCOMPARE(storedCounts(db), fullCounts(db));
        QVERIFY(storedCounts(db).size() > 20);
        // Markers (insert and delete), an update that moves events, deletes of whole lanes.
        MarkerStore markers(db);
        const qint64 m = markers.add(base + 5, QStringLiteral("marker-detection"), QStringLiteral("pager"));
        QCOMPARE(storedCounts(db), fullCounts(db));
        markers.remove(m);
        db.exec(QStringLiteral("UPDATE events SET at_us = at_us + 90000000, host_id = NULL WHERE id % 7 = 0"));
        db.exec(QStringLiteral("UPDATE events SET source = 'renamed' WHERE id % 11 = 0"));
        db.exec(QStringLiteral("DELETE FROM events WHERE source = 'strace'"));
        QCOMPARE(storedCounts(db), fullCounts(db));
        db.exec(QStringLiteral("DELETE FROM events"));
        QVERIFY(storedCounts(db).isEmpty()); // no rows of zero left behind
    }

    void storedCountsAfterImportMergeAndMigration()
    {
        // Import: the strace importer's analysis writes events.
        const QString mine = m_dir.filePath(QStringLiteral("counts-mine.casebook"));
        QFile::copy(m_path, mine);
        {
            auto cf = CaseFile::open(mine, CaseFile::Access::ReadWrite);
            const QString log = TestEnv::dataDir() + QStringLiteral("/strace/seed004-php-fpm-f.strace");
            auto importer = ImporterCatalog::detect(log);
            QVERIFY(importer);
            ImportRequest req;
            req.caseFile = cf.get();
            req.hostId = m_case.webHost;
            req.paths = {log};
            const qint64 before = EventStore(cf->db()).count();
            const ImportResult r = importer->import(req, CancelToken());
            QVERIFY2(r.ok, qPrintable(r.error));
            QVERIFY(EventStore(cf->db()).count() > before);
            QCOMPARE(storedCounts(cf->db()), fullCounts(cf->db()));
        }
        // Merge: another case's events arrive through the merger (its own
        // stored counts are not copied: they would count twice).
        const QString theirs = m_dir.filePath(QStringLiteral("counts-theirs.casebook"));
        {
            auto cf = CaseFile::create(theirs, QStringLiteral("theirs"));
            const qint64 h = HostStore(cf->db()).ensure(QStringLiteral("db-7"));
            QList<TimelineEvent> batch;
            for (int i = 0; i < 50; ++i)
                batch << event(i % 2 ? h : 0, m_case.baseUs + qint64(i) * 61000000LL, QStringLiteral("kernel-log"), QStringLiteral("t%1").arg(i));
            EventStore(cf->db()).addAll(batch);
        }
        {
            auto cf = CaseFile::open(mine, CaseFile::Access::ReadWrite);
            const qint64 before = EventStore(cf->db()).count();
            const auto result = CaseMerger(*cf).merge(theirs);
            QCOMPARE(EventStore(cf->db()).count(), before + 50);
            QVERIFY(!result.tables.contains(QStringLiteral("timeline_counts")));
            QCOMPARE(storedCounts(cf->db()), fullCounts(cf->db()));
            // Merging the same again adds nothing and counts nothing twice.
            CaseMerger(*cf).merge(theirs);
            QCOMPARE(EventStore(cf->db()).count(), before + 50);
            QCOMPARE(storedCounts(cf->db()), fullCounts(cf->db()));
        }
        // Migration: a case of schema 6 with events gets its counts built.
        const QString old = m_dir.filePath(QStringLiteral("counts-v6.casebook"));
        {
            SqliteDatabase db(old, SqliteDatabase::Mode::Create);
            db.exec(QStringLiteral("PRAGMA application_id=%1").arg(CaseFileValidator::kApplicationId));
            CaseFile::migrate(db, 6);
            db.exec(QStringLiteral(
                "INSERT INTO case_info(id, uuid, title, created_us, modified_us) VALUES (1, 'u-v6', 'old', 1, 2);"
                "INSERT INTO hosts(name, first_seen_us, last_seen_us) VALUES ('web-3', 1, 1);"
                "WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x < 999) "
                "INSERT INTO events(host_id, at_us, kind, source, summary) "
                "  SELECT CASE x % 2 WHEN 0 THEN 1 ELSE NULL END, 1790000000000000 + x * 7777777 - 5000000000 * (x % 3), "
                "         'k', CASE x % 3 WHEN 0 THEN 'kernel-log' ELSE 'strace' END, 'e' || x FROM i;"));
            AuditLog(db).append(QStringLiteral("create"), QStringLiteral("case"));
        }
        {
            auto cf = CaseFile::open(old, CaseFile::Access::ReadWrite);
            QCOMPARE(cf->originalSchemaVersion(), 6);
            QCOMPARE(cf->schemaVersion(), SchemaMigrations::latestVersion());
            QCOMPARE(EventStore(cf->db()).count(), qint64(1000));
            QCOMPARE(storedCounts(cf->db()), fullCounts(cf->db()));
            // And the triggers keep it so afterwards.
            EventStore(cf->db()).add(event(1, 1790000000000000LL, QStringLiteral("strace"), QStringLiteral("late")));
            QCOMPARE(storedCounts(cf->db()), fullCounts(cf->db()));
        }
    }

    void summaryOverviewAgreesWithFullPass()
    {
        auto cf = CaseFile::open(m_path, CaseFile::Access::ReadOnly);
        TimelineQuery q(cf->db());
        const auto full = q.overview({}, 4096, CancelToken());
        QVERIFY(!full.lanes.isEmpty());
        for (const qint64 w : {TimelineQuery::kMinuteUs, TimelineQuery::kHourUs}) {
            const auto sum = q.summaryOverview({}, w, 4096, CancelToken());
            QCOMPARE(sum.fromUs, full.fromUs);
            QCOMPARE(sum.toUs, full.toUs);
            QCOMPARE(sum.histogram.total(), full.histogram.total());
            QCOMPARE(sum.resolutionUs, w);
            QCOMPARE(sum.lanes.size(), full.lanes.size());
            for (int i = 0; i < full.lanes.size(); ++i)
                QVERIFY(sum.lanes[i] == full.lanes[i]);
            // Buckets are the stored ones: aligned, exactly w wide.
            QCOMPARE(sum.histogram.fromUs() % w, qint64(0));
            QCOMPARE((sum.histogram.toUs() - sum.histogram.fromUs()) / sum.histogram.buckets(), w);
        }
        // Host and source filters are answered from the stored counts too.
        TimelineFilter host;
        host.hostIds = {m_case.webHost};
        TimelineFilter src;
        src.sources = {QStringLiteral("kernel-log"), QStringLiteral("note")};
        for (const TimelineFilter &f : {host, src}) {
            QVERIFY(TimelineQuery::servesFilter(f));
            QCOMPARE(q.summaryOverview(f, TimelineQuery::kMinuteUs, 4096, CancelToken()).histogram.total(),
                     q.overview(f, 4096, CancelToken()).histogram.total());
        }
        TimelineFilter text;
        text.text = QStringLiteral("lockd");
        QVERIFY(!TimelineQuery::servesFilter(text));
        // A long case: buckets widen to a multiple of the stored width.
        const auto capped = q.summaryOverview({}, TimelineQuery::kMinuteUs, 3, CancelToken());
        QVERIFY(capped.histogram.buckets() <= 4);
        QCOMPARE(capped.resolutionUs % TimelineQuery::kMinuteUs, qint64(0));
        QCOMPARE(capped.histogram.total(), full.histogram.total());
    }

    void resampleSpreadsWideBuckets()
    {
        // One bucket of 100 items over [0, 1000): zoomed in to [0, 500) in 10
        // columns, it draws as a flat bar of the half inside, not a spike.
        TimelineHistogram h(0, 1000, 1, 1);
        h.addToBucket(0, 0, 100);
        const TimelineHistogram r = h.resample(0, 500, 10);
        QCOMPARE(r.total(), quint64(50));
        for (int b = 0; b < 10; ++b)
            QCOMPARE(r.count(0, b), quint32(5));
        // Zoomed out, whole buckets land in one column each.
        TimelineHistogram fine(0, 1000, 100, 1);
        for (int i = 0; i < 1000; i += 3)
            fine.add(0, i);
        QCOMPARE(fine.resample(-500, 1500, 7).total(), fine.total());
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
};

QTEST_GUILESS_MAIN(TimelineQueryTest)
#include "TimelineQueryTest.moc"
