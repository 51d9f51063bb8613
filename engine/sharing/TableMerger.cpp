#include "TableMerger.h"

#include "PseudonymRestorer.h"
#include "RefKindTables.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/Json.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <algorithm>
#include <sqlite3.h>

// One value of a row, with its SQLite type.
struct TableMerger::Cell
{
    int type = SQLITE_NULL;
    qint64 integer = 0;
    double real = 0;
    QByteArray bytes; // TEXT (UTF-8) or BLOB

    static Cell id(qint64 v) { return {SQLITE_INTEGER, v, 0, {}}; }
    bool isNull() const { return type == SQLITE_NULL; }
};

namespace {
QString quotedList(const QStringList &cols, const QList<int> &which)
{
    QStringList out;
    for (int i : which)
        out.append(SchemaIntrospection::quote(cols.at(i)));
    return out.join(QStringLiteral(", "));
}
}

QStringList TableMerger::identityColumns(const QString &table)
{
    if (table == QLatin1String("notes"))
        return {QStringLiteral("created_us"), QStringLiteral("author")};
    if (table == QLatin1String("action_items"))
        return {QStringLiteral("created_us"), QStringLiteral("text"), QStringLiteral("owner")};
    return {};
}

TableMerger::TableMerger(MergeContext &context, const SchemaIntrospection::Table &table) : m_ctx(context), m_t(table)
{
    m_cols = m_t.columnNames();
    m_ownIds = !m_t.rowIdAlias.isEmpty() && m_t.foreignParent(m_t.rowIdAlias).isEmpty();
    m_idCol = m_ownIds ? int(m_cols.indexOf(m_t.rowIdAlias)) : -1;
    m_refKindCol = int(m_cols.indexOf(QStringLiteral("ref_kind")));
    m_refIdCol = int(m_cols.indexOf(QStringLiteral("ref_id")));
    if (m_refKindCol < 0 || m_refIdCol < 0)
        m_refKindCol = m_refIdCol = -1;
    m_jsonCol = int(m_cols.indexOf(jsonColumn()));
    const QStringList identity = identityColumns(m_t.name);
    for (int i = 0; i < m_cols.size(); ++i) {
        const QString parent = m_t.foreignParent(m_cols.at(i));
        m_parents.append(parent);
        if (parent.isEmpty() || !m_ctx.merged.contains(parent))
            m_roles.append(Role::Plain); // not an id, or of a table not merged: kept as it is
        else if (m_ctx.done.contains(parent) && parent != m_t.name)
            m_roles.append(Role::Mapped);
        else
            m_roles.append(Role::Deferred);
        if (i == m_idCol)
            continue;
        m_insertIdx.append(i);
        if (m_roles.last() != Role::Deferred && (identity.isEmpty() || identity.contains(m_cols.at(i))))
            m_identityIdx.append(i);
    }
}

QList<TableMerger::Cell> TableMerger::read(const SqliteStatement &st, qsizetype offset, qsizetype n) const
{
    QList<Cell> row;
    row.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        sqlite3_value *v = st.value(int(offset + i));
        Cell c;
        c.type = sqlite3_value_type(v);
        switch (c.type) {
        case SQLITE_INTEGER: c.integer = sqlite3_value_int64(v); break;
        case SQLITE_FLOAT: c.real = sqlite3_value_double(v); break;
        case SQLITE_TEXT: c.bytes = QByteArray(reinterpret_cast<const char *>(sqlite3_value_text(v)), sqlite3_value_bytes(v)); break;
        case SQLITE_BLOB: c.bytes = QByteArray(static_cast<const char *>(sqlite3_value_blob(v)), sqlite3_value_bytes(v)); break;
        default: break;
        }
        row.append(c);
    }
    return row;
}

