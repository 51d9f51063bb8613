#include "SqliteStatement.h"

#include "CaseWriteGate.h"
#include "SqliteBusyWait.h"
#include "util/CaseError.h"

#include <sqlite3.h>

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql, CaseWriteGate *gate)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_BUSY) // reading the schema met a lock
            throw CaseError(SqliteBusyWait::busyMessage(QString::fromUtf8(sqlite3_db_filename(db, "main"))));
        throw CaseError(QStringLiteral("SQL error: %1 in: %2").arg(QString::fromUtf8(sqlite3_errmsg(db)), sql));
    }
    if (m_stmt && !sqlite3_stmt_readonly(m_stmt))
        m_gate = gate;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_gate(other.m_gate)
{
    other.m_stmt = nullptr;
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_gate = other.m_gate;
        other.m_stmt = nullptr;
    }
    return *this;
}

void SqliteStatement::fail(int rc) const
{
    if ((rc & 0xff) == SQLITE_BUSY)
        throw CaseError(SqliteBusyWait::busyMessage(QString::fromUtf8(sqlite3_db_filename(m_db, "main"))));
    if ((rc & 0xff) == SQLITE_INTERRUPT)
        throw CaseError(QStringLiteral("interrupted"));
    throw CaseError(QStringLiteral("SQLite: %1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(m_db))).arg(rc));
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    if (int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    if (int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    return bindText(index, value.toUtf8());
}

SqliteStatement &SqliteStatement::bindText(int index, QByteArrayView utf8)
{
    // An empty, non-null text: SQLite needs a non-null pointer for ''.
    const char *data = utf8.data() ? utf8.data() : "";
    if (int rc = sqlite3_bind_text64(m_stmt, index, data, sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(int index, QByteArrayView bytes)
{
    const char *data = bytes.data() ? bytes.data() : "";
    if (int rc = sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    if (int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

SqliteStatement &SqliteStatement::bindIdOrNull(int index, qint64 id)
{
    return id > 0 ? bind(index, id) : bindNull(index);
}

SqliteStatement &SqliteStatement::bindValue(int index, const sqlite3_value *value)
{
    if (int rc = sqlite3_bind_value(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

bool SqliteStatement::step()
{
    // A write outside a transaction queues behind the process's other writers.
    CaseWriteGateLocker gate(m_gate && sqlite3_get_autocommit(m_db) ? m_gate : nullptr);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    fail(rc);
}

void SqliteStatement::exec()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

sqlite3_value *SqliteStatement::value(int column) const
{
    return sqlite3_column_value(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    return blobView(column).toByteArray();
}

QByteArrayView SqliteStatement::blobView(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(p, p ? sqlite3_column_bytes(m_stmt, column) : 0);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString SqliteStatement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}
