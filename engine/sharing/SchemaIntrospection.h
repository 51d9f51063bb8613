#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class SqliteDatabase;

// What tables and columns a case file holds, discovered from sqlite_schema and
// PRAGMA table_info/foreign_key_list/index_list, so export and merge also
// cover tables that later schema versions add. References SQLite does not
// enforce (bulk tables without FOREIGN KEY) come from the schema_references
// table and are reported as foreign keys too.
class SchemaIntrospection
{
public:
    struct Column
    {
        QString name;
        QString type;   // declared type, upper case
        bool notNull = false;
        int pk = 0;     // position in the primary key, 0 = not part of it
    };
    struct ForeignKey
    {
        QString column;
        QString parentTable;
        bool enforced = true; // false: listed in schema_references, not declared to SQLite
    };
    struct Table
    {
        QString name;
        QList<Column> columns;
        QList<ForeignKey> foreignKeys; // declared ones, then those schema_references lists
        QList<QStringList> uniqueKeys; // UNIQUE constraints/indexes (not the primary key)
        QStringList primaryKey;        // PRIMARY KEY columns in key order (empty: rowid only)
        QString rowIdAlias;            // the INTEGER PRIMARY KEY column, if any
        bool withoutRowId = false;
        QStringList columnNames() const;
        QString foreignParent(const QString &column) const;
    };

    // schema: "main" or an attached database's name.
    SchemaIntrospection(SqliteDatabase &db, const QString &schema = QStringLiteral("main"));

    // Ordinary tables (no sqlite_*, no virtual tables, no FTS shadow tables,
    // not schema_references itself).
    QList<Table> tables() const;
    // Virtual tables (e.g. FTS5 indexes).
    QStringList virtualTables() const;
    // Shadow tables of the virtual tables (name starts with vtable name + '_').
    QStringList shadowTables() const;
    // name + CREATE TRIGGER sql of every trigger.
    QList<QPair<QString, QString>> triggers() const;

    // "name" with embedded quotes doubled, for identifiers (never for values).
    static QString quote(const QString &identifier);

private:
    Table describe(const QString &name) const;
    bool hasReferenceTable() const;
    SqliteDatabase &m_db;
    QString m_schema;
};
