#include "TestEnv.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/SchemaMigrations.h"
#include "casefile/SqliteStatement.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Builds a case file at every earlier schema version, fills it with data of
// that version, and checks that opening migrates it forward with the data kept.
class MigrationTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString makeCaseAtVersion(int version)
    {
        const QString p = m_dir.filePath(QStringLiteral("v%1.casebook").arg(version));
        SqliteDatabase db(p, SqliteDatabase::Mode::Create);
        db.exec(QStringLiteral("PRAGMA application_id=%1").arg(CaseFileValidator::kApplicationId));
        CaseFile::migrate(db, version);
        db.exec(QStringLiteral(
            "INSERT INTO case_info(id, uuid, title, created_us, modified_us) VALUES (1, 'u-%1', 'old case v%1', 1, 2);"
            "INSERT INTO hosts(name, first_seen_us, last_seen_us) VALUES ('web-3', 1, 1);"
            "INSERT INTO collections(host_id, kind, started_us, status) VALUES (1, 'procfs', 5, 'complete');"
            "%3"
            "INSERT INTO artifacts(collection_id, host_id, kind, name, size, sha256, complete, created_us) "
            "  VALUES (1, 1, 'file', 'ps.txt', 5, '%2', 1, 6);"
            "INSERT INTO artifact_chunks(artifact_id, seq, data) VALUES (1, 0, CAST('hello' AS BLOB));"
            "INSERT INTO notes(title, body, created_us, modified_us) VALUES ('n', 'kept', 1, 1);")
                    .arg(version)
                    .arg(QString::fromLatin1(QCryptographicHash::hash("hello", QCryptographicHash::Sha256).toHex()))
                    .arg(version >= 8 ? QStringLiteral("UPDATE collections SET uuid = 'u-%1/1/5';").arg(version) : QString()));
        AuditLog(db).append(QStringLiteral("create"), QStringLiteral("case"));
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        QVERIFY(SchemaMigrations::latestVersion() >= 2);
        QCOMPARE(int(SchemaMigrations::all().size()), SchemaMigrations::latestVersion());
        int expected = 1;
        for (const SchemaMigration &m : SchemaMigrations::all())
            QCOMPARE(m.version, expected++); // contiguous, ordered
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < SchemaMigrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, version);
        const QString p = makeCaseAtVersion(version);

        // Read-only: migrated in memory, the file stays at its version.
        {
            QFile f(p);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray before = f.readAll();
            auto ro = CaseFile::open(p, CaseFile::Access::ReadOnly);
            QCOMPARE(ro->schemaVersion(), SchemaMigrations::latestVersion());
            QCOMPARE(ro->info().title, QStringLiteral("old case v%1").arg(version));
            ro.reset();
            f.seek(0);
            QCOMPARE(f.readAll(), before);
        }

        auto cf = CaseFile::open(p, CaseFile::Access::ReadWrite);
        QCOMPARE(cf->originalSchemaVersion(), version);
        QCOMPARE(cf->schemaVersion(), SchemaMigrations::latestVersion());
        QCOMPARE(cf->info().title, QStringLiteral("old case v%1").arg(version));
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT body FROM notes")), QStringLiteral("kept"));
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM artifact_chunks")), 1);
        const auto audit = AuditLog(cf->db()).entries();
        QCOMPARE(audit.last().action, QStringLiteral("migrate"));
        QCOMPARE(audit.last().details.value(QStringLiteral("from")).toInt(), version);
        QCOMPARE(AuditLog(cf->db()).verifyChain(), 0);
        // Every table of the latest schema exists.
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) >= 9);
        // Schema 8: the collection got its identity, derived from the case's
        // uuid, its id and start time (the same in every copy made before).
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT uuid FROM collections WHERE id = 1")), QStringLiteral("u-%1/1/5").arg(version));
        // Schema 9 rebuilt collections (the 'partial' status): every row and
        // every reference to it kept.
        QCOMPARE(cf->db().queryText(QStringLiteral("SELECT status FROM collections WHERE id = 1")), QStringLiteral("complete"));
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
        cf->db().exec(QStringLiteral("UPDATE collections SET status = 'partial' WHERE id = 1"));
        QCOMPARE(CollectionStore(cf->db()).byId(1)->status, CollectionRecord::Status::Partial);
    }

    void newCollectionsGetDistinctUuids()
    {
        auto cf = CaseFile::create(m_dir.filePath(QStringLiteral("fresh.casebook")), QStringLiteral("fresh"));
        CollectionStore cs(cf->db());
        cs.begin(0, QStringLiteral("import"), QStringLiteral("a"));
        cs.begin(0, QStringLiteral("import"), QStringLiteral("b"));
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(DISTINCT uuid) FROM collections WHERE length(uuid) = 36")), 2);
    }
};

QTEST_GUILESS_MAIN(MigrationTest)
#include "MigrationTest.moc"
