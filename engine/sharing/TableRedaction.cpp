#include "TableRedaction.h"

#include "SchemaIntrospection.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

TableRedaction::TableRedaction(SqliteDatabase &copy) : m_db(copy)
{
    SchemaIntrospection schema(copy);
    for (const SchemaIntrospection::Table &t : schema.tables())
        if (t.name != QLatin1String("artifact_chunks") && t.name != QLatin1String("redaction_map"))
            m_tables.append({t.name, t.columnNames()});
    for (const QString &s : schema.shadowTables()) {
        if (!s.endsWith(QLatin1String("_content")))
            continue; // index segments, sizes, configuration: rebuilt
        Table t{s, {}};
        SqliteStatement cols = copy.prepare(QStringLiteral("PRAGMA table_info(%1)").arg(SchemaIntrospection::quote(s)));
        while (cols.step())
            t.columns.append(cols.text(1));
        m_tables.append(t);
    }
}

void TableRedaction::redactAll()
{
    for (const Table &t : std::as_const(m_tables)) {
        QStringList sets;
        for (const QString &c : t.columns)
            sets.append(QStringLiteral("%1 = casebook_redact(%1)").arg(SchemaIntrospection::quote(c)));
        if (!sets.isEmpty())
            m_db.exec(QStringLiteral("UPDATE %1 SET %2").arg(SchemaIntrospection::quote(t.name), sets.join(QStringLiteral(", "))));
    }
}

qint64 TableRedaction::sweep()
{
    qint64 changed = 0;
    for (const Table &t : std::as_const(m_tables))
        for (const QString &c : t.columns) {
            const QString col = SchemaIntrospection::quote(c);
            m_db.exec(QStringLiteral("UPDATE %1 SET %2 = casebook_redact(%2) WHERE casebook_leftover(%2)").arg(SchemaIntrospection::quote(t.name), col));
            changed += m_db.changes();
        }
    return changed;
}

QList<TableRedaction::Leftover> TableRedaction::leftovers(const RedactionScanner &scanner)
{
    QList<Leftover> out;
    for (const Table &t : std::as_const(m_tables))
        for (const QString &c : t.columns) {
            const QString col = SchemaIntrospection::quote(c);
            SqliteStatement st = m_db.prepare(QStringLiteral("SELECT typeof(%1), %1 FROM %2 WHERE casebook_leftover(%1)").arg(col, SchemaIntrospection::quote(t.name)));
            while (st.step()) {
                const bool blob = st.text(0) == QLatin1String("blob");
                const QString value = blob ? QString::fromLatin1(st.blob(1)) : st.text(1);
                for (const RedactionScanner::Match &m : scanner.findAll(value, blob))
                    out.append({t.name, c, m});
            }
        }
    return out;
}

QList<TableRedaction::Leftover> TableRedaction::schemaLeftovers(SqliteDatabase &db, const QList<QPair<QString, QString>> &droppedTriggers,
                                                                const RedactionScanner &scanner)
{
    QList<QPair<QString, QString>> statements;
    for (const auto &[name, sql] : droppedTriggers)
        statements.append({QStringLiteral("trigger ") + name, sql});
    SqliteStatement st = db.prepare(QStringLiteral("SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_schema"));
    while (st.step())
        statements.append({st.text(0), st.text(1)});
    QList<Leftover> out;
    for (const auto &[name, sql] : statements)
        for (const RedactionScanner::Match &m : scanner.findAll(name + QLatin1Char('\n') + sql))
            out.append({QStringLiteral("schema"), name, m});
    return out;
}
