#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
class SqliteStatement;

// Owns one sqlite3 connection (C API). Not thread-safe: one connection per
// thread. Errors throw CaseError with SQLite's message.
class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create, Memory };

    SqliteDatabase() = default;
    SqliteDatabase(const QString &path, Mode mode);
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // Runs one or more statements without parameters (DDL, pragmas).
    void exec(const QString &sql);
    // Prepares a statement; parameters are always bound, never spliced in.
    SqliteStatement prepare(const QString &sql);
    // Convenience: first column of the first row, or the default.
    qint64 queryInt(const QString &sql, qint64 defaultValue = 0);
    QString queryText(const QString &sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    QString errorMessage() const;
    bool inTransaction() const;

    // Copies this database into dest using SQLite's online backup API.
    void backupTo(SqliteDatabase &dest);
    void close();

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};
