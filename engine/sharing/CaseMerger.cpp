#include "CaseMerger.h"

#include "PseudonymMap.h"
#include "SchemaIntrospection.h"
#include "casefile/ArtifactRecords.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/Json.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <vector>
#include <sqlite3.h>

namespace {
using Table = SchemaIntrospection::Table;
using IdMap = QHash<qint64, qint64>;

// A prepared statement on the raw handle, for copying values of any type.
class RawStatement
{
public:
    RawStatement(sqlite3 *db, const QString &sql) : m_db(db)
    {
        const QByteArray s = sql.toUtf8();
        if (sqlite3_prepare_v2(db, s.constData(), int(s.size()), &m_stmt, nullptr) != SQLITE_OK)
            throw CaseError(QStringLiteral("merge: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    }
    ~RawStatement() { sqlite3_finalize(m_stmt); }
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throw CaseError(QStringLiteral("merge: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

void addToHash(QCryptographicHash &h, sqlite3_value *v)
{
    const int type = sqlite3_value_type(v);
    const char tag = char('0' + type);
    h.addData(QByteArrayView(&tag, 1));
    switch (type) {
    case SQLITE_INTEGER: h.addData(QByteArray::number(sqlite3_value_int64(v))); break;
    case SQLITE_FLOAT: h.addData(QByteArray::number(sqlite3_value_double(v), 'g', 17)); break;
    case SQLITE_TEXT: h.addData(QByteArrayView(reinterpret_cast<const char *>(sqlite3_value_text(v)), sqlite3_value_bytes(v))); break;
    case SQLITE_BLOB: h.addData(QByteArrayView(static_cast<const char *>(sqlite3_value_blob(v)), sqlite3_value_bytes(v))); break;
    default: break;
    }
    const qint64 len = sqlite3_value_bytes(v);
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&len), sizeof len));
}

// Table a typed reference ("artifact", "kernel-event") points into.
QString refTable(const QString &refKind, const QSet<QString> &tableNames)
{
    QString base = refKind;
    base.replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const QString &candidate : {base + QLatin1Char('s'), base, base + QStringLiteral("es")})
        if (tableNames.contains(candidate))
            return candidate;
    return {};
}

QList<Table> dependencyOrder(const QList<Table> &tables)
{
    QList<Table> ordered, pending = tables, refLast;
    QSet<QString> names, done;
    for (const Table &t : tables)
        names.insert(t.name);
    // Tables with typed references go last, after everything they may point to.
    for (qsizetype i = pending.size() - 1; i >= 0; --i) {
        const QStringList cols = pending.at(i).columnNames();
        if (cols.contains(QStringLiteral("ref_kind")) && cols.contains(QStringLiteral("ref_id")))
            refLast.prepend(pending.takeAt(i));
    }
    for (QList<Table> *list : {&pending, &refLast}) {
        while (!list->isEmpty()) {
            bool progress = false;
            for (qsizetype i = 0; i < list->size(); ++i) {
                const Table &t = list->at(i);
                bool ready = true;
                for (const auto &fk : t.foreignKeys)
                    if (fk.parentTable != t.name && names.contains(fk.parentTable) && !done.contains(fk.parentTable)
                        && list == &pending)
                        ready = false;
                if (ready) {
                    done.insert(t.name);
                    ordered.append(list->takeAt(i));
                    progress = true;
                    break;
                }
            }
            if (!progress) { // a cycle: take the rest as they come
                ordered.append(*list);
                list->clear();
            }
        }
    }
    return ordered;
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
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it)
        t.insert(it.key(), QJsonObject{{QStringLiteral("inserted"), it->inserted}, {QStringLiteral("existing"), it->existing}});
    return {{QStringLiteral("source_uuid"), sourceUuid}, {QStringLiteral("inserted"), inserted()},
            {QStringLiteral("unmapped_references"), unmappedReferences}, {QStringLiteral("tables"), t}};
}

QStringList CaseMerger::excludedTables()
{
    return {QStringLiteral("case_info"), QStringLiteral("audit_log"), QStringLiteral("redaction_map"),
            QStringLiteral("report_drafts"), QStringLiteral("artifact_chunks"),
            QStringLiteral("timeline_counts")}; // derived: kept by triggers on events
}

CaseMerger::Result CaseMerger::merge(const QString &otherPath)
{
    if (m_case.isReadOnly())
        throw CaseError(QStringLiteral("the case is open read-only"));
    if (!QFileInfo::exists(otherPath))
        throw CaseError(QStringLiteral("%1 does not exist").arg(otherPath));
    if (QFileInfo(otherPath).canonicalFilePath() == QFileInfo(m_case.path()).canonicalFilePath())
        throw CaseError(QStringLiteral("cannot merge a case into itself"));

    // A private snapshot of the other case, brought to this build's schema
    // (the colleague's file is never modified).
    QTemporaryDir tmp;
    if (!tmp.isValid())
        throw CaseError(QStringLiteral("cannot create a temporary directory"));
    const QString snapshot = tmp.filePath(QStringLiteral("other.casebook"));
    {
        auto other = CaseFile::open(otherPath, CaseFile::Access::ReadOnly);
        SqliteDatabase copy(snapshot, SqliteDatabase::Mode::Create);
        other->db().backupTo(copy);
    }
    {
        auto migrated = CaseFile::open(snapshot, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
        if (migrated->schemaVersion() != m_case.schemaVersion())
            throw CaseError(QStringLiteral("the other case has schema %1, this one %2; open this case with the newer Casebook first")
                                .arg(migrated->schemaVersion()).arg(m_case.schemaVersion()));
    }

    SqliteDatabase &db = m_case.db();
    sqlite3 *h = db.handle();
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

    const QList<Table> mainTables = SchemaIntrospection(db, QStringLiteral("main")).tables();
    QSet<QString> otherNames;
    for (const Table &t : SchemaIntrospection(db, QStringLiteral("other")).tables())
        otherNames.insert(t.name);
    QList<Table> tables;
    QSet<QString> tableNames;
    for (const Table &t : mainTables) {
        tableNames.insert(t.name);
        if (otherNames.contains(t.name) && !excludedTables().contains(t.name))
            tables.append(t);
    }
    tables = dependencyOrder(tables);

    // A redacted copy of this very case coming back: restore the originals
    // from this case's pseudonym map, and recognise its re-hashed artifacts
    // by the original SHA-256 its audit log records.
    QHash<QString, QString> restoreMap; // lower(pseudonym) -> original
    QHash<QString, QString> originalSha; // redacted sha256 -> original sha256
    QRegularExpression restoreRe;
    if (!result.sourceUuid.isEmpty() && result.sourceUuid == db.queryText(QStringLiteral("SELECT uuid FROM main.case_info WHERE id = 1"))) {
        PseudonymMap pm;
        pm.load(db);
        QStringList alts;
        // IPv4 in /proc/net/tcp form: little-endian hex, as the Redactor writes it.
        auto procHex = [](const QString &ip) {
            const QStringList p = ip.split(QLatin1Char('.'));
            if (p.size() != 4)
                return QString();
            quint32 v = 0;
            for (int i = 3; i >= 0; --i)
                v = (v << 8) | p.at(i).toUInt();
            return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')).toUpper();
        };
        auto add = [&](const QString &pseudonym, const QString &original) {
            if (pseudonym.isEmpty() || restoreMap.contains(pseudonym.toLower()))
                return;
            restoreMap.insert(pseudonym.toLower(), original);
            alts.append(QRegularExpression::escape(pseudonym));
        };
        for (const PseudonymMap::Entry &e : pm.entries()) {
            add(e.pseudonym, e.original);
            if (e.kind == QLatin1String("ip"))
                add(procHex(e.pseudonym), procHex(e.original));
        }
        std::sort(alts.begin(), alts.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        if (!alts.isEmpty())
            restoreRe = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9_])(%1)(?![A-Za-z0-9_])").arg(alts.join(QLatin1Char('|'))),
                                           QRegularExpression::CaseInsensitiveOption);
        SqliteStatement ex = db.prepare(QStringLiteral("SELECT details FROM other.audit_log WHERE action = 'export-redacted'"));
        while (ex.step())
            for (const QJsonValue &a : Json::parseObject(ex.text(0)).value(QStringLiteral("artifacts")).toArray())
                originalSha.insert(a.toObject().value(QStringLiteral("sha256")).toString(),
                                   a.toObject().value(QStringLiteral("original_sha256")).toString());
    }
    auto restore = [&](const QString &text) {
        QString out;
        qsizetype last = 0;
        for (auto it = restoreRe.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out += QStringView(text).mid(last, m.capturedStart(1) - last);
            out += restoreMap.value(m.captured(1).toLower());
            last = m.capturedEnd(1);
        }
        if (last == 0)
            return text;
        out += QStringView(text).mid(last);
        return out;
    };
    qint64 restored = 0;

