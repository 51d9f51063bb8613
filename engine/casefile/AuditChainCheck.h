#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;

// Walks the audit log in id order and checks it without relying on its
// triggers (raw SQL can drop them): every entry must name its predecessor's
// hash (prev_hash), hash to its own stored hash, carry the id after its
// predecessor's and not be dated before it. It goes on after a problem, so a
// removed or swapped entry is named together with what follows it.
class AuditChainCheck
{
public:
    struct Problem
    {
        qint64 id = 0; // the entry at which the chain breaks
        QString message;
    };

    explicit AuditChainCheck(SqliteDatabase &db) : m_db(db) {}

    // Up to maxProblems problems, in chain order; empty when the chain is intact.
    QList<Problem> run(int maxProblems = 20) const;

private:
    SqliteDatabase &m_db;
};
