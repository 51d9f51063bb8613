#include "ActionItemStore.h"

#include "casefile/AuditLog.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

qint64 ActionItemStore::add(const ActionItem &item)
{
    if (item.text.trimmed().isEmpty())
        throw CaseError(QStringLiteral("an action item needs text"));
    SqliteTransaction tx(m_db);
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO action_items(text, owner, due_us, status, created_us) VALUES (?,?,?,?,?)"));
    st.bind(1, item.text).bind(2, item.owner.isNull() ? QString(QLatin1String("")) : item.owner);
    item.dueUs ? st.bind(3, item.dueUs) : st.bindNull(3);
    st.bind(4, item.status).bind(5, TimeUtil::nowUs()).exec();
    const qint64 id = m_db.lastInsertRowId();
    AuditLog(m_db).append(QStringLiteral("action-item"), QStringLiteral("action:%1").arg(id),
                          {{QStringLiteral("text"), item.text}, {QStringLiteral("owner"), item.owner}});
    tx.commit();
    return id;
}

void ActionItemStore::setStatus(qint64 id, const QString &status)
{
    if (status != QLatin1String("open") && status != QLatin1String("done") && status != QLatin1String("dropped"))
        throw CaseError(QStringLiteral("action item status must be open, done or dropped"));
    SqliteTransaction tx(m_db);
    SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE action_items SET status = ? WHERE id = ?"));
    st.bind(1, status).bind(2, id).exec();
    if (m_db.changes() == 0)
        throw CaseError(QStringLiteral("no action item %1").arg(id));
    AuditLog(m_db).append(QStringLiteral("action-item-status"), QStringLiteral("action:%1").arg(id),
                          {{QStringLiteral("status"), status}});
    tx.commit();
}

QList<ActionItem> ActionItemStore::all() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, text, owner, due_us, status, created_us FROM action_items ORDER BY id"));
    QList<ActionItem> out;
    while (st.step())
        out.append({st.int64(0), st.text(1), st.text(2), st.int64(3), st.text(4), st.int64(5)});
    return out;
}