    QHash<QString, IdMap> maps; // table -> other id -> local id
    QList<qint64> mergedArtifacts; // recorded with their hashes in the merge entry
    SqliteTransaction tx(db);
    for (const Table &t : tables) {
        const QStringList cols = t.columnNames();
        const QString qt = SchemaIntrospection::quote(t.name);
        // Columns written on insert: all but a rowid alias that is not itself a foreign key.
        const bool ownIds = !t.rowIdAlias.isEmpty() && t.foreignParent(t.rowIdAlias).isEmpty();
        QStringList insertCols;
        QList<int> insertIdx;
        for (int i = 0; i < cols.size(); ++i)
            if (!(ownIds && cols.at(i) == t.rowIdAlias)) {
                insertCols.append(cols.at(i));
                insertIdx.append(i);
            }
        const int refKindCol = int(cols.indexOf(QStringLiteral("ref_kind"))), refIdCol = int(cols.indexOf(QStringLiteral("ref_id")));
        const int idCol = ownIds ? int(cols.indexOf(t.rowIdAlias)) : -1;
        const int shaCol = t.name == QLatin1String("artifacts") ? int(cols.indexOf(QStringLiteral("sha256"))) : -1;
        QStringList quoted;
        for (const QString &c : insertCols)
            quoted.append(SchemaIntrospection::quote(c));
        const QString rowidExpr = t.withoutRowId ? QStringLiteral("0") : QStringLiteral("rowid");

        // Fingerprints of the rows already here (content without own ids).
        QHash<QByteArray, qint64> local;
        {
            RawStatement st(h, QStringLiteral("SELECT %1, %2 FROM main.%3").arg(rowidExpr, quoted.join(QStringLiteral(", ")), qt));
            while (st.step()) {
                QCryptographicHash fp(QCryptographicHash::Sha256);
                for (int i = 0; i < insertCols.size(); ++i)
                    addToHash(fp, sqlite3_column_value(st.get(), i + 1));
                local.insert(fp.result(), sqlite3_column_int64(st.get(), 0));
            }
        }
        QStringList placeholders;
        for (int i = 0; i < insertCols.size(); ++i)
            placeholders.append(QStringLiteral("?"));
        RawStatement ins(h, QStringLiteral("INSERT INTO main.%1(%2) VALUES (%3)").arg(qt, quoted.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
        std::vector<std::unique_ptr<RawStatement>> uniqueLookups;
        for (const QStringList &uk : t.uniqueKeys) {
            QStringList conds;
            for (const QString &c : uk)
                conds.append(SchemaIntrospection::quote(c) + QStringLiteral(" IS ?"));
            uniqueLookups.push_back(std::make_unique<RawStatement>(h, QStringLiteral("SELECT %1 FROM main.%2 WHERE %3 LIMIT 1").arg(rowidExpr, qt, conds.join(QStringLiteral(" AND ")))));
        }
        std::unique_ptr<RawStatement> bySha;
        if (shaCol >= 0)
            bySha = std::make_unique<RawStatement>(h, QStringLiteral("SELECT id FROM main.artifacts WHERE sha256 = ? AND complete = 1 LIMIT 1"));
        RawStatement copyChunks(h, QStringLiteral("INSERT INTO main.artifact_chunks(artifact_id, seq, data) SELECT ?, seq, data FROM other.artifact_chunks WHERE artifact_id = ?"));

        TableCount &count = result.tables[t.name];
        IdMap &map = maps[t.name];
        QStringList selCols;
        for (const QString &c : cols)
            selCols.append(SchemaIntrospection::quote(c));
        RawStatement src(h, QStringLiteral("SELECT %1 FROM other.%2 ORDER BY %3").arg(selCols.join(QStringLiteral(", ")), qt, t.withoutRowId ? QStringLiteral("1") : QStringLiteral("rowid")));
        while (src.step()) {
            // Values of this row, with foreign keys and typed references mapped.
            QList<sqlite3_value *> values;
            struct Free
            {
                QList<sqlite3_value *> &v;
                ~Free() { for (auto *x : v) sqlite3_value_free(x); }
            } freeValues{values};
            for (int i = 0; i < cols.size(); ++i)
                values.append(sqlite3_value_dup(sqlite3_column_value(src.get(), i)));
            const qint64 otherId = idCol >= 0 ? sqlite3_value_int64(values.at(idCol)) : 0;
            QHash<int, qint64> mappedInts; // column -> new integer value
            QSet<int> nulled;
            bool skip = false;
            for (int i = 0; i < cols.size(); ++i) {
                const QString parent = t.foreignParent(cols.at(i));
                if (parent.isEmpty() || sqlite3_value_type(values.at(i)) == SQLITE_NULL || !maps.contains(parent))
                    continue;
                const auto it = maps.value(parent).constFind(sqlite3_value_int64(values.at(i)));
                if (it != maps.value(parent).constEnd())
                    mappedInts.insert(i, *it);
                else if (t.columns.at(i).notNull || t.columns.at(i).pk)
                    skip = true; // its parent was not merged
                else
                    nulled.insert(i);
            }
            if (refKindCol >= 0 && refIdCol >= 0 && sqlite3_value_type(values.at(refIdCol)) == SQLITE_INTEGER) {
                const QString kind = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(values.at(refKindCol))));
                const QString target = refTable(kind, tableNames);
                if (!target.isEmpty() && maps.contains(target)) {
                    const auto it = maps.value(target).constFind(sqlite3_value_int64(values.at(refIdCol)));
                    if (it != maps.value(target).constEnd())
                        mappedInts.insert(refIdCol, *it);
                } else if (!kind.isEmpty()) {
                    ++result.unmappedReferences;
                }
            }
            if (skip)
                continue;
            QHash<int, QByteArray> restoredText, restoredBlob;
            if (restoreRe.isValid() && !restoreMap.isEmpty()) {
                for (int i = 0; i < cols.size(); ++i) {
                    if (sqlite3_value_type(values.at(i)) == SQLITE_TEXT && i != shaCol) {
                        const QString in = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(values.at(i))), sqlite3_value_bytes(values.at(i)));
                        const QString out = restore(in);
                        if (out != in) {
                            restoredText.insert(i, out.toUtf8());
                            ++restored;
                        }
                    } else if (sqlite3_value_type(values.at(i)) == SQLITE_BLOB) {
                        // Byte-wise, as the Redactor treats blobs (Latin-1 view).
                        const QByteArray in(static_cast<const char *>(sqlite3_value_blob(values.at(i))), sqlite3_value_bytes(values.at(i)));
                        const QByteArray out = restore(QString::fromLatin1(in)).toLatin1();
                        if (out != in) {
                            restoredBlob.insert(i, out);
                            ++restored;
                        }
                    }
                }
            }
            auto bindRow = [&](sqlite3_stmt *st, const QList<int> &which) {
                for (int k = 0; k < which.size(); ++k) {
                    const int i = which.at(k);
                    if (nulled.contains(i))
                        sqlite3_bind_null(st, k + 1);
                    else if (mappedInts.contains(i))
                        sqlite3_bind_int64(st, k + 1, mappedInts.value(i));
                    else if (restoredText.contains(i))
                        sqlite3_bind_text(st, k + 1, restoredText[i].constData(), int(restoredText[i].size()), SQLITE_TRANSIENT);
                    else if (restoredBlob.contains(i))
                        sqlite3_bind_blob(st, k + 1, restoredBlob[i].constData(), int(restoredBlob[i].size()), SQLITE_TRANSIENT);
                    else
                        sqlite3_bind_value(st, k + 1, values.at(i));
                }
            };
            // Deduplicate: artifacts by SHA-256, then UNIQUE keys, then full content.
            qint64 existing = -1;
            if (bySha && sqlite3_value_type(values.at(shaCol)) == SQLITE_TEXT) {
                sqlite3_bind_value(bySha->get(), 1, values.at(shaCol));
                if (bySha->step())
                    existing = sqlite3_column_int64(bySha->get(), 0);
                bySha->reset();
                const QString redactedSha = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(values.at(shaCol))));
                if (existing < 0 && originalSha.contains(redactedSha)) {
                    const QByteArray orig = originalSha.value(redactedSha).toUtf8();
                    sqlite3_bind_text(bySha->get(), 1, orig.constData(), int(orig.size()), SQLITE_TRANSIENT);
                    if (bySha->step())
                        existing = sqlite3_column_int64(bySha->get(), 0);
                    bySha->reset();
                }
            }
            for (int u = 0; existing < 0 && u < t.uniqueKeys.size(); ++u) {
                QList<int> which;
                for (const QString &c : t.uniqueKeys.at(u))
                    which.append(int(cols.indexOf(c)));
                bindRow(uniqueLookups.at(size_t(u))->get(), which);
                if (uniqueLookups.at(size_t(u))->step())
                    existing = sqlite3_column_int64(uniqueLookups.at(size_t(u))->get(), 0);
                uniqueLookups.at(size_t(u))->reset();
            }
            QCryptographicHash fp(QCryptographicHash::Sha256);
            {
                // Fingerprint over the mapped values, as they would be stored.
                RawStatement probe(h, QStringLiteral("SELECT %1").arg(placeholders.join(QStringLiteral(", "))));
                bindRow(probe.get(), insertIdx);
                probe.step();
                for (int k = 0; k < insertIdx.size(); ++k)
                    addToHash(fp, sqlite3_column_value(probe.get(), k));
            }
            const QByteArray fingerprint = fp.result();
            if (existing < 0 && local.contains(fingerprint))
                existing = local.value(fingerprint);
            if (existing >= 0) {
                if (ownIds)
                    map.insert(otherId, existing);
                ++count.existing;
                continue;
            }
            bindRow(ins.get(), insertIdx);
            ins.step();
            ins.reset();
            const qint64 newId = sqlite3_last_insert_rowid(h);
            local.insert(fingerprint, newId);
            if (ownIds)
                map.insert(otherId, newId);
            ++count.inserted;
            if (shaCol >= 0) {
                sqlite3_bind_int64(copyChunks.get(), 1, newId);
                sqlite3_bind_int64(copyChunks.get(), 2, otherId);
                copyChunks.step();
                copyChunks.reset();
                mergedArtifacts.append(newId);
            }
        }
    }
    QJsonObject tablesJson;
    for (auto it = result.tables.constBegin(); it != result.tables.constEnd(); ++it)
        if (it->inserted || it->existing)
            tablesJson.insert(it.key(), QJsonObject{{QStringLiteral("inserted"), it->inserted}, {QStringLiteral("existing"), it->existing}});
    AuditLog(db).append(QStringLiteral("merge"), QStringLiteral("case"),
                        {{QStringLiteral("source"), QFileInfo(otherPath).absoluteFilePath()},
                         {QStringLiteral("source_uuid"), result.sourceUuid},
                         {QStringLiteral("source_audit_head"), otherHead},
                         {QStringLiteral("inserted"), result.inserted()},
                         {QStringLiteral("unmapped_references"), result.unmappedReferences},
                         {QStringLiteral("pseudonyms_restored"), restored},
                         {QStringLiteral("tables"), tablesJson},
                         {QStringLiteral("artifacts"), ArtifactRecords::ofArtifacts(db, mergedArtifacts)}});
    tx.commit();
    return result;
}
