#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class SqliteDatabase;

// What tables and columns a case file holds, discovered from sqlite_schema and
// PRAGMA table_info/foreign_key_list/index_list, so export and merge also
// cover tables that later schema versions add.
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
    };
    struct Table
    {
        QString name;
        QList<Column> columns;
        QList<ForeignKey> foreignKeys;
        QList<QStringList> uniqueKeys; // UNIQUE constraints/indexes (not the primary key)
        QString rowIdAlias;            // the INTEGER PRIMARY KEY column, if any
        bool withoutRowId = false;
        QStringList columnNames() const;
        QString foreignParent(const QString &column) const;
    };

    // schema: "main" or an attached database's name.
    SchemaIntrospection(SqliteDatabase &db, const QString &schema = QStringLiteral("main"));

    // Ordinary tables (no sqlite_*, no virtual tables, no FTS shadow tables).
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
    SqliteDatabase &m_db;
    QString m_schema;
};
