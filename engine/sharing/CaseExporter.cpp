#include "CaseExporter.h"

#include "ArtifactRedaction.h"
#include "SchemaIntrospection.h"
#include "TableRedaction.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <sqlite3.h>

namespace {
// Passes over the copy after the first; each removes names learned in the one before.
constexpr int kMaxSweeps = 4;

QString valueText(sqlite3_value *v)
{
    return sqlite3_value_type(v) == SQLITE_BLOB
        ? QString::fromLatin1(static_cast<const char *>(sqlite3_value_blob(v)), sqlite3_value_bytes(v))
        : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(v)), sqlite3_value_bytes(v));
}

// SQL function casebook_redact(x): text and blobs through the Redactor.
void redactFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    auto *redactor = static_cast<Redactor *>(sqlite3_user_data(ctx));
    if (argc != 1) {
        sqlite3_result_error(ctx, "casebook_redact takes one argument", -1);
        return;
    }
    try {
        switch (sqlite3_value_type(argv[0])) {
        case SQLITE_TEXT: {
            const QByteArray out = redactor->redact(valueText(argv[0])).toUtf8();
            sqlite3_result_text(ctx, out.constData(), int(out.size()), SQLITE_TRANSIENT);
            break;
        }
        case SQLITE_BLOB: {
            const QByteArray out = redactor->redactBytes(QByteArray(static_cast<const char *>(sqlite3_value_blob(argv[0])), sqlite3_value_bytes(argv[0])));
            sqlite3_result_blob(ctx, out.constData(), int(out.size()), SQLITE_TRANSIENT);
            break;
        }
        default:
            sqlite3_result_value(ctx, argv[0]);
        }
    } catch (const std::exception &e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

// SQL function casebook_leftover(x): 1 when the Redactor's scanner finds something in x.
void leftoverFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto *redactor = static_cast<const Redactor *>(sqlite3_user_data(ctx));
    const int type = argc == 1 ? sqlite3_value_type(argv[0]) : SQLITE_NULL;
    if (type != SQLITE_TEXT && type != SQLITE_BLOB) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    try {
        sqlite3_result_int(ctx, redactor->scanner().findAll(valueText(argv[0]), type == SQLITE_BLOB).isEmpty() ? 0 : 1);
    } catch (const std::exception &e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

// Host names, user names, principals and host keys the case itself names.
void collectKnown(SqliteDatabase &db, Redactor &r)
{
    {
        SqliteStatement st = db.prepare(QStringLiteral("SELECT name, address, user FROM hosts ORDER BY id"));
        while (st.step()) {
            r.addHost(st.text(0));
            r.addHost(st.text(1));
            r.addUser(st.text(2));
        }
    }
    // Every column that names a person, principal, host or host key, in any table.
    static const QStringList principalColumns{QStringLiteral("author"), QStringLiteral("operator"), QStringLiteral("actor"),
                                              QStringLiteral("created_by"), QStringLiteral("owner"), QStringLiteral("user"),
                                              QStringLiteral("username"), QStringLiteral("user_name")};
    static const QStringList hostColumns{QStringLiteral("hostname"), QStringLiteral("host_name"), QStringLiteral("nodename"),
                                         QStringLiteral("machine"), QStringLiteral("owner_machine")};
    static const QStringList fingerprintColumns{QStringLiteral("hostkey_sha256"), QStringLiteral("fingerprint")};
    for (const SchemaIntrospection::Table &t : SchemaIntrospection(db).tables()) {
        if (t.name == QLatin1String("redaction_map"))
            continue;
        for (const SchemaIntrospection::Column &c : t.columns) {
            void (Redactor::*add)(const QString &) = principalColumns.contains(c.name) ? &Redactor::addPrincipal
                : hostColumns.contains(c.name)                                         ? &Redactor::addHost
                : fingerprintColumns.contains(c.name)                                  ? &Redactor::addFingerprint
                                                                                       : nullptr;
            if (!add)
                continue;
            SqliteStatement st = db.prepare(QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE typeof(%1) = 'text'")
                                                .arg(SchemaIntrospection::quote(c.name), SchemaIntrospection::quote(t.name)));
            while (st.step())
                (r.*add)(st.text(0));
        }
    }
    r.addPrincipal(AuditLog::currentActor());
}

void recomputeAuditChain(SqliteDatabase &db)
{
    SqliteStatement sel = db.prepare(QStringLiteral("SELECT id, at_us, actor, action, target, details FROM audit_log ORDER BY id"));
    SqliteStatement upd = db.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
    QString prev = AuditLog::genesisHash();
    while (sel.step()) {
        const QString hash = AuditLog::computeHash(prev, sel.int64(1), sel.text(2), sel.text(3), sel.text(4), sel.text(5));
        upd.bind(1, prev).bind(2, hash).bind(3, sel.int64(0));
        upd.exec();
        prev = hash;
    }
}

QString describe(const RedactionScanner::Match &m)
{
    return QStringLiteral("%1 '%2'").arg(m.kind, m.original);
}

// Runs the whole redaction of the copy inside the caller's transaction.
void redactCopy(SqliteDatabase &copy, Redactor &redactor, const CaseExporter::Options &options, CaseExporter::Result &result)
{
    const QString sourceUuid = copy.queryText(QStringLiteral("SELECT uuid FROM case_info WHERE id = 1"));
    collectKnown(copy, redactor);
    if (sqlite3_create_function_v2(copy.handle(), "casebook_redact", 1, SQLITE_UTF8, &redactor, redactFunction, nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_create_function_v2(copy.handle(), "casebook_leftover", 1, SQLITE_UTF8, &redactor, leftoverFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
        throw CaseError(QStringLiteral("cannot register the redaction functions: %1").arg(copy.errorMessage()));
    SchemaIntrospection schema(copy);
    const auto triggers = schema.triggers();
    for (const auto &t : triggers)
        copy.exec(QStringLiteral("DROP TRIGGER %1").arg(SchemaIntrospection::quote(t.first)));
    // Index statistics may hold sample values (sqlite_stat4); they are only an optimisation.
    for (const QString &stat : {QStringLiteral("sqlite_stat3"), QStringLiteral("sqlite_stat4")}) {
        SqliteStatement exists = copy.prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"));
        if (exists.bind(1, stat).step())
            copy.exec(QStringLiteral("DELETE FROM %1").arg(SchemaIntrospection::quote(stat)));
    }

    // The record of this redaction, written first so its actor is redacted
    // with the rest; its details (counts and hashes only) are filled in last.
    const qint64 auditId = AuditLog(copy).append(QStringLiteral("export-redacted"), QStringLiteral("case"), {});

    // First pass: artifacts, then every value of every table.
    ArtifactRedaction artifacts(copy, redactor);
    TableRedaction tables(copy);
    artifacts.run();
    tables.redactAll();
    copy.exec(QStringLiteral("DELETE FROM redaction_map"));
    result.tablesScanned = tables.tableCount();

    // Second pass: read everything again with the same scanner and redact
    // what is left (a domain first seen in a later row), until nothing is.
    qint64 changed = 0;
    do {
        changed = artifacts.run() + tables.sweep();
        result.secondPassValues += changed;
        ++result.passes;
    } while (changed > 0 && result.passes < kMaxSweeps);

    QStringList left;
    if (changed > 0) {
        for (const auto &l : artifacts.leftovers())
            left.append(QStringLiteral("%1 in artifact %2 (%3)").arg(describe(l.match)).arg(l.artifactId).arg(l.name));
        for (const auto &l : tables.leftovers(redactor.scanner()))
            left.append(QStringLiteral("%1 in %2.%3").arg(describe(l.match), l.table, l.column));
    }
    for (const auto &l : TableRedaction::schemaLeftovers(copy, triggers, redactor.scanner()))
        left.append(QStringLiteral("%1 in the case file's structure (%2), which redaction cannot change").arg(describe(l.match), l.column));
    if (!left.isEmpty()) {
        left.removeDuplicates();
        throw CaseError(QStringLiteral("redaction check failed, these values remain in the copy: %1; no copy was written")
                            .arg(left.join(QStringLiteral("; "))));
    }

    const QJsonObject details{{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("profile"), options.redaction.profile},
                              {QStringLiteral("terms"), qint64(options.redaction.terms.size())},
                              {QStringLiteral("patterns"), qint64(options.redaction.patterns.size())},
                              {QStringLiteral("host_keys"), options.redaction.keepHostKeys ? QStringLiteral("kept") : QStringLiteral("redacted")},
                              {QStringLiteral("artifacts"), artifacts.log()},
                              {QStringLiteral("note"), QStringLiteral("pseudonymised copy; the audit chain was recomputed after redaction; "
                                                                      "the pseudonym map stays in the original case")}};
    const QString detailsText = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    if (!redactor.scanner().findAll(detailsText).isEmpty())
        throw CaseError(QStringLiteral("redaction check failed on the export record itself; no copy was written"));
    copy.prepare(QStringLiteral("UPDATE audit_log SET details = ? WHERE id = ?")).bind(1, detailsText).bind(2, auditId).exec();

    for (const QString &v : schema.virtualTables()) {
        try {
            copy.exec(QStringLiteral("INSERT INTO %1(%1) VALUES('rebuild')").arg(SchemaIntrospection::quote(v)));
        } catch (const CaseError &) {
            // Not an FTS table, or contentless: its content came from redacted tables anyway.
        }
    }
    recomputeAuditChain(copy);
    for (const auto &t : triggers)
        copy.exec(t.second);
    result.replacements = redactor.replacements();
    result.artifactsRedacted = artifacts.redacted();
    result.artifactsWithheld = artifacts.withheld();
    result.originalValues = redactor.originalValues();
}
}

QJsonObject CaseExporter::Result::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("redacted"), redacted},
            {QStringLiteral("replacements"), replacements},
            {QStringLiteral("artifacts_redacted"), artifactsRedacted},
            {QStringLiteral("artifacts_withheld"), artifactsWithheld},
            {QStringLiteral("tables_scanned"), tablesScanned},
            {QStringLiteral("original_values"), originalValues},
            {QStringLiteral("second_pass_values"), secondPassValues},
            {QStringLiteral("check_passes"), passes}};
}

CaseExporter::Result CaseExporter::exportTo(const QString &outPath, const Options &options)
{
    Result result;
    result.path = outPath;
    result.redacted = options.redact;
    const QFileInfo outInfo(outPath);
    if (outInfo.exists()) {
        if (!options.overwrite)
            throw CaseError(QStringLiteral("%1 exists; choose another name").arg(outPath));
        if (outInfo.canonicalFilePath() == QFileInfo(m_case.path()).canonicalFilePath())
            throw CaseError(QStringLiteral("cannot export a case onto itself"));
        QFile::remove(outPath);
    }
    // Build the copy under a temporary name; rename when it is complete and checked.
    const QString tmpPath = outPath + QStringLiteral(".part");
    QFile::remove(tmpPath);
    QFile::remove(tmpPath + QStringLiteral("-journal"));
    struct Cleanup
    {
        QString path;
        bool keep = false;
        ~Cleanup()
        {
            if (!keep) {
                QFile::remove(path);
                QFile::remove(path + QStringLiteral("-journal"));
            }
        }
    } cleanup{tmpPath};

    PseudonymMap map;
    map.load(m_case.db());
    Redactor redactor(map, options.redaction);
    {
        SqliteDatabase copy(tmpPath, SqliteDatabase::Mode::Create);
        // The copy is this exporter's own new file (its schema already checked
        // as the source's): redaction rewrites full-text shadow tables in place,
        // which the defensive mode of every other connection forbids.
        copy.setDefensive(false);
        m_case.db().backupTo(copy);
        copy.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        copy.exec(QStringLiteral("PRAGMA secure_delete=ON"));
        copy.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        SqliteTransaction tx(copy);
        if (options.redact) {
            redactCopy(copy, redactor, options, result);
        } else {
            const QString sourceUuid = copy.queryText(QStringLiteral("SELECT uuid FROM case_info WHERE id = 1"));
            copy.exec(QStringLiteral("DELETE FROM redaction_map"));
            AuditLog(copy).append(QStringLiteral("export-copy"), QStringLiteral("case"),
                                  {{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("redacted"), false}});
        }
        tx.commit();
        copy.exec(QStringLiteral("VACUUM"));
        copy.close();
    }
    if (!QFile::rename(tmpPath, outPath))
        throw CaseError(QStringLiteral("cannot move the export to %1").arg(outPath));
    cleanup.keep = true;

    // The original keeps the pseudonym map and the record of the export.
    SqliteTransaction tx(m_case.db());
    if (options.redact)
        map.saveNew(m_case.db());
    AuditLog(m_case.db()).append(QStringLiteral("export"), QStringLiteral("case"),
                                 {{QStringLiteral("path"), outPath}, {QStringLiteral("redacted"), options.redact},
                                  {QStringLiteral("profile"), options.redact ? options.redaction.profile : QString()},
                                  {QStringLiteral("replacements"), result.replacements},
                                  {QStringLiteral("artifacts_withheld"), result.artifactsWithheld},
                                  {QStringLiteral("second_pass_values"), result.secondPassValues}});
    tx.commit();
    return result;
}
