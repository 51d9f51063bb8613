#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

struct sqlite3;
class CaseWriteGate;
class SqliteBusyWait;
class SqliteStatement;

// Owns one sqlite3 connection (C API). Not thread-safe: one connection per
// thread. Errors throw CaseError with SQLite's message.
//
// Every connection treats the file as untrusted data: no URI file names (a
// path starting with "file:" is a path), SQLITE_DBCONFIG_DEFENSIVE,
// trusted_schema off, and values longer than kMaxValueBytes refused. Writes
// go through the file's CaseWriteGate (one writer per file in this process);
// a lock held by another process is waited for, bounded (SqliteBusyWait).
class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create, Memory };

    static constexpr int kMaxValueBytes = 128 * 1024 * 1024;

    SqliteDatabase();
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

    // SQLITE_DBCONFIG_DEFENSIVE (on for every connection). Only a connection
    // to a file the caller itself just created may turn it off.
    void setDefensive(bool on);

    // Runs work with no busy wait: a lock held elsewhere fails it at once.
    // Returns false (swallowing the error) if it failed.
    bool tryWithoutWaiting(const std::function<void()> &work);

    // The in-process writer gate of this file (null for in-memory databases).
    CaseWriteGate *writeGate() const { return m_gate.get(); }

    // While set, a running statement calls check every few thousand steps
    // and is interrupted (SQLITE_INTERRUPT, CaseError "interrupted") once it
    // returns true: how a user cancels a long query. Pass {} to clear.
    void setInterruptCheck(std::function<bool()> check);

private:
    static int progress(void *self);

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::shared_ptr<CaseWriteGate> m_gate;
    std::unique_ptr<SqliteBusyWait> m_busy;
    std::unique_ptr<std::function<bool()>> m_interruptCheck;
};
