#pragma once

class CaseWriteGate;
class SqliteDatabase;

// RAII write transaction: takes the file's in-process writer gate, then
// BEGIN IMMEDIATE (waiting, bounded, for another process's lock); ROLLBACK in
// the destructor unless commit() was called; the gate is released at the end.
// Nests as a no-op inside an open transaction.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    void commit();

private:
    SqliteDatabase &m_db;
    bool m_owner = false;
    bool m_done = false;
    CaseWriteGate *m_gateHeld = nullptr;

    void releaseGate();
};
