#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "casefile/SchemaMigrations.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class CaseFileTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray fileBytes(const QString &p)
    {
        QFile f(p);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    void expectOpenError(const QString &p, const QString &fragment)
    {
        const QByteArray before = fileBytes(p);
        try {
            CaseFile::open(p, CaseFile::Access::ReadWrite);
            QFAIL("opening should have failed");
        } catch (const CaseError &e) {
            QVERIFY2(e.message().contains(fragment), qPrintable(e.message()));
        }
        QCOMPARE(fileBytes(p), before); // never modified
        QVERIFY(!QFile::exists(p + QStringLiteral("-wal")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void createSetsHeaderAndMetadata()
    {
        const QString p = path(QStringLiteral("new.casebook"));
        {
            auto cf = CaseFile::create(p, QStringLiteral("  NFS hang on web-3 "));
            QCOMPARE(cf->schemaVersion(), SchemaMigrations::latestVersion());
            QCOMPARE(cf->info().title, QStringLiteral("NFS hang on web-3"));
            QCOMPARE(cf->db().queryInt(QStringLiteral("PRAGMA application_id")), qint64(CaseFileValidator::kApplicationId));
            QCOMPARE(cf->db().queryText(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
            QCOMPARE(AuditLog(cf->db()).entries().first().action, QStringLiteral("create"));
        }
        // Closed: back to a single file.
        QVERIFY(!QFile::exists(p + QStringLiteral("-wal")));
        QVERIFY_THROWS_EXCEPTION(CaseError, CaseFile::create(p, QStringLiteral("again")));
        auto ro = CaseFile::open(p, CaseFile::Access::ReadOnly);
        QCOMPARE(ro->info().severity, QStringLiteral("unknown"));
    }

    void editMetadataIsAudited()
    {
        const QString p = path(QStringLiteral("edit.casebook"));
        auto cf = CaseFile::create(p, QStringLiteral("t"));
        CaseInfo i = cf->info();
        i.title = QStringLiteral("Envoy tasks in D");
        i.severity = QStringLiteral("sev2");
        i.status = QStringLiteral("investigating");
        i.incidentStartUs = 1'700'000'000'000'000;
        cf->updateInfo(i);
        const CaseInfo back = cf->info();
        QCOMPARE(back.title, i.title);
        QCOMPARE(back.severity, QStringLiteral("sev2"));
        QCOMPARE(back.incidentStartUs, i.incidentStartUs);
        const auto entries = AuditLog(cf->db()).entries();
        QCOMPARE(entries.last().action, QStringLiteral("edit"));
        QCOMPARE(entries.last().details.value(QStringLiteral("severity")).toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("sev2"));
        i.severity = QStringLiteral("catastrophic");
        QVERIFY_THROWS_EXCEPTION(CaseError, cf->updateInfo(i));
        i.severity = QStringLiteral("sev2");
        i.incidentEndUs = i.incidentStartUs - 1;
        QVERIFY_THROWS_EXCEPTION(CaseError, cf->updateInfo(i));
    }

    void artifactsAreChunkedAndHashed()
    {
        const QString p = path(QStringLiteral("art.casebook"));
        auto cf = CaseFile::create(p, QStringLiteral("t"));
        const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("web-3"));
        CollectionStore cs(cf->db());
        const qint64 col = cs.begin(host, QStringLiteral("file"), QStringLiteral("cat /proc/meminfo"));
        QByteArray payload;
        for (int i = 0; i < 5000; ++i)
            payload += "line " + QByteArray::number(i) + " \x00\xff binary\n";
        ArtifactWriter w(cf->db(), {col, host, QStringLiteral("file"), QStringLiteral("meminfo"), QStringLiteral("/proc/meminfo")}, 4096);
        for (qsizetype off = 0; off < payload.size(); off += 777)
            w.append(QByteArrayView(payload).sliced(off, qMin<qsizetype>(777, payload.size() - off)));
        const QString hex = w.finish();
        cs.finish(col, CollectionRecord::Status::Complete);
        QCOMPARE(hex, QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex()));
        ArtifactReader r(cf->db());
        QCOMPARE(r.readAll(w.id()), payload);
        QCOMPARE(r.info(w.id())->size, payload.size());
        QVERIFY(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM artifact_chunks")) > 10);
        QVERIFY(CaseVerifier(cf->db()).verify().ok());
        QCOMPARE(cs.byId(col)->status, CollectionRecord::Status::Complete);

        // Tampering with a chunk is caught by verify.
        cf->db().exec(QStringLiteral("UPDATE artifact_chunks SET data = x'00' WHERE seq = 3"));
        const auto report = CaseVerifier(cf->db()).verify();
        QCOMPARE(report.mismatches(), 1);
        QVERIFY(!report.ok());
    }

    void auditLogIsAppendOnlyAndChained()
    {
        const QString p = path(QStringLiteral("audit.casebook"));
        auto cf = CaseFile::create(p, QStringLiteral("t"));
        AuditLog log(cf->db());
        log.append(QStringLiteral("import"), QStringLiteral("artifact:1"), {{QStringLiteral("x"), 1}});
        log.append(QStringLiteral("export"), QStringLiteral("case"));
        QCOMPARE(log.verifyChain(), 0);
        QVERIFY_THROWS_EXCEPTION(CaseError, cf->db().exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory'")));
        QVERIFY_THROWS_EXCEPTION(CaseError, cf->db().exec(QStringLiteral("DELETE FROM audit_log")));
        // Someone with raw SQLite access drops the triggers and edits a row.
        cf->db().exec(QStringLiteral("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET target = 'x' WHERE id = 2"));
        QCOMPARE(log.verifyChain(), 2);
    }

    void findingsNotesHosts()
    {
        auto cf = CaseFile::create(path(QStringLiteral("f.casebook")), QStringLiteral("t"));
        HostStore hosts(cf->db());
        const qint64 h = hosts.ensure(QStringLiteral("db-1"));
        QCOMPARE(hosts.ensure(QStringLiteral("db-1")), h);
        HostRecord rec = *hosts.byId(h);
        rec.hostkeyType = QStringLiteral("ssh-ed25519");
        rec.hostkeySha256 = QStringLiteral("SHA256:abc");
        rec.kernel = QStringLiteral("6.1.0");
        hosts.update(rec);
        QCOMPARE(hosts.byName(QStringLiteral("db-1"))->hostkeySha256, QStringLiteral("SHA256:abc"));

        FindingStore fs(cf->db());
        Finding f;
        f.hostId = h;
        f.kind = QStringLiteral("blocker-candidate");
        f.severity = QStringLiteral("high");
        f.title = QStringLiteral("kworker in synchronize_srcu");
        f.evidence = {{QStringLiteral("task"), 42, QStringLiteral("kworker/u4:3")}};
        const qint64 low = fs.add({0, h, 0, QStringLiteral("x"), QStringLiteral("low"), QStringLiteral("minor"), {}, 0, 0, {}, {}});
        const qint64 id = fs.add(f);
        const auto list = fs.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().id, id); // high before low
        QCOMPARE(list.last().id, low);
        QCOMPARE(fs.byId(id)->evidence.first().refId, 42);

        NoteStore ns(cf->db());
        Note n;
        n.title = QStringLiteral("first look");
        n.body = QStringLiteral("see [[finding:%1]]").arg(id);
        n.tags = {QStringLiteral("root-cause")};
        const qint64 nid = ns.create(n);
        n.id = nid;
        QVERIFY(!ns.update(n)); // unchanged: no-op
        n.body += QStringLiteral("\nmore");
        QVERIFY(ns.update(n));
        QCOMPARE(ns.byId(nid)->tags, QStringList{QStringLiteral("root-cause")});
        const auto audit = AuditLog(cf->db()).entries();
        QCOMPARE(audit.last().action, QStringLiteral("note-edit"));
        QCOMPARE(audit.last().details.value(QStringLiteral("previous_body")).toString(), QStringLiteral("see [[finding:%1]]").arg(id));
    }

    void foreignFilesAreRefusedUntouched()
    {
        const QString text = path(QStringLiteral("notes.txt"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("just some text, not a database\n");
        t.close();
        expectOpenError(text, QStringLiteral("not an SQLite database"));

        const QString other = path(QStringLiteral("other.sqlite"));
        {
            SqliteDatabase db(other, SqliteDatabase::Mode::Create);
            db.exec(QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 3;"));
        }
        expectOpenError(other, QStringLiteral("not a Casebook case file"));

        const QString empty = path(QStringLiteral("empty.casebook"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        expectOpenError(empty, QStringLiteral("not an SQLite database"));
    }

    void newerSchemaIsRefusedUntouched()
    {
        const QString p = path(QStringLiteral("future.casebook"));
        { auto cf = CaseFile::create(p, QStringLiteral("from the future")); }
        {
            SqliteDatabase db(p, SqliteDatabase::Mode::ReadWrite);
            db.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaMigrations::latestVersion() + 7));
        }
        expectOpenError(p, QStringLiteral("newer Casebook"));
        QVERIFY_THROWS_EXCEPTION(CaseError, CaseFile::open(p, CaseFile::Access::ReadOnly));
    }

    void corruptFileIsRefusedUntouched()
    {
        const QString p = path(QStringLiteral("corrupt.casebook"));
        {
            auto cf = CaseFile::create(p, QStringLiteral("to be damaged"));
            ArtifactWriter w(cf->db(), {0, 0, QStringLiteral("file"), QStringLiteral("big"), {}});
            w.append(QByteArray(400000, 'x'));
            w.finish();
        }
        // Overwrite a run of pages in the middle of the file with garbage,
        // keeping the header (so the application_id still matches).
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 64 * 1024);
        const QDateTime closedAt = f.fileTime(QFileDevice::FileModificationTime);
        f.seek(4096);
        f.write(QByteArray(16384, '\xA5'));
        QVERIFY(f.flush());
        // Damage arrives later than Casebook's own last write (the same-tick
        // case is the third one below, where the schema page is hit).
        QVERIFY(f.setFileTime(closedAt.addSecs(2), QFileDevice::FileModificationTime));
        f.close();
        expectOpenError(p, QStringLiteral("damaged"));

        // Truncated to half its size.
        {
            auto cf = CaseFile::create(path(QStringLiteral("t2.casebook")), QStringLiteral("t"));
            ArtifactWriter w(cf->db(), {0, 0, QStringLiteral("file"), QStringLiteral("big"), {}});
            w.append(QByteArray(300000, 'y'));
            w.finish();
        }
        QFile t2(path(QStringLiteral("t2.casebook")));
        QVERIFY(t2.open(QIODevice::ReadWrite));
        t2.resize(t2.size() / 2);
        t2.close();
        expectOpenError(path(QStringLiteral("t2.casebook")), QStringLiteral("damaged"));

        // Damaged behind the fingerprint's back: a file Casebook closed cleanly
        // (so it is "familiar" and skips the integrity check) is overwritten
        // with its size and modification time kept, as happens when the
        // change lands in the same clock tick. Opening must still say damaged.
        const QString p3 = path(QStringLiteral("t3.casebook"));
        { auto cf = CaseFile::create(p3, QStringLiteral("familiar")); }
        QVERIFY(CaseFileValidator::isFamiliar(p3));
        QFile t3(p3);
        QVERIFY(t3.open(QIODevice::ReadWrite));
        const QDateTime mtime = t3.fileTime(QFileDevice::FileModificationTime);
        t3.seek(100); // keep the 100-byte header, garble the schema page
        t3.write(QByteArray(3996, '\x5A'));
        QVERIFY(t3.flush());
        QVERIFY(t3.setFileTime(mtime, QFileDevice::FileModificationTime));
        t3.close();
        QVERIFY(CaseFileValidator::isFamiliar(p3));
        expectOpenError(p3, QStringLiteral("damaged"));
    }

    void secondConnectionWhileOpen()
    {
        // While one connection holds the case in WAL mode, the schema version
        // may live only in the WAL: another connection must still open it.
        const QString p = path(QStringLiteral("shared.casebook"));
        auto writer = CaseFile::create(p, QStringLiteral("shared"));
        QVERIFY(QFile::exists(p + QStringLiteral("-wal")));
        auto reader = CaseFile::open(p, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        QCOMPARE(reader->info().title, QStringLiteral("shared"));
        auto second = CaseFile::open(p, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
        QCOMPARE(second->schemaVersion(), SchemaMigrations::latestVersion());
    }

    void readOnlyOpenNeverWrites()
    {
        const QString p = path(QStringLiteral("ro.casebook"));
        { auto cf = CaseFile::create(p, QStringLiteral("t")); }
        const QByteArray before = fileBytes(p);
        {
            auto cf = CaseFile::open(p, CaseFile::Access::ReadOnly);
            QVERIFY(cf->isReadOnly());
            QVERIFY_THROWS_EXCEPTION(CaseError, cf->updateInfo(cf->info()));
        }
        QCOMPARE(fileBytes(p), before);
    }
};

QTEST_GUILESS_MAIN(CaseFileTest)
#include "CaseFileTest.moc"
