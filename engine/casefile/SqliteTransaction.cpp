#include "SqliteTransaction.h"

#include "CaseWriteGate.h"
#include "SqliteDatabase.h"

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
    if (!m_db.inTransaction()) {
        CaseWriteGate *gate = m_db.writeGate();
        if (gate)
            gate->lock();
        try {
            m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
        } catch (...) {
            if (gate)
                gate->unlock();
            throw;
        }
        m_gateHeld = gate;
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
    releaseGate();
}

void SqliteTransaction::commit()
{
    if (m_owner && !m_done)
        m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
    releaseGate();
}

void SqliteTransaction::releaseGate()
{
    if (m_gateHeld && !m_db.inTransaction()) {
        m_gateHeld->unlock();
        m_gateHeld = nullptr;
    }
}
