#pragma once

#include "RedactionScanner.h"

#include <QList>
#include <QString>
#include <QStringList>

class SqliteDatabase;

// Every value of every table of a copy being redacted, through the SQL
// functions the exporter registers on the copy: casebook_redact(x) (the
// Redactor) and casebook_leftover(x) (1 when the Redactor's scanner still
// finds something in x). Covers the ordinary tables (found from the schema,
// so tables of later versions are included, and whatever their declared
// column types) and the content tables of full-text indexes; not
// artifact_chunks (ArtifactRedaction), redaction_map (emptied) or the index
// segments of full-text indexes (rebuilt from the redacted content).
class TableRedaction
{
public:
    struct Leftover
    {
        QString table;
        QString column;
        RedactionScanner::Match match;
    };

    explicit TableRedaction(SqliteDatabase &copy);

    int tableCount() const { return int(m_tables.size()); }
    // First pass: every value.
    void redactAll();
    // Again every value the scanner still finds something in; returns how many changed.
    qint64 sweep();
    // What the scanner still finds (nothing, after a sweep() that changed nothing).
    QList<Leftover> leftovers(const RedactionScanner &scanner);
    // What the scanner finds in the schema itself (table, index, trigger and
    // view names and statements): values no redaction can remove.
    static QList<Leftover> schemaLeftovers(SqliteDatabase &db, const QList<QPair<QString, QString>> &droppedTriggers,
                                           const RedactionScanner &scanner);

private:
    struct Table
    {
        QString name;
        QStringList columns;
    };
    SqliteDatabase &m_db;
    QList<Table> m_tables;
};