QByteArray TableMerger::fingerprint(const QList<Cell> &row, const QList<int> &which) const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (qsizetype k = 0; k < which.size(); ++k) {
        const Cell &c = row.at(which.at(k));
        const char tag = char('0' + c.type);
        h.addData(QByteArrayView(&tag, 1));
        QByteArray payload;
        switch (c.type) {
        case SQLITE_INTEGER: payload = QByteArray::number(c.integer); break;
        case SQLITE_FLOAT: payload = QByteArray::number(c.real, 'g', 17); break;
        case SQLITE_TEXT:
        case SQLITE_BLOB: payload = c.bytes; break;
        default: break;
        }
        const qint64 len = payload.size();
        h.addData(QByteArrayView(reinterpret_cast<const char *>(&len), sizeof len));
        h.addData(payload);
    }
    return h.result();
}

// {"capture_id": 3, "tid": 7} -> {"capture_id": 12, "tid": 7}. False if an id
// could not be mapped (its table is merged later, or its row is missing).
bool TableMerger::mapJsonIds(Cell &cell, bool *pointsAtNew)
{
    if (cell.type != SQLITE_TEXT || !cell.bytes.startsWith('{') || !cell.bytes.contains("_id\""))
        return true;
    QJsonObject o = Json::parseObject(QString::fromUtf8(cell.bytes));
    bool changed = false, complete = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.key().endsWith(QLatin1String("_id")) || !it.value().isDouble())
            continue;
        QString kind = it.key().chopped(3);
        const QString table = m_ctx.refTables.tableFor(kind.replace(QLatin1Char('_'), QLatin1Char('-')));
        if (table.isEmpty() || !m_ctx.merged.contains(table))
            continue;
        const auto found = m_ctx.maps.value(table).constFind(it.value().toInteger());
        if (!m_ctx.done.contains(table) || table == m_t.name || found == m_ctx.maps.value(table).constEnd()) {
            ++m_ctx.unmappedReferences;
            complete = false;
            continue;
        }
        *pointsAtNew = *pointsAtNew || m_ctx.isNew(table, *found);
        it.value() = *found;
        changed = true;
    }
    if (changed)
        cell.bytes = Json::compact(o).toUtf8();
    return complete;
}

// The rows that were here before the merge, by identity fingerprint.
void TableMerger::buildLocalIndex()
{
    m_localBuilt = true;
    const QString sql = QStringLiteral("SELECT rowid, %1 FROM main.%2 WHERE rowid <= ? ORDER BY rowid")
                            .arg(quotedList(m_cols, m_identityIdx), SchemaIntrospection::quote(m_t.name));
    SqliteStatement st = m_ctx.db.prepare(sql);
    st.bind(1, m_ctx.preMax.value(m_t.name));
    QList<int> all;
    for (int k = 0; k < m_identityIdx.size(); ++k)
        all.append(k);
    while (st.step()) {
        QList<Cell> sparse(m_cols.size());
        const QList<Cell> got = read(st, 1, m_identityIdx.size());
        for (int k = 0; k < m_identityIdx.size(); ++k)
            sparse[m_identityIdx.at(k)] = got.at(k);
        m_local[fingerprint(sparse, m_identityIdx)].append(st.int64(0));
    }
    for (auto &ids : m_local)
        std::reverse(ids.begin(), ids.end());
}

qint64 TableMerger::takeLocal(const QByteArray &fp)
{
    if (!m_localBuilt)
        buildLocalIndex();
    auto it = m_local.find(fp);
    if (it == m_local.end() || it->isEmpty())
        return -1;
    return it->takeLast();
}

