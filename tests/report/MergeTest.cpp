#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "sharing/CaseMerger.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class MergeTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QString m_mine, m_theirs;

    CasectlResult casectl(const QStringList &args) { return runCasectl(args, 120000, m_env); }

    static qint64 count(CaseFile &cf, const QString &table)
    {
        return cf.db().queryInt(QStringLiteral("SELECT count(*) FROM ") + table);
    }

private slots:
    void initTestCase()
    {
        // A later Casebook's schema area, for this process and its casectl children.
        const QString extension = TestEnv::dataDir() + QStringLiteral("/schema-extension/merge-later-area.sql");
        qputenv("CASEBOOK_TEST_SCHEMA_EXTENSION", extension.toLocal8Bit());
        m_env.insert(QStringLiteral("CASEBOOK_TEST_SCHEMA_EXTENSION"), extension);
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        // Mine: the full fixture case. Theirs: a colleague's case with one
        // artifact identical to mine (same bytes), one new one, a finding
        // citing the new one, a note, a host of the same name, and a row in a
        // table a later schema area adds.
        m_mine = m_dir.filePath(QStringLiteral("mine.casebook"));
        ReportFixture::build(m_mine);
        m_theirs = m_dir.filePath(QStringLiteral("theirs.casebook"));
        {
        auto cf = CaseFile::create(m_theirs, QStringLiteral("colleague's view"));
        SqliteDatabase &db = cf->db();
        const qint64 host = HostStore(db).ensure(QStringLiteral("web-node-12"));
        const qint64 other = HostStore(db).ensure(QStringLiteral("web-node-13"));
        CollectionStore cs(db);
        const qint64 c = cs.begin(host, QStringLiteral("kernel-log"), QStringLiteral("dmesg -T"));
        ArtifactWriter same(db, {c, host, QStringLiteral("kernel-log"), QStringLiteral("dmesg (copy)"), {}, QStringLiteral("text/plain")});
        same.append(ReportFixture::fixture(QStringLiteral("dmesg.txt")));
        same.finish();
        ArtifactWriter fresh(db, {c, other, QStringLiteral("file"), QStringLiteral("rpc-statd status"), {}, QStringLiteral("text/plain")});
        fresh.append("rpc-statd.service - NFS status monitor for NFSv2/3 locking.\n   Loaded: loaded (/lib/systemd/system/rpc-statd.service; disabled)\n");
        fresh.finish();
        cs.finish(c, CollectionRecord::Status::Complete);
        Finding f;
        f.hostId = other;
        f.collectionId = c;
        f.kind = QStringLiteral("service-down");
        f.severity = QStringLiteral("high");
        f.title = QStringLiteral("rpc-statd disabled on web-node-13");
        f.evidence = {{QStringLiteral("artifact"), fresh.id(), QStringLiteral("systemctl status")},
                      {QStringLiteral("artifact"), same.id(), QStringLiteral("lockd lines")}};
        FindingStore(db).add(f);
        Note n;
        n.title = QStringLiteral("statd");
        n.body = QStringLiteral("Only nodes with NFS client workloads start rpc.statd.");
        n.tags = {QStringLiteral("root-cause")};
        NoteStore(db).create(n);
        }
        auto theirs = CaseFile::open(m_theirs);
        theirs->db().exec(QStringLiteral("INSERT INTO later_area_rows(host_id, artifact_id, text) VALUES (2, 2, 'from a later area')"));
    }

    void mergeAddsDeduplicatesAndMaps()
    {
        qint64 artifactsBefore, findingsBefore, notesBefore, hostsBefore;
        {
            auto cf = CaseFile::open(m_mine, CaseFile::Access::ReadOnly);
            artifactsBefore = count(*cf, QStringLiteral("artifacts"));
            findingsBefore = count(*cf, QStringLiteral("findings"));
            notesBefore = count(*cf, QStringLiteral("notes"));
            hostsBefore = count(*cf, QStringLiteral("hosts"));
        }
        const auto r = casectl({QStringLiteral("merge"), m_mine, m_theirs, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object();
        const QJsonObject tables = res.value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.value(QStringLiteral("artifacts")).toObject().value(QStringLiteral("inserted")).toInt(), 1);
        QCOMPARE(tables.value(QStringLiteral("artifacts")).toObject().value(QStringLiteral("existing")).toInt(), 1);
        QCOMPARE(tables.value(QStringLiteral("hosts")).toObject().value(QStringLiteral("inserted")).toInt(), 1);
        QCOMPARE(tables.value(QStringLiteral("later_area_rows")).toObject().value(QStringLiteral("inserted")).toInt(), 1);

        auto cf = CaseFile::open(m_mine, CaseFile::Access::ReadOnly);
        QCOMPARE(count(*cf, QStringLiteral("artifacts")), artifactsBefore + 1);
        QCOMPARE(count(*cf, QStringLiteral("findings")), findingsBefore + 1);
        QCOMPARE(count(*cf, QStringLiteral("notes")), notesBefore + 1);
        QCOMPARE(count(*cf, QStringLiteral("hosts")), hostsBefore + 1);
        // One copy of the dmesg bytes, however many cases carried it.
        const QString dmesgSha = QString::fromLatin1(QCryptographicHash::hash(ReportFixture::fixture(QStringLiteral("dmesg.txt")), QCryptographicHash::Sha256).toHex());
        SqliteStatement shaCount = cf->db().prepare(QStringLiteral("SELECT count(*) FROM artifacts WHERE sha256 = ?"));
        shaCount.bind(1, dmesgSha);
        QVERIFY(shaCount.step());
        QCOMPARE(shaCount.int64(0), qint64(1));
        // The merged finding cites the merged artifacts by their new ids, on the right host.
        const auto merged = FindingStore(cf->db()).list(0, QStringLiteral("service-down"));
        QCOMPARE(merged.size(), 1);
        QCOMPARE(HostStore(cf->db()).byId(merged.first().hostId)->name, QStringLiteral("web-node-13"));
        QCOMPARE(merged.first().evidence.size(), 2);
        ArtifactReader reader(cf->db());
        QVERIFY(reader.readAll(merged.first().evidence.at(0).refId).startsWith("rpc-statd.service"));
        QCOMPARE(reader.info(merged.first().evidence.at(1).refId)->sha256, dmesgSha);
        // Later-area rows keep pointing at the right rows.
        SqliteStatement later = cf->db().prepare(QStringLiteral(
            "SELECT h.name, a.name FROM later_area_rows l JOIN hosts h ON h.id = l.host_id JOIN artifacts a ON a.id = l.artifact_id"));
        QVERIFY(later.step());
        QCOMPARE(later.text(0), QStringLiteral("web-node-13"));
        QCOMPARE(later.text(1), QStringLiteral("rpc-statd status"));
        // Recorded in the audit log; the case still verifies.
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merge'")), 1);
        const QString details = cf->db().queryText(QStringLiteral("SELECT details FROM audit_log WHERE action = 'merge'"));
        QVERIFY(details.contains(QLatin1String("source_uuid")) && details.contains(QLatin1String("source_audit_head")));
        QCOMPARE(AuditLog(cf->db()).verifyChain(), 0);
        QCOMPARE(casectl({QStringLiteral("verify"), m_mine}).exitCode, 0);
    }

    void mergeIsIdempotent()
    {
        QByteArray before;
        {
            auto cf = CaseFile::open(m_mine, CaseFile::Access::ReadOnly);
            before = cf->db().queryText(QStringLiteral("SELECT (SELECT count(*) FROM artifacts) || '/' || (SELECT count(*) FROM artifact_chunks) || '/' || "
                                                       "(SELECT count(*) FROM findings) || '/' || (SELECT count(*) FROM finding_evidence) || '/' || "
                                                       "(SELECT count(*) FROM notes) || '/' || (SELECT count(*) FROM hosts) || '/' || "
                                                       "(SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM collections) || '/' || "
                                                       "(SELECT count(*) FROM later_area_rows)")).toUtf8();
        }
        const auto r = casectl({QStringLiteral("merge"), m_mine, m_theirs, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("inserted")).toInt(), 0);
        auto cf = CaseFile::open(m_mine, CaseFile::Access::ReadOnly);
        const QByteArray after = cf->db().queryText(QStringLiteral("SELECT (SELECT count(*) FROM artifacts) || '/' || (SELECT count(*) FROM artifact_chunks) || '/' || "
                                                                   "(SELECT count(*) FROM findings) || '/' || (SELECT count(*) FROM finding_evidence) || '/' || "
                                                                   "(SELECT count(*) FROM notes) || '/' || (SELECT count(*) FROM hosts) || '/' || "
                                                                   "(SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM collections) || '/' || "
                                                                   "(SELECT count(*) FROM later_area_rows)")).toUtf8();
        QCOMPARE(after, before);
        QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merge'")), 2);
    }

    void mergingAnExportBackAddsNothing()
    {
        const QString copy = m_dir.filePath(QStringLiteral("copy.casebook"));
        QCOMPARE(casectl({QStringLiteral("export"), m_mine, copy}).exitCode, 0);
        const auto r = casectl({QStringLiteral("merge"), m_mine, copy, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("inserted")).toInt(), 0);
    }

    void refusals()
    {
        QCOMPARE(casectl({QStringLiteral("merge"), m_mine, m_dir.filePath(QStringLiteral("missing.casebook"))}).exitCode, 1);
        const QString junk = m_dir.filePath(QStringLiteral("junk.casebook"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a case file at all");
        f.close();
        QCOMPARE(casectl({QStringLiteral("merge"), m_mine, junk}).exitCode, 1);
        QCOMPARE(casectl({QStringLiteral("merge"), m_mine}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(MergeTest)
#include "MergeTest.moc"
