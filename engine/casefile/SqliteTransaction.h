#pragma once

class SqliteDatabase;

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK in the destructor
// unless commit() was called. Nests as a no-op inside an open transaction.
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
};