// Artifacts by their bytes; other tables by a UNIQUE or primary key.
qint64 TableMerger::findByKeys(const QList<Cell> &row, qint64 otherId)
{
    if (m_t.name == QLatin1String("artifacts")) {
        const int sha = int(m_cols.indexOf(QStringLiteral("sha256"))), kind = int(m_cols.indexOf(QStringLiteral("kind")));
        const int coll = int(m_cols.indexOf(QStringLiteral("collection_id")));
        if (sha >= 0 && kind >= 0 && row.at(sha).type == SQLITE_TEXT) {
            const QByteArray bytes = m_ctx.originalSha.contains(otherId) ? m_ctx.originalSha.value(otherId).toUtf8() : row.at(sha).bytes;
            SqliteStatement st = m_ctx.db.prepare(QStringLiteral(
                "SELECT id FROM main.artifacts WHERE sha256 = ? AND kind = ? ORDER BY (collection_id IS ?) DESC, id LIMIT 1"));
            st.bindText(1, bytes).bindText(2, row.at(kind).bytes);
            if (coll >= 0 && row.at(coll).type == SQLITE_INTEGER)
                st.bind(3, row.at(coll).integer);
            else
                st.bindNull(3);
            if (st.step())
                return st.int64(0);
        }
    }
    QList<QStringList> keys = m_t.uniqueKeys;
    if (!m_ownIds && !m_t.primaryKey.isEmpty())
        keys.append(m_t.primaryKey);
    for (int keyIndex = 0; keyIndex < keys.size(); ++keyIndex) {
        const QStringList &key = keys.at(keyIndex);
        QList<int> which;
        QStringList conds;
        bool usable = true;
        for (const QString &c : key) {
            const int i = int(m_cols.indexOf(c));
            usable = usable && i >= 0 && m_roles.at(i) != Role::Deferred && !row.at(i).isNull();
            which.append(i);
            conds.append(SchemaIntrospection::quote(c) + QStringLiteral(" = ?"));
        }
        if (!usable)
            continue;
        auto cached = m_keyLookups.find(keyIndex);
        if (cached == m_keyLookups.end())
            cached = m_keyLookups.emplace(keyIndex, m_ctx.db.prepare(QStringLiteral("SELECT %1 FROM main.%2 WHERE %3 LIMIT 1")
                                                                       .arg(m_t.withoutRowId ? QStringLiteral("0") : QStringLiteral("rowid"),
                                                                            SchemaIntrospection::quote(m_t.name), conds.join(QStringLiteral(" AND ")))))
                         .first;
        SqliteStatement &st = cached->second;
        for (int k = 0; k < which.size(); ++k) {
            const Cell &c = row.at(which.at(k));
            switch (c.type) {
            case SQLITE_INTEGER: st.bind(k + 1, c.integer); break;
            case SQLITE_FLOAT: st.bind(k + 1, c.real); break;
            case SQLITE_TEXT: st.bindText(k + 1, c.bytes); break;
            default: st.bindBlob(k + 1, c.bytes); break;
            }
        }
        const qint64 found = st.step() ? st.int64(0) : -1;
        st.reset();
        if (found >= 0)
            return found;
    }
    return -1;
}

