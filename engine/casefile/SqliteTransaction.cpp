#include "SqliteTransaction.h"

#include "SqliteDatabase.h"

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
    if (!m_db.inTransaction()) {
        m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
        m_owner = true;
    }
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_owner && !m_done && m_db.inTransaction()) {
        try {
            m_db.exec(QStringLiteral("ROLLBACK"));
        } catch (...) {
        }
    }
}

void SqliteTransaction::commit()
{
    if (m_owner && !m_done)
        m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}
