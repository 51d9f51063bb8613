#include "SqliteDatabase.h"

#include "SqliteStatement.h"
#include "util/CaseError.h"

#include <sqlite3.h>

SqliteDatabase::SqliteDatabase(const QString &path, Mode mode)
    : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::Memory: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY; break;
    }
    const QByteArray name = mode == Mode::Memory ? QByteArrayLiteral(":memory:") : path.toUtf8();
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw CaseError(QStringLiteral("cannot open %1: %2").arg(path, msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 15000);
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(other.m_db), m_path(std::move(other.m_path))
{
    other.m_db = nullptr;
}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

void SqliteDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void SqliteDatabase::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        throw CaseError(msg);
    }
}

SqliteStatement SqliteDatabase::prepare(const QString &sql)
{
    return SqliteStatement(m_db, sql);
}

qint64 SqliteDatabase::queryInt(const QString &sql, qint64 defaultValue)
{
    SqliteStatement st = prepare(sql);
    return st.step() && !st.isNull(0) ? st.int64(0) : defaultValue;
}

QString SqliteDatabase::queryText(const QString &sql)
{
    SqliteStatement st = prepare(sql);
    return st.step() ? st.text(0) : QString();
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

QString SqliteDatabase::errorMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

bool SqliteDatabase::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

void SqliteDatabase::backupTo(SqliteDatabase &dest)
{
    sqlite3_backup *backup = sqlite3_backup_init(dest.m_db, "main", m_db, "main");
    if (!backup)
        throw CaseError(QStringLiteral("backup failed: %1").arg(dest.errorMessage()));
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw CaseError(QStringLiteral("backup failed: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
}
