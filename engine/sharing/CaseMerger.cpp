#include "CaseMerger.h"

#include "MergeContext.h"
#include "MergeOrder.h"
#include "PseudonymRestorer.h"
#include "RefKindTables.h"
#include "SchemaIntrospection.h"
#include "TableMerger.h"
#include "casefile/ArtifactRecords.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/Json.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {
using Table = SchemaIntrospection::Table;

bool hasTypedRefs(const Table &t)
{
    const QStringList cols = t.columnNames();
    return cols.contains(QStringLiteral("ref_kind")) && cols.contains(QStringLiteral("ref_id"));
}

// Tables the typed references of each table point into, as the other case uses them.
QHash<QString, QSet<QString>> typedRefTargets(SqliteDatabase &db, const QList<Table> &tables, const RefKindTables &kinds)
{
    QHash<QString, QSet<QString>> out;
    for (const Table &t : tables) {
        if (!hasTypedRefs(t))
            continue;
        SqliteStatement st = db.prepare(QStringLiteral("SELECT DISTINCT ref_kind FROM other.%1 WHERE ref_kind IS NOT NULL")
                                            .arg(SchemaIntrospection::quote(t.name)));
        while (st.step())
            if (const QString target = kinds.tableFor(st.text(0)); !target.isEmpty())
                out[t.name].insert(target);
    }
    // Ids inside JSON data ({"capture_id": 3}), as TableMerger maps them.
    for (const Table &t : tables) {
        if (!t.columnNames().contains(TableMerger::jsonColumn()))
            continue;
        const QString col = SchemaIntrospection::quote(TableMerger::jsonColumn());
        SqliteStatement st = db.prepare(QStringLiteral(
            "SELECT DISTINCT j.key FROM other.%1 AS t, json_each(CASE WHEN json_valid(t.%2) AND t.%2 LIKE '{%' THEN t.%2 ELSE '{}' END) AS j "
            "WHERE j.key LIKE '%\\_id' ESCAPE '\\'").arg(SchemaIntrospection::quote(t.name), col));
        while (st.step()) {
            QString kind = st.text(0).chopped(3);
            if (const QString target = kinds.tableFor(kind.replace(QLatin1Char('_'), QLatin1Char('-'))); !target.isEmpty() && target != t.name)
                out[t.name].insert(target);
        }
    }
    return out;
}

// Columns left for after the last table: now every id is mapped.
void applyFixups(MergeContext &ctx)
{
    for (const MergeContext::Fixup &f : std::as_const(ctx.fixups)) {
        SqliteStatement st = ctx.db.prepare(QStringLiteral("UPDATE main.%1 SET %2 = ? WHERE rowid = ?")
                                                .arg(SchemaIntrospection::quote(f.table), SchemaIntrospection::quote(f.column)));
        const auto it = ctx.maps.value(f.parent).constFind(f.value);
        if (it != ctx.maps.value(f.parent).constEnd()) {
            st.bind(1, *it);
        } else {
            ++ctx.unmappedReferences; // its row is missing in the other case
            if (f.nullable)
                st.bindNull(1);
            else
                st.bind(1, qint64(0));
        }
        st.bind(2, f.rowid);
        st.exec();
    }
}

// A private copy of the other case, brought to this build's schema (the
// colleague's file is never modified).
void snapshotOther(CaseFile &target, const QString &otherPath, const QString &snapshot)
{
    {
        SqliteDatabase copy(snapshot, SqliteDatabase::Mode::Create);
        if (QFileInfo(otherPath).canonicalFilePath() == QFileInfo(target.path()).canonicalFilePath()) {
            target.db().backupTo(copy);
        } else {
            auto other = CaseFile::open(otherPath, CaseFile::Access::ReadOnly);
            other->db().backupTo(copy);
        }
    }
    auto migrated = CaseFile::open(snapshot, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
    if (migrated->schemaVersion() != target.schemaVersion())
        throw CaseError(QStringLiteral("the other case has schema %1, this one %2; open this case with the newer Casebook first")
                            .arg(migrated->schemaVersion()).arg(target.schemaVersion()));
}
}

qint64 CaseMerger::Result::inserted() const
{
    qint64 n = 0;
    for (const TableCount &c : tables)
        n += c.inserted;
    return n;
}

QJsonObject CaseMerger::Result::toJson() const
{
    QJsonObject t;
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
        QJsonObject c{{QStringLiteral("inserted"), it->inserted}, {QStringLiteral("existing"), it->existing}};
        if (it->orphans)
            c.insert(QStringLiteral("orphans"), it->orphans);
        t.insert(it.key(), c);
    }
    return {{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("inserted"), inserted()},
            {QStringLiteral("unmapped_references"), unmappedReferences}, {QStringLiteral("tables"), t}};
}

QStringList CaseMerger::excludedTables()
{
    return {QStringLiteral("case_info"), QStringLiteral("audit_log"), QStringLiteral("redaction_map"),
            QStringLiteral("report_drafts"),
            QStringLiteral("artifact_chunks"),  // copied with their artifact
            QStringLiteral("timeline_counts")}; // derived: kept by triggers on events
}

