#include "SqliteDatabase.h"

#include "GuiThreadSqlCheck.h"

#include "CaseWriteGate.h"
#include "SqliteBusyWait.h"
#include "SqliteStatement.h"
#include "util/CaseError.h"

#include <QFileInfo>

#include <sqlite3.h>

SqliteDatabase::SqliteDatabase() = default;

SqliteDatabase::SqliteDatabase(const QString &path, Mode mode)
    : m_path(path)
{
    // No SQLITE_OPEN_URI: "file:..." names a file of that name, never options.
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::Memory: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY; break;
    }
    // Always absolute: an SQLite built with SQLITE_USE_URI would still read a
    // relative "file:..." name as a URI; "/..." never is one.
    const QByteArray name = mode == Mode::Memory ? QByteArrayLiteral(":memory:") : QFileInfo(path).absoluteFilePath().toUtf8();
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw CaseError(QStringLiteral("cannot open %1: %2").arg(path, msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A case file is data, never code: no writes to the schema or shadow
    // tables by SQL, no functions with side effects from the schema.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(m_db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
    m_busy = std::make_unique<SqliteBusyWait>(m_db, path);
    if (mode != Mode::Memory)
        m_gate = CaseWriteGate::forFile(path);
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(other.m_db), m_path(std::move(other.m_path)), m_gate(std::move(other.m_gate)), m_busy(std::move(other.m_busy)),
      m_interruptCheck(std::move(other.m_interruptCheck))
{
    other.m_db = nullptr;
}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        m_gate = std::move(other.m_gate);
        m_busy = std::move(other.m_busy);
        m_interruptCheck = std::move(other.m_interruptCheck);
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
    // Outside a transaction any of these statements may write: take the gate.
    GuiThreadSqlCheck::note(sql);
    CaseWriteGateLocker gate(inTransaction() ? nullptr : m_gate.get());
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        if ((rc & 0xff) == SQLITE_BUSY)
            msg = SqliteBusyWait::busyMessage(m_path);
        throw CaseError(msg);
    }
}

SqliteStatement SqliteDatabase::prepare(const QString &sql)
{
    GuiThreadSqlCheck::note(sql);
    return SqliteStatement(m_db, sql, m_gate.get());
}

void SqliteDatabase::setDefensive(bool on)
{
    if (m_db)
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, on ? 1 : 0, nullptr);
}

bool SqliteDatabase::tryWithoutWaiting(const std::function<void()> &work)
{
    if (!m_db)
        return false;
    sqlite3_busy_handler(m_db, nullptr, nullptr);
    bool ok = true;
    try {
        work();
    } catch (const CaseError &) {
        ok = false;
    }
    m_busy->install(m_db); // the bounded wait again
    return ok;
}

void SqliteDatabase::setInterruptCheck(std::function<bool()> check)
{
    if (!m_db)
        return;
    if (!check) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        m_interruptCheck.reset();
        return;
    }
    m_interruptCheck = std::make_unique<std::function<bool()>>(std::move(check));
    sqlite3_progress_handler(m_db, 4000, &SqliteDatabase::progress, m_interruptCheck.get());
}

int SqliteDatabase::progress(void *check)
{
    return (*static_cast<std::function<bool()> *>(check))() ? 1 : 0;
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
