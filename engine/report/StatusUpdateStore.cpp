#include "StatusUpdateStore.h"

#include "casefile/AuditLog.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

qint64 StatusUpdateStore::add(const QString &text, qint64 atUs)
{
    if (text.trimmed().isEmpty())
        throw CaseError(QStringLiteral("a status update needs text"));
    SqliteTransaction tx(m_db);
    const qint64 now = TimeUtil::nowUs();
    const qint64 at = atUs ? atUs : now;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO status_updates(at_us, text, author, created_us) VALUES (?,?,?,?)"));
    st.bind(1, at).bind(2, text).bind(3, AuditLog::currentActor()).bind(4, now).exec();
    const qint64 id = m_db.lastInsertRowId();
    AuditLog(m_db).append(QStringLiteral("status-update"), QStringLiteral("status:%1").arg(id),
                          {{QStringLiteral("at"), TimeUtil::isoUtc(at)}, {QStringLiteral("text"), text}});
    tx.commit();
    return id;
}

QList<StatusUpdate> StatusUpdateStore::all() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, at_us, text, author, created_us FROM status_updates ORDER BY at_us, id"));
    QList<StatusUpdate> out;
    while (st.step())
        out.append({st.int64(0), st.int64(1), st.text(2), st.text(3), st.int64(4)});
    return out;
}
