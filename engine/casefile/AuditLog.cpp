#include "AuditLog.h"

#include "AuditChainCheck.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/Json.h"
#include "util/OperatorIdentity.h"
#include "util/TimeUtil.h"

#include <QCryptographicHash>

QString AuditLog::genesisHash()
{
    return QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000");
}

QString AuditLog::currentActor()
{
    return OperatorIdentity::current();
}

QString AuditLog::computeHash(const QString &prevHash, qint64 atUs, const QString &actor, const QString &action,
                              const QString &target, const QString &details)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QString joined = prevHash + QLatin1Char('\n') + QString::number(atUs) + QLatin1Char('\n') + actor
        + QLatin1Char('\n') + action + QLatin1Char('\n') + target + QLatin1Char('\n') + details;
    h.addData(joined.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

qint64 AuditLog::append(const QString &action, const QString &target, const QJsonObject &details)
{
    SqliteTransaction tx(m_db);
    const QString prev = m_db.queryText(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    const QString prevHash = prev.isEmpty() ? genesisHash() : prev;
    const qint64 at = TimeUtil::nowUs();
    const QString actor = currentActor();
    const QString detailText = Json::compact(details);
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_log(at_us, actor, action, target, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?)"));
    st.bind(1, at).bind(2, actor).bind(3, action).bind(4, target).bind(5, detailText).bind(6, prevHash)
        .bind(7, computeHash(prevHash, at, actor, action, target, detailText));
    st.exec();
    const qint64 id = m_db.lastInsertRowId();
    tx.commit();
    return id;
}

QList<AuditLog::Entry> AuditLog::entries(qint64 afterId, int limit) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, at_us, actor, action, target, details, prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?"));
    st.bind(1, afterId).bind(2, qint64(limit));
    QList<Entry> out;
    while (st.step()) {
        Entry e;
        e.id = st.int64(0);
        e.atUs = st.int64(1);
        e.actor = st.text(2);
        e.action = st.text(3);
        e.target = st.text(4);
        e.details = Json::parseObject(st.text(5));
        e.prevHash = st.text(6);
        e.hash = st.text(7);
        out.append(e);
    }
    return out;
}

qint64 AuditLog::count() const
{
    return m_db.queryInt(QStringLiteral("SELECT count(*) FROM audit_log"));
}

qint64 AuditLog::verifyChain(QString *problem) const
{
    const QList<AuditChainCheck::Problem> problems = AuditChainCheck(m_db).run(1);
    if (problems.isEmpty())
        return 0;
    if (problem)
        *problem = problems.first().message;
    return problems.first().id;
}
