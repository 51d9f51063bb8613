#include "CaseExporter.h"

#include "RedactionScanner.h"
#include "SchemaIntrospection.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <sqlite3.h>

namespace {
constexpr qsizetype kChunk = 1 << 20;
constexpr qint64 kMaxRedactBytes = 512LL << 20;

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
            const QString in = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(argv[0])), sqlite3_value_bytes(argv[0]));
            const QByteArray out = redactor->redact(in).toUtf8();
            sqlite3_result_text(ctx, out.constData(), int(out.size()), SQLITE_TRANSIENT);
            break;
        }
        case SQLITE_BLOB: {
            const QByteArray in(static_cast<const char *>(sqlite3_value_blob(argv[0])), sqlite3_value_bytes(argv[0]));
            const QByteArray out = redactor->redactBytes(in);
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

bool looksBinary(const QByteArray &head, const QString &kind, const QString &mediaType)
{
    if (kind == QLatin1String("pcap") || mediaType.contains(QLatin1String("pcap")) || mediaType.startsWith(QLatin1String("image/")))
        return true;
    return head.left(64 * 1024).contains('\0');
}

// Host names, user names and principals the case itself names.
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
    // Every column that names a person or principal, in any table.
    static const QStringList principalColumns{QStringLiteral("author"), QStringLiteral("operator"), QStringLiteral("actor"),
                                              QStringLiteral("created_by"), QStringLiteral("owner"), QStringLiteral("user"),
                                              QStringLiteral("username"), QStringLiteral("user_name"), QStringLiteral("owner_machine")};
    static const QStringList hostColumns{QStringLiteral("hostname"), QStringLiteral("host_name"), QStringLiteral("nodename"),
                                         QStringLiteral("machine")};
    for (const SchemaIntrospection::Table &t : SchemaIntrospection(db).tables()) {
        if (t.name == QLatin1String("redaction_map"))
            continue;
        for (const SchemaIntrospection::Column &c : t.columns) {
            const bool principal = principalColumns.contains(c.name), host = hostColumns.contains(c.name);
            if (!principal && !host)
                continue;
            SqliteStatement st = db.prepare(QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE typeof(%1) = 'text'")
                                                .arg(SchemaIntrospection::quote(c.name), SchemaIntrospection::quote(t.name)));
            while (st.step()) {
                if (host || c.name == QLatin1String("owner_machine"))
                    r.addHost(st.text(0));
                else
                    r.addPrincipal(st.text(0));
            }
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
}

QJsonObject CaseExporter::Result::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("redacted"), redacted},
            {QStringLiteral("replacements"), replacements},
            {QStringLiteral("artifacts_redacted"), artifactsRedacted},
            {QStringLiteral("artifacts_withheld"), artifactsWithheld},
            {QStringLiteral("tables_scanned"), tablesScanned},
            {QStringLiteral("original_values_checked"), originalValues}};
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
    QList<PseudonymMap::Entry> originals;
    {
        SqliteDatabase copy(tmpPath, SqliteDatabase::Mode::Create);
        m_case.db().backupTo(copy);
        copy.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        copy.exec(QStringLiteral("PRAGMA secure_delete=ON"));
        copy.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        const QString sourceUuid = copy.queryText(QStringLiteral("SELECT uuid FROM case_info WHERE id = 1"));

        if (!options.redact) {
            SqliteTransaction tx(copy);
            copy.exec(QStringLiteral("DELETE FROM redaction_map"));
            AuditLog(copy).append(QStringLiteral("export-copy"), QStringLiteral("case"),
                                  {{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("redacted"), false}});
            tx.commit();
        } else {
            collectKnown(copy, redactor);
            if (sqlite3_create_function_v2(copy.handle(), "casebook_redact", 1, SQLITE_UTF8, &redactor, redactFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
                throw CaseError(QStringLiteral("cannot register the redaction function: %1").arg(copy.errorMessage()));
            SchemaIntrospection schema(copy);
            const auto triggers = schema.triggers();
            SqliteTransaction tx(copy);
            for (const auto &t : triggers)
                copy.exec(QStringLiteral("DROP TRIGGER %1").arg(SchemaIntrospection::quote(t.first)));

            // 1. Artifacts: redact textual content, withhold binary content, re-hash.
            QJsonArray artifactLog;
            {
                QList<std::tuple<qint64, QString, QString, QString>> arts; // id, kind, media_type, sha256
                SqliteStatement st = copy.prepare(QStringLiteral("SELECT id, kind, media_type, coalesce(sha256, '') FROM artifacts ORDER BY id"));
                while (st.step())
                    arts.append({st.int64(0), st.text(1), st.text(2), st.text(3)});
                SqliteStatement chunks = copy.prepare(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = ? ORDER BY seq"));
                SqliteStatement del = copy.prepare(QStringLiteral("DELETE FROM artifact_chunks WHERE artifact_id = ?"));
                SqliteStatement ins = copy.prepare(QStringLiteral("INSERT INTO artifact_chunks(artifact_id, seq, data) VALUES (?,?,?)"));
                SqliteStatement upd = copy.prepare(QStringLiteral("UPDATE artifacts SET size = ?, sha256 = ?, truncated = truncated OR ? WHERE id = ?"));
                for (const auto &[id, kind, mediaType, oldSha] : arts) {
                    QByteArray content;
                    chunks.bind(1, id);
                    bool tooBig = false;
                    while (chunks.step()) {
                        content += chunks.blobView(0);
                        if (content.size() > kMaxRedactBytes) {
                            tooBig = true;
                            break;
                        }
                    }
                    chunks.reset();
                    const bool withhold = tooBig || looksBinary(content, kind, mediaType);
                    const QByteArray redacted = withhold ? QByteArray() : redactor.redactBytes(content);
                    if (!withhold && redacted == content)
                        continue;
                    del.bind(1, id);
                    del.exec();
                    for (qsizetype off = 0, seq = 0; off < redacted.size(); off += kChunk, ++seq) {
                        ins.bind(1, id).bind(2, qint64(seq)).bindBlob(3, QByteArrayView(redacted).mid(off, kChunk));
                        ins.exec();
                    }
                    const QString newSha = QString::fromLatin1(QCryptographicHash::hash(redacted, QCryptographicHash::Sha256).toHex());
                    upd.bind(1, qint64(redacted.size())).bind(2, newSha).bind(3, withhold ? 1 : 0).bind(4, id);
                    upd.exec();
                    artifactLog.append(QJsonObject{{QStringLiteral("artifact"), id}, {QStringLiteral("original_sha256"), oldSha},
                                                   {QStringLiteral("sha256"), newSha}, {QStringLiteral("size"), qint64(redacted.size())},
                                                   {QStringLiteral("content"), withhold ? QStringLiteral("withheld (binary or too large to redact)")
                                                                                        : QStringLiteral("redacted")}});
                    (withhold ? result.artifactsWithheld : result.artifactsRedacted) += 1;
                }
            }
            // 2. The record of this redaction; its own text is redacted with the rest.
            AuditLog(copy).append(QStringLiteral("export-redacted"), QStringLiteral("case"),
                                  {{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("profile"), options.redaction.profile},
                                   {QStringLiteral("terms"), qint64(options.redaction.terms.size())},
                                   {QStringLiteral("patterns"), qint64(options.redaction.patterns.size())},
                                   {QStringLiteral("artifacts"), artifactLog},
                                   {QStringLiteral("note"), QStringLiteral("pseudonymised copy; the audit chain was recomputed after redaction; "
                                                                           "the pseudonym map stays in the original case")}});
            // 3. Every text and blob column of every ordinary table (FTS shadow content included).
            const QStringList shadows = schema.shadowTables();
            QList<SchemaIntrospection::Table> tables = schema.tables();
            for (const QString &s : shadows) {
                SchemaIntrospection::Table t;
                t.name = s;
                SqliteStatement cols = copy.prepare(QStringLiteral("PRAGMA table_info(%1)").arg(SchemaIntrospection::quote(s)));
                while (cols.step())
                    t.columns.append({cols.text(1), cols.text(2).toUpper(), false, 0});
                tables.append(t);
            }
            for (const SchemaIntrospection::Table &t : tables) {
                if (t.name == QLatin1String("artifact_chunks") || t.name == QLatin1String("redaction_map"))
                    continue;
                if (shadows.contains(t.name) && (t.name.endsWith(QLatin1String("_data")) || t.name.endsWith(QLatin1String("_idx"))))
                    continue; // index segments: rebuilt below
                QStringList sets;
                for (const SchemaIntrospection::Column &c : t.columns)
                    if (c.type != QLatin1String("INTEGER") && c.type != QLatin1String("REAL"))
                        sets.append(QStringLiteral("%1 = casebook_redact(%1)").arg(SchemaIntrospection::quote(c.name)));
                if (sets.isEmpty())
                    continue;
                copy.exec(QStringLiteral("UPDATE %1 SET %2").arg(SchemaIntrospection::quote(t.name), sets.join(QStringLiteral(", "))));
                ++result.tablesScanned;
            }
            copy.exec(QStringLiteral("DELETE FROM redaction_map"));
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
            tx.commit();
            result.replacements = redactor.replacements();
        }
        copy.exec(QStringLiteral("VACUUM"));
        copy.close();
    }

    if (options.redact) {
        originals = redactor.originals();
        result.originalValues = int(originals.size());
        const auto hits = RedactionScanner::scanFile(tmpPath, originals);
        if (!hits.isEmpty()) {
            QStringList what;
            for (const auto &h : hits)
                what.append(QStringLiteral("%1 '%2' (%3×)").arg(h.kind, h.original).arg(h.count));
            throw CaseError(QStringLiteral("redaction check failed, original values remain in the copy: %1").arg(what.join(QStringLiteral(", "))));
        }
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
                                  {QStringLiteral("artifacts_withheld"), result.artifactsWithheld}});
    tx.commit();
    return result;
}
