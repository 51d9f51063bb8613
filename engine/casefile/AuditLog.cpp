#include "AuditLog.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/Json.h"
#include "util/TimeUtil.h"

#include <QCryptographicHash>
#include <QSysInfo>

namespace {
const QString kGenesis = QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000");
}

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
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
    const QString prevHash = prev.isEmpty() ? kGenesis : prev;
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
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, at_us, actor, action, target, details, prev_hash, hash FROM audit_log ORDER BY id"));
    QString expectedPrev = kGenesis;
    while (st.step()) {
        const qint64 id = st.int64(0);
        if (st.text(6) != expectedPrev) {
            if (problem)
                *problem = QStringLiteral("audit entry %1 does not follow the previous entry (a row was removed or altered)").arg(id);
            return id;
        }
        const QString h = computeHash(st.text(6), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5));
        if (h != st.text(7)) {
            if (problem)
                *problem = QStringLiteral("audit entry %1 was altered (hash mismatch)").arg(id);
            return id;
        }
        expectedPrev = h;
    }
    return 0;
}