CaseMerger::Result CaseMerger::merge(const QString &otherPath)
{
    if (m_case.isReadOnly())
        throw CaseError(QStringLiteral("the case is open read-only"));
    if (!QFileInfo::exists(otherPath))
        throw CaseError(QStringLiteral("%1 does not exist").arg(otherPath));
    QTemporaryDir tmp;
    if (!tmp.isValid())
        throw CaseError(QStringLiteral("cannot create a temporary directory"));
    const QString snapshot = tmp.filePath(QStringLiteral("other.casebook"));
    snapshotOther(m_case, otherPath, snapshot);

    SqliteDatabase &db = m_case.db();
    Result result;
    db.prepare(QStringLiteral("ATTACH DATABASE ? AS other")).bind(1, snapshot).exec();
    struct Detach
    {
        SqliteDatabase &db;
        ~Detach()
        {
            try { db.exec(QStringLiteral("DETACH DATABASE other")); } catch (...) {}
        }
    } detach{db};

    result.sourceUuid = db.queryText(QStringLiteral("SELECT uuid FROM other.case_info WHERE id = 1"));
    const QString otherHead = db.queryText(QStringLiteral("SELECT hash FROM other.audit_log ORDER BY id DESC LIMIT 1"));

    QSet<QString> otherNames;
    for (const Table &t : SchemaIntrospection(db, QStringLiteral("other")).tables())
        otherNames.insert(t.name);
    QList<Table> tables;
    QStringList tableNames;
    for (const Table &t : SchemaIntrospection(db, QStringLiteral("main")).tables()) {
        tableNames.append(t.name);
        if (otherNames.contains(t.name) && !excludedTables().contains(t.name))
            tables.append(t);
    }
    const RefKindTables kinds(tableNames);
    tables = MergeOrder::order(tables, typedRefTargets(db, tables, kinds));

    MergeContext ctx{db, kinds, {}, {}, {}, {}, nullptr, {}, {}, {}, 0};
    for (const Table &t : tables) {
        ctx.merged.insert(t.name);
        if (!t.withoutRowId)
            ctx.preMax.insert(t.name, db.queryInt(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM main.%1").arg(SchemaIntrospection::quote(t.name))));
    }
    // A redacted copy: its re-hashed artifacts are recognised by the SHA-256
    // each had before, as its audit log records. A redacted copy of this very
    // case coming back also gets the originals from this case's pseudonym map.
    bool redacted = false;
    {
        SqliteStatement ex = db.prepare(QStringLiteral("SELECT details FROM other.audit_log WHERE action = 'export-redacted' ORDER BY id"));
        while (ex.step()) {
            redacted = true;
            for (const QJsonValue &a : Json::parseObject(ex.text(0)).value(QStringLiteral("artifacts")).toArray())
                ctx.originalSha.insert(a.toObject().value(QStringLiteral("artifact")).toInteger(),
                                       a.toObject().value(QStringLiteral("original_sha256")).toString());
        }
    }
    PseudonymRestorer restorer;
    if (redacted && !result.sourceUuid.isEmpty() && result.sourceUuid == db.queryText(QStringLiteral("SELECT uuid FROM main.case_info WHERE id = 1"))) {
        restorer = PseudonymRestorer(db);
        ctx.restorer = &restorer;
    }

    SqliteTransaction tx(db);
    db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); // cycles are closed by the fixups; checked at commit
    for (const Table &t : std::as_const(tables)) {
        result.tables.insert(t.name, TableMerger(ctx, t).run());
        ctx.done.insert(t.name);
    }
    applyFixups(ctx);
    result.unmappedReferences = ctx.unmappedReferences;

    QJsonObject tablesJson;
    for (auto it = result.tables.constBegin(); it != result.tables.constEnd(); ++it)
        if (it->inserted || it->existing || it->orphans)
            tablesJson.insert(it.key(), QJsonObject{{QStringLiteral("inserted"), it->inserted}, {QStringLiteral("existing"), it->existing},
                                                    {QStringLiteral("orphans"), it->orphans}});
    AuditLog(db).append(QStringLiteral("merge"), QStringLiteral("case"),
                        {{QStringLiteral("source"), QFileInfo(otherPath).absoluteFilePath()},
                         {QStringLiteral("source_uuid"), result.sourceUuid},
                         {QStringLiteral("source_audit_head"), otherHead},
                         {QStringLiteral("redacted_copy_of_this_case"), ctx.restorer != nullptr},
                         {QStringLiteral("inserted"), result.inserted()},
                         {QStringLiteral("unmapped_references"), result.unmappedReferences},
                         {QStringLiteral("tables"), tablesJson},
                         {QStringLiteral("artifacts"), ArtifactRecords::ofArtifacts(db, ctx.mergedArtifacts)}});
    tx.commit();
    return result;
}
