#include "EvidenceCase.h"
#include "ReportFixture.h"
#include "TestEnv.h"
#include "casefile/ArtifactReader.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "sharing/CaseMerger.h"
#include "util/CaseError.h"
#include "util/Json.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

// Merges a case holding every kind of parsed evidence (EvidenceCase) into a
// non-empty case (ReportFixture), again, into itself, and back from its own
// redacted copy; after each merge every reference must resolve to the same
// thing it did in the source (tests/data/report/merge-probes.sql), the file
// must be consistent, and nothing may arrive twice.
namespace {
int denyFindingEvidenceInserts(void *, int action, const char *table, const char *, const char *, const char *)
{
    return action == SQLITE_INSERT && qstrcmp(table, "finding_evidence") == 0 ? SQLITE_DENY : SQLITE_OK;
}
}

class MergeEvidenceTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QString m_source, m_target;
    QStringList m_probes;

    CasectlResult casectl(const QStringList &args) { return runCasectl(args, 120000, m_env); }

    // casectl merge INTO FROM --json; false (with the error shown) if it failed.
    bool merge(const QString &into, const QString &from, QJsonObject *result)
    {
        const auto r = casectl({QStringLiteral("merge"), into, from, QStringLiteral("--json")});
        if (r.exitCode != 0) {
            qWarning("%s", r.err.constData());
            return false;
        }
        *result = QJsonDocument::fromJson(r.out).object();
        return true;
    }

    // Rows of every table but the audit log (which every merge extends).
    static QMap<QString, qint64> counts(const QString &path)
    {
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        QMap<QString, qint64> out;
        SqliteStatement st = cf->db().prepare(QStringLiteral(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'audit_log'"));
        while (st.step())
            out.insert(st.text(0), cf->db().queryInt(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(st.text(0))));
        return out;
    }

    static QStringList collectionUuids(const QString &path)
    {
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT uuid FROM collections ORDER BY id"));
        QStringList out;
        while (st.step())
            out.append(st.text(0));
        return out;
    }

    static QStringList rows(SqliteDatabase &db, const QString &sql, const QString &uuid)
    {
        SqliteStatement st = db.prepare(sql);
        st.bind(1, uuid);
        QStringList out;
        while (st.step()) {
            QStringList cells;
            for (int i = 0; i < st.columnCount(); ++i)
                cells.append(st.isNull(i) ? QStringLiteral("NULL") : st.text(i));
            out.append(cells.join(QLatin1Char('|')));
        }
        return out;
    }

    // Foreign keys (declared and schema_references), integrity, casectl verify.
    QString consistencyProblem(const QString &path)
    {
        {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
            SqliteDatabase &db = cf->db();
            SqliteStatement fk = db.prepare(QStringLiteral("PRAGMA foreign_key_check"));
            if (fk.step())
                return QStringLiteral("foreign key of %1 row %2 points nowhere").arg(fk.text(0), fk.text(1));
            SqliteStatement refs = db.prepare(QStringLiteral("SELECT table_name, column_name, parent_table FROM schema_references"));
            int listed = 0;
            while (refs.step()) {
                ++listed;
                const qint64 dangling = db.queryInt(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%2\" IS NOT NULL AND \"%2\" NOT IN (SELECT id FROM \"%3\")")
                                                        .arg(refs.text(0), refs.text(1), refs.text(2)));
                if (dangling)
                    return QStringLiteral("%1 rows of %2.%3 point nowhere").arg(dangling).arg(refs.text(0), refs.text(1));
            }
            if (listed == 0)
                return QStringLiteral("schema_references is empty");
            if (db.queryText(QStringLiteral("PRAGMA integrity_check")) != QLatin1String("ok"))
                return QStringLiteral("integrity_check failed");
        }
        const auto v = casectl({QStringLiteral("verify"), path});
        if (v.exitCode != 0)
            return QStringLiteral("casectl verify: ") + QString::fromUtf8(v.out + v.err);
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        m_source = m_dir.filePath(QStringLiteral("rain-7.casebook"));
        EvidenceCase::build(m_source);
        m_target = m_dir.filePath(QStringLiteral("team.casebook"));
        ReportFixture::build(m_target);
        QFile f(TestEnv::dataDir() + QStringLiteral("/report/merge-probes.sql"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QString &q : QString::fromUtf8(f.readAll()).split(QStringLiteral("\n;\n")))
            m_probes.append(q.trimmed());
        QCOMPARE(m_probes.size(), 14);
        // The source holds every kind of evidence the probes look at.
        const auto src = counts(m_source);
        for (const char *table : {"procfs_snapshots", "procfs_tasks", "procfs_stacks", "kernel_log_lines", "strace_traces", "strace_calls",
                                  "strace_slowest", "pcap_captures", "pcap_conversations", "pcap_rpc_calls", "events", "finding_evidence", "notes"})
            QVERIFY2(src.value(QLatin1String(table)) > 0, table);
        {
            // Findings keep ids in their JSON data too.
            auto cf = CaseFile::open(m_source, CaseFile::Access::ReadOnly);
            for (const char *key : {"$.capture_id", "$.snapshot_id", "$.event_id"}) {
                SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT count(*) FROM findings WHERE json_extract(data, ?) IS NOT NULL"));
                st.bind(1, QString::fromLatin1(key));
                QVERIFY(st.step());
                QVERIFY2(st.int64(0) > 0, key);
            }
        }
        QCOMPARE(consistencyProblem(m_source), QString());
    }

    void mergeIntoNonEmptyCase()
    {
        const auto before = counts(m_target);
        const auto src = counts(m_source);
        QJsonObject res;
        QVERIFY(merge(m_target, m_source, &res));
        const QJsonObject tables = res.value(QStringLiteral("tables")).toObject();
        // Every row of these tables is new to the target.
        for (const char *table : {"collections", "artifacts", "procfs_snapshots", "procfs_tasks", "procfs_stacks", "kernel_log_lines",
                                  "strace_traces", "strace_calls", "pcap_captures", "pcap_conversations", "events", "findings",
                                  "finding_evidence", "notes"})
            QVERIFY2(tables.value(QLatin1String(table)).toObject().value(QStringLiteral("inserted")).toInteger() == src.value(QLatin1String(table)), table);
        QCOMPARE(res.value(QStringLiteral("unmapped_references")).toInteger(), 0);
        const auto after = counts(m_target);
        QCOMPARE(after.size(), before.size());
        QVERIFY(after.contains(QStringLiteral("collections")));
        for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
            const qint64 added = it.key() == QLatin1String("artifact_chunks") || it.key() == QLatin1String("timeline_counts")
                ? it.value() - before.value(it.key())
                : tables.value(it.key()).toObject().value(QStringLiteral("inserted")).toInteger();
            QVERIFY2(it.value() == before.value(it.key()) + added, qPrintable(it.key()));
        }
        QCOMPARE(consistencyProblem(m_target), QString());

        // Every merged row points at what its source row pointed at.
        auto from = CaseFile::open(m_source, CaseFile::Access::ReadOnly);
        auto into = CaseFile::open(m_target, CaseFile::Access::ReadOnly);
        QList<qint64> probeRows(m_probes.size(), 0);
        for (const QString &uuid : collectionUuids(m_source)) {
            for (qsizetype p = 0; p < m_probes.size(); ++p) {
                const QStringList expected = rows(from->db(), m_probes.at(p), uuid);
                QCOMPARE(rows(into->db(), m_probes.at(p), uuid), expected);
                probeRows[p] += expected.size();
            }
        }
        for (qsizetype p = 0; p < m_probes.size(); ++p)
            QVERIFY2(probeRows.at(p) > 0, qPrintable(m_probes.at(p))); // every probe saw rows
        // Artifacts of parsed evidence: same kind, same bytes.
        ArtifactReader fromReader(from->db()), intoReader(into->db());
        int compared = 0;
        for (const char *table : {"procfs_snapshots", "kernel_log_lines", "strace_traces", "pcap_captures"}) {
            const QString sql = QStringLiteral("SELECT x.artifact_id FROM %1 x JOIN collections c ON c.id = x.collection_id WHERE c.uuid = ? ORDER BY x.id")
                                    .arg(QLatin1String(table));
            for (const QString &uuid : collectionUuids(m_source)) {
                const QStringList a = rows(from->db(), sql, uuid), b = rows(into->db(), sql, uuid);
                QCOMPARE(b.size(), a.size());
                for (qsizetype i = 0; i < a.size(); ++i) {
                    if (a.at(i) == QLatin1String("NULL")) { // not kept (e.g. an imported capture)
                        QCOMPARE(b.at(i), a.at(i));
                        continue;
                    }
                    QCOMPARE(intoReader.info(b.at(i).toLongLong())->kind, fromReader.info(a.at(i).toLongLong())->kind);
                    QCOMPARE(intoReader.readAll(b.at(i).toLongLong()), fromReader.readAll(a.at(i).toLongLong()));
                    ++compared;
                }
            }
        }
        QVERIFY(compared >= 4);
    }

    void mergeAgainAddsNothing()
    {
        const auto before = counts(m_target);
        QJsonObject res;
        QVERIFY(merge(m_target, m_source, &res));
        QCOMPARE(res.value(QStringLiteral("inserted")).toInteger(), 0);
        QCOMPARE(counts(m_target), before);
        QCOMPARE(consistencyProblem(m_target), QString());
    }

    void mergeIntoItselfAddsNothing()
    {
        const auto before = counts(m_target);
        QJsonObject res;
        QVERIFY(merge(m_target, m_target, &res));
        QCOMPARE(res.value(QStringLiteral("inserted")).toInteger(), 0);
        QVERIFY(res.value(QStringLiteral("tables")).toObject().value(QStringLiteral("procfs_tasks")).toObject().value(QStringLiteral("existing")).toInteger() > 0);
        QCOMPARE(counts(m_target), before);
        QCOMPARE(consistencyProblem(m_target), QString());
    }

    void redactedCopyMergesBack()
    {
        const QString redacted = m_dir.filePath(QStringLiteral("rain-7-redacted.casebook"));
        const auto e = casectl({QStringLiteral("export"), QStringLiteral("--redact"), m_source, redacted});
        QVERIFY2(e.exitCode == 0, e.err.constData());
        QCOMPARE(collectionUuids(redacted), collectionUuids(m_source)); // identities survive redaction
        const auto before = counts(m_source);
        QJsonObject res;
        QVERIFY(merge(m_source, redacted, &res));
        const QJsonObject tables = res.value(QStringLiteral("tables")).toObject();
        for (const char *table : {"collections", "artifacts", "procfs_snapshots", "procfs_tasks", "kernel_log_lines", "strace_traces",
                                  "strace_calls", "pcap_captures", "events", "findings", "notes"})
            QVERIFY2(tables.value(QLatin1String(table)).toObject().value(QStringLiteral("inserted")).toInteger() == 0, table);
        QCOMPARE(res.value(QStringLiteral("inserted")).toInteger(), 0);
        QCOMPARE(counts(m_source), before);
        QCOMPARE(consistencyProblem(m_source), QString());
    }

    void auditRecordsEachMerge()
    {
        auto cf = CaseFile::open(m_target, CaseFile::Access::ReadOnly);
        auto src = CaseFile::open(m_source, CaseFile::Access::ReadOnly);
        SqliteStatement st = cf->db().prepare(QStringLiteral("SELECT details FROM audit_log WHERE action = 'merge' ORDER BY id"));
        QList<QJsonObject> merges;
        while (st.step())
            merges.append(Json::parseObject(st.text(0)));
        QCOMPARE(merges.size(), 3);
        QCOMPARE(merges.at(0).value(QStringLiteral("source_uuid")).toString(), src->info().uuid);
        QVERIFY(merges.at(0).value(QStringLiteral("inserted")).toInteger() > 0);
        QVERIFY(merges.at(0).value(QStringLiteral("tables")).toObject().contains(QStringLiteral("procfs_tasks")));
        QCOMPARE(merges.at(1).value(QStringLiteral("inserted")).toInteger(), 0);
        QCOMPARE(merges.at(2).value(QStringLiteral("source_uuid")).toString(), cf->info().uuid);
        QCOMPARE(AuditLog(cf->db()).verifyChain(), 0);
    }

    void failedMergeChangesNothing()
    {
        const QString target = m_dir.filePath(QStringLiteral("refusing.casebook"));
        ReportFixture::build(target);
        const auto before = counts(target);
        {
            auto cf = CaseFile::open(target);
            const qint64 auditBefore = cf->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log"));
            // finding_evidence is merged after the evidence it cites: the failure comes late.
            sqlite3_set_authorizer(cf->db().handle(), denyFindingEvidenceInserts, nullptr);
            QVERIFY_THROWS_EXCEPTION(CaseError, CaseMerger(*cf).merge(m_source));
            sqlite3_set_authorizer(cf->db().handle(), nullptr, nullptr);
            QCOMPARE(cf->db().queryInt(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);
        }
        QCOMPARE(counts(target), before);
    }
};

QTEST_GUILESS_MAIN(MergeEvidenceTest)
#include "MergeEvidenceTest.moc"
