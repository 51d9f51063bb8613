#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class CaseWriteGate;
struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_value;

// A prepared statement. Parameters are 1-based like SQLite's; columns 0-based.
class SqliteStatement
{
public:
    // gate: the file's writer gate, taken while a write statement runs outside a transaction.
    SqliteStatement(sqlite3 *db, const QString &sql, CaseWriteGate *gate = nullptr);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, const QString &value); // null QString binds NULL
    SqliteStatement &bindText(int index, QByteArrayView utf8);  // copied
    SqliteStatement &bindBlob(int index, QByteArrayView bytes); // copied
    SqliteStatement &bindNull(int index);
    // Binds 0 as NULL (for optional foreign keys).
    SqliteStatement &bindIdOrNull(int index, qint64 id);
    // A value of any type as another statement returned it (copying rows).
    SqliteStatement &bindValue(int index, const sqlite3_value *value);

    // Steps once: true when a row is available, false when done. Throws on error.
    bool step();
    // Steps to completion, then resets for reuse (bindings kept until rebound).
    void exec();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QByteArrayView blobView(int column) const; // valid until the next step
    // The column's value with its type; valid until the next step.
    sqlite3_value *value(int column) const;
    int columnCount() const;
    QString columnName(int column) const;

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    CaseWriteGate *m_gate = nullptr; // null for read-only statements
};
