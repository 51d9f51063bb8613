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

    // Where a check got to: the last entry checked (id 0: the start).
    struct Position
    {
        qint64 id = 0;
        qint64 atUs = 0;
        QString hash;
        qint64 entries = 0;
    };

    explicit AuditChainCheck(SqliteDatabase &db) : m_db(db) {}

    // Up to maxProblems problems, in chain order; empty when the chain is intact.
    QList<Problem> run(int maxProblems = 20) const;
    // Checks only the entries after from (a position an earlier check
    // reached): how the workbench keeps up with a growing chain without
    // re-hashing it. end receives the new position.
    QList<Problem> runFrom(const Position &from, Position *end, int maxProblems = 20) const;

private:
    SqliteDatabase &m_db;
};