CaseMerger::TableCount TableMerger::run()
{
    CaseMerger::TableCount count;
    MergeContext::IdMap &map = m_ctx.maps[m_t.name];
    const QString qt = SchemaIntrospection::quote(m_t.name);
    QStringList placeholders;
    for (int i = 0; i < m_insertIdx.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    SqliteStatement ins = m_ctx.db.prepare(QStringLiteral("INSERT INTO main.%1(%2) VALUES (%3)")
                                               .arg(qt, quotedList(m_cols, m_insertIdx), placeholders.join(QStringLiteral(", "))));
    const bool isArtifacts = m_t.name == QLatin1String("artifacts");
    SqliteStatement copyChunks = m_ctx.db.prepare(isArtifacts
        ? QStringLiteral("INSERT INTO main.artifact_chunks(artifact_id, seq, data) SELECT ?, seq, data FROM other.artifact_chunks WHERE artifact_id = ?")
        : QStringLiteral("SELECT 1"));
    QList<int> all;
    for (int i = 0; i < m_cols.size(); ++i)
        all.append(i);

    SqliteStatement src = m_ctx.db.prepare(QStringLiteral("SELECT %1 FROM other.%2 ORDER BY %3")
                                               .arg(quotedList(m_cols, all), qt, m_t.withoutRowId ? QStringLiteral("1") : QStringLiteral("rowid")));
    while (src.step()) {
        QList<Cell> row = read(src, 0, m_cols.size());
        const qint64 otherId = m_idCol >= 0 ? row.at(m_idCol).integer : 0;
        bool pointsAtNew = false, orphan = false, unmatchable = false;
        QList<MergeContext::Fixup> fixups;
        auto mapInto = [&](int i, const QString &parent) {
            const qint64 v = row.at(i).integer;
            const auto it = m_ctx.maps.value(parent).constFind(v);
            if (it != m_ctx.maps.value(parent).constEnd()) {
                row[i] = Cell::id(*it);
                pointsAtNew = pointsAtNew || m_ctx.isNew(parent, *it);
                return true;
            }
            return false;
        };
        for (int i = 0; i < m_cols.size(); ++i) {
            if (m_roles.at(i) == Role::Plain || row.at(i).type != SQLITE_INTEGER)
                continue;
            const bool nullable = !m_t.columns.at(i).notNull && !m_t.columns.at(i).pk;
            if (m_roles.at(i) == Role::Deferred) {
                fixups.append({m_t.name, m_cols.at(i), m_parents.at(i), 0, row.at(i).integer, nullable});
                if (nullable)
                    row[i] = Cell();
            } else if (!mapInto(i, m_parents.at(i))) {
                if (nullable)
                    row[i] = Cell(); // its row is missing in the other case
                else
                    orphan = true;
            }
        }
        if (orphan) {
            ++count.orphans;
            continue;
        }
        if (m_refKindCol >= 0 && row.at(m_refIdCol).type == SQLITE_INTEGER) {
            const QString target = m_ctx.refTables.tableFor(QString::fromUtf8(row.at(m_refKindCol).bytes));
            if (target.isEmpty() || !m_ctx.merged.contains(target)) {
                ++m_ctx.unmappedReferences; // a kind naming no table merged here: kept as it was
            } else if (!m_ctx.done.contains(target) || target == m_t.name) {
                fixups.append({m_t.name, m_cols.at(m_refIdCol), target, 0, row.at(m_refIdCol).integer, false});
                unmatchable = true;
            } else if (!mapInto(m_refIdCol, target)) {
                ++m_ctx.unmappedReferences;
                row[m_refIdCol] = m_t.columns.at(m_refIdCol).notNull ? Cell::id(0) : Cell();
            }
        }
        if (m_jsonCol >= 0 && !mapJsonIds(row[m_jsonCol], &pointsAtNew))
            unmatchable = true;
        if (m_ctx.restorer) {
            for (int i = 0; i < m_cols.size(); ++i) {
                Cell &c = row[i];
                if (c.type == SQLITE_TEXT)
                    c.bytes = m_ctx.restorer->restore(QString::fromUtf8(c.bytes)).toUtf8();
                else if (c.type == SQLITE_BLOB)
                    c.bytes = m_ctx.restorer->restoreBytes(c.bytes);
            }
        }

        qint64 existing = findByKeys(row, otherId);
        if (existing < 0 && !pointsAtNew && !unmatchable && !m_t.withoutRowId) // without rowid: the primary key decides
            existing = takeLocal(fingerprint(row, m_identityIdx));
        if (existing >= 0) {
            if (m_ownIds)
                map.insert(otherId, existing);
            ++count.existing;
            continue;
        }
        for (int k = 0; k < m_insertIdx.size(); ++k) {
            const Cell &c = row.at(m_insertIdx.at(k));
            switch (c.type) {
            case SQLITE_INTEGER: ins.bind(k + 1, c.integer); break;
            case SQLITE_FLOAT: ins.bind(k + 1, c.real); break;
            case SQLITE_TEXT: ins.bindText(k + 1, c.bytes); break;
            case SQLITE_BLOB: ins.bindBlob(k + 1, c.bytes); break;
            default: ins.bindNull(k + 1); break;
            }
        }
        ins.exec();
        const qint64 newId = m_ctx.db.lastInsertRowId();
        if (m_ownIds)
            map.insert(otherId, newId);
        ++count.inserted;
        for (MergeContext::Fixup &f : fixups) {
            f.rowid = newId;
            m_ctx.fixups.append(f);
        }
        if (isArtifacts) {
            copyChunks.bind(1, newId).bind(2, otherId);
            copyChunks.exec();
            m_ctx.mergedArtifacts.append(newId);
        }
    }
    return count;
}
