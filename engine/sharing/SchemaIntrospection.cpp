#include "SchemaIntrospection.h"

#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QMap>

QStringList SchemaIntrospection::Table::columnNames() const
{
    QStringList out;
    for (const Column &c : columns)
        out.append(c.name);
    return out;
}

QString SchemaIntrospection::Table::foreignParent(const QString &column) const
{
    for (const ForeignKey &fk : foreignKeys)
        if (fk.column == column)
            return fk.parentTable;
    return {};
}

namespace {
const char kReferenceTable[] = "schema_references";
}

SchemaIntrospection::SchemaIntrospection(SqliteDatabase &db, const QString &schema) : m_db(db), m_schema(schema) {}

QString SchemaIntrospection::quote(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QStringList SchemaIntrospection::virtualTables() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT name FROM %1.sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").arg(quote(m_schema)));
    QStringList out;
    while (st.step())
        out.append(st.text(0));
    return out;
}

QStringList SchemaIntrospection::shadowTables() const
{
    const QStringList vtables = virtualTables();
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT name FROM %1.sqlite_schema WHERE type = 'table' ORDER BY name").arg(quote(m_schema)));
    QStringList out;
    while (st.step()) {
        const QString name = st.text(0);
        for (const QString &v : vtables)
            if (name.startsWith(v + QLatin1Char('_')))
                out.append(name);
    }
    return out;
}

QList<QPair<QString, QString>> SchemaIntrospection::triggers() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT name, sql FROM %1.sqlite_schema WHERE type = 'trigger' ORDER BY name").arg(quote(m_schema)));
    QList<QPair<QString, QString>> out;
    while (st.step())
        out.append({st.text(0), st.text(1)});
    return out;
}

QList<SchemaIntrospection::Table> SchemaIntrospection::tables() const
{
    const QStringList vtables = virtualTables();
    const QStringList shadows = shadowTables();
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT name FROM %1.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rootpage").arg(quote(m_schema)));
    QStringList names;
    while (st.step()) {
        const QString n = st.text(0);
        if (!vtables.contains(n) && !shadows.contains(n) && n != QLatin1String(kReferenceTable))
            names.append(n);
    }
    QList<Table> out;
    for (const QString &n : names)
        out.append(describe(n));
    return out;
}

bool SchemaIntrospection::hasReferenceTable() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT count(*) FROM %1.sqlite_schema WHERE type = 'table' AND name = ?").arg(quote(m_schema)));
    st.bind(1, QString::fromLatin1(kReferenceTable));
    return st.step() && st.int64(0) > 0;
}

SchemaIntrospection::Table SchemaIntrospection::describe(const QString &name) const
{
    Table t;
    t.name = name;
    const QString qs = quote(m_schema), qn = quote(name);
    SqliteStatement cols = m_db.prepare(QStringLiteral("PRAGMA %1.table_info(%2)").arg(qs, qn));
    QMap<int, QString> pkColumns;
    while (cols.step()) {
        Column c{cols.text(1), cols.text(2).toUpper(), cols.int64(3) != 0, int(cols.int64(5))};
        if (c.pk)
            pkColumns.insert(c.pk, c.name);
        t.columns.append(c);
    }
    t.primaryKey = pkColumns.values();
    const qsizetype pkCount = pkColumns.size();
    {
        SqliteStatement sql = m_db.prepare(QStringLiteral("SELECT sql FROM %1.sqlite_schema WHERE name = ?").arg(qs));
        sql.bind(1, name);
        if (sql.step())
            t.withoutRowId = sql.text(0).contains(QLatin1String("WITHOUT ROWID"), Qt::CaseInsensitive);
    }
    if (pkCount == 1 && !t.withoutRowId)
        for (const Column &c : t.columns)
            if (c.pk == 1 && c.type == QLatin1String("INTEGER"))
                t.rowIdAlias = c.name;
    SqliteStatement fks = m_db.prepare(QStringLiteral("PRAGMA %1.foreign_key_list(%2)").arg(qs, qn));
    while (fks.step())
        t.foreignKeys.append({fks.text(3), fks.text(2), true});
    if (hasReferenceTable()) {
        SqliteStatement refs = m_db.prepare(QStringLiteral(
            "SELECT column_name, parent_table FROM %1.%2 WHERE table_name = ? ORDER BY column_name").arg(qs, QLatin1String(kReferenceTable)));
        refs.bind(1, name);
        while (refs.step())
            if (t.foreignParent(refs.text(0)).isEmpty())
                t.foreignKeys.append({refs.text(0), refs.text(1), false});
    }
    SqliteStatement idx = m_db.prepare(QStringLiteral("PRAGMA %1.index_list(%2)").arg(qs, qn));
    QStringList uniqueIndexes;
    while (idx.step())
        if (idx.int64(2) != 0 && idx.text(3) != QLatin1String("pk"))
            uniqueIndexes.append(idx.text(1));
    for (const QString &ix : uniqueIndexes) {
        SqliteStatement info = m_db.prepare(QStringLiteral("PRAGMA %1.index_info(%2)").arg(qs, quote(ix)));
        QStringList cols2;
        while (info.step())
            cols2.append(info.text(2));
        if (!cols2.isEmpty() && !cols2.contains(QString()))
            t.uniqueKeys.append(cols2);
    }
    return t;
}
