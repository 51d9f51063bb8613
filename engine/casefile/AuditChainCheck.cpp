#include "AuditChainCheck.h"

#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"

QList<AuditChainCheck::Problem> AuditChainCheck::run(int maxProblems) const
{
    Position end;
    return runFrom({}, &end, maxProblems);
}

QList<AuditChainCheck::Problem> AuditChainCheck::runFrom(const Position &from, Position *end, int maxProblems) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, at_us, actor, action, target, details, prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id"));
    st.bind(1, from.id);
    QList<Problem> problems;
    auto report = [&](qint64 id, const QString &message) {
        if (problems.size() < maxProblems)
            problems.append({id, message});
    };
    QString expectedPrev = from.id ? from.hash : AuditLog::genesisHash();
    qint64 prevId = from.id, prevAt = from.atUs, entries = from.entries;
    while (st.step() && problems.size() < maxProblems) {
        const qint64 id = st.int64(0), at = st.int64(1);
        const QString prevHash = st.text(6), stored = st.text(7);
        if (prevId == 0 && id != 1)
            report(id, QStringLiteral("audit entries before %1 are missing (the chain starts at entry %1)").arg(id));
        else if (id == prevId + 2)
            report(id, QStringLiteral("audit entry %1 is missing (the ids jump from %2 to %3)").arg(prevId + 1).arg(prevId).arg(id));
        else if (prevId != 0 && id != prevId + 1)
            report(id, QStringLiteral("audit entries %1 to %2 are missing (the ids jump from %3 to %4)")
                           .arg(prevId + 1).arg(id - 1).arg(prevId).arg(id));
        if (prevHash != expectedPrev)
            report(id, prevId == 0 ? QStringLiteral("audit entry %1 does not start the chain (entries before it were removed)").arg(id)
                                   : QStringLiteral("audit entry %1 does not follow entry %2 (an entry was removed, altered or reordered)")
                                         .arg(id).arg(prevId));
        if (AuditLog::computeHash(prevHash, at, st.text(2), st.text(3), st.text(4), st.text(5)) != stored)
            report(id, QStringLiteral("audit entry %1 was altered (its hash does not match its content)").arg(id));
        if (prevId != 0 && at < prevAt)
            report(id, QStringLiteral("audit entry %1 is dated before entry %2 (entries were reordered, or the clock went back)")
                           .arg(id).arg(prevId));
        // Resynchronise on what is stored, so one bad entry is not blamed on all that follow.
        expectedPrev = stored;
        prevId = id;
        prevAt = at;
        ++entries;
    }
    *end = Position{prevId, prevAt, expectedPrev, entries};
    return problems;
}
