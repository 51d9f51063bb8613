#include "FindingStore.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/Json.h"

#include <QJsonArray>
#include "util/TimeUtil.h"

int FindingStore::severityRank(const QString &s)
{
    static const QStringList order{QStringLiteral("info"), QStringLiteral("low"), QStringLiteral("medium"),
                                   QStringLiteral("high"), QStringLiteral("critical")};
    return int(qMax<qsizetype>(0, order.indexOf(s)));
}

QString FindingStore::identityOf(const Finding &f)
{
    for (const char *key : {"signature", "event_id", "conversation_id", "pid", "tid"}) {
        const QJsonValue v = f.data.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull())
            return QStringLiteral("%1=%2").arg(QLatin1String(key), Json::compact(QJsonObject{{QStringLiteral("v"), v}}));
    }
    return QStringLiteral("title=") + f.title;
}

QByteArray FindingStore::contentOf(const Finding &f)
{
    QJsonArray ev;
    for (const EvidenceRef &e : f.evidence)
        ev.append(QJsonArray{e.refKind, e.refId, e.label});
    return Json::compact(QJsonObject{{QStringLiteral("host"), f.hostId}, {QStringLiteral("collection"), f.collectionId},
                                     {QStringLiteral("kind"), f.kind}, {QStringLiteral("severity"), f.severity},
                                     {QStringLiteral("title"), f.title}, {QStringLiteral("detail"), f.detail},
                                     {QStringLiteral("at"), f.atUs}, {QStringLiteral("data"), f.data},
                                     {QStringLiteral("evidence"), ev}})
        .toUtf8();
}

int FindingStore::supersedeFor(qint64 collectionId, const QStringList &kinds)
{
    SqliteTransaction tx(m_db);
    const qint64 now = TimeUtil::nowUs();
    SqliteStatement upd = m_db.prepare(QStringLiteral("UPDATE findings SET superseded_at = ? WHERE id = ?"));
    int n = 0;
    for (const QString &k : kinds) {
        QList<qint64> ids;
        {
            SqliteStatement st = m_db.prepare(QStringLiteral(
                "SELECT id FROM findings WHERE collection_id = ? AND kind = ? AND superseded_at IS NULL ORDER BY id"));
            st.bind(1, collectionId).bind(2, k);
            while (st.step())
                ids.append(st.int64(0));
        }
        for (qint64 id : ids) {
            const std::optional<Finding> f = byId(id);
            if (!f)
                continue;
            upd.bind(1, now).bind(2, id).exec();
            m_superseded.append({id, f->kind, identityOf(*f), contentOf(*f), false});
            ++n;
        }
    }
    tx.commit();
    return n;
}

qint64 FindingStore::add(const Finding &f)
{
    SqliteTransaction tx(m_db);
    // Found again, unchanged: the earlier finding stays current (same id).
    const QByteArray content = contentOf(f);
    for (qsizetype i = 0; i < m_superseded.size(); ++i) {
        if (m_superseded[i].kind != f.kind || m_superseded[i].content != content)
            continue;
        const qint64 id = m_superseded[i].id;
        SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE findings SET superseded_at = NULL, superseded_by = NULL WHERE id = ?"));
        st.bind(1, id).exec();
        m_superseded.removeAt(i);
        tx.commit();
        return id;
    }
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO findings(host_id, collection_id, kind, severity, title, detail, at_us, created_us, data) "
        "VALUES (?,?,?,?,?,?,?,?,?)"));
    st.bindIdOrNull(1, f.hostId).bindIdOrNull(2, f.collectionId).bind(3, f.kind).bind(4, f.severity)
        .bind(5, f.title).bind(6, f.detail.isNull() ? QString(QLatin1String("")) : f.detail);
    f.atUs ? st.bind(7, f.atUs) : st.bindNull(7);
    st.bind(8, f.createdUs ? f.createdUs : TimeUtil::nowUs()).bind(9, Json::compact(f.data)).exec();
    const qint64 id = m_db.lastInsertRowId();
    SqliteStatement ev = m_db.prepare(QStringLiteral(
        "INSERT INTO finding_evidence(finding_id, ref_kind, ref_id, label) VALUES (?,?,?,?)"));
    for (const EvidenceRef &e : f.evidence) {
        ev.bind(1, id).bind(2, e.refKind).bind(3, e.refId).bind(4, e.label.isNull() ? QString(QLatin1String("")) : e.label);
        ev.exec();
    }
    // Changed: the earlier finding of the same kind and identity (or the only
    // earlier one of its kind) is superseded by this one.
    const QString identity = identityOf(f);
    int sameKind = 0;
    for (const Superseded &s : std::as_const(m_superseded))
        sameKind += s.kind == f.kind;
    SqliteStatement link = m_db.prepare(QStringLiteral("UPDATE findings SET superseded_by = ? WHERE id = ?"));
    for (Superseded &s : m_superseded) {
        if (s.linked || s.kind != f.kind || (s.identity != identity && sameKind != 1))
            continue;
        link.bind(1, id).bind(2, s.id).exec();
        s.linked = true;
    }
    tx.commit();
    return id;
}

QList<EvidenceRef> FindingStore::evidenceOf(qint64 findingId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT ref_kind, ref_id, label FROM finding_evidence WHERE finding_id = ? ORDER BY rowid"));
    st.bind(1, findingId);
    QList<EvidenceRef> out;
    while (st.step())
        out.append({st.text(0), st.int64(1), st.text(2)});
    return out;
}

namespace {
const char kColumns[] = "id, host_id, collection_id, kind, severity, title, detail, at_us, created_us, data, superseded_at,"
                        " superseded_by";

Finding readFinding(const SqliteStatement &st)
{
    Finding f;
    f.id = st.int64(0);
    f.hostId = st.int64(1);
    f.collectionId = st.int64(2);
    f.kind = st.text(3);
    f.severity = st.text(4);
    f.title = st.text(5);
    f.detail = st.text(6);
    f.atUs = st.int64(7);
    f.createdUs = st.int64(8);
    f.data = Json::parseObject(st.text(9));
    f.supersededUs = st.int64(10);
    f.supersededBy = st.int64(11);
    return f;
}
}

std::optional<Finding> FindingStore::byId(qint64 id) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM findings WHERE id = ?").arg(QLatin1String(kColumns)));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    Finding f = readFinding(st);
    f.evidence = evidenceOf(f.id);
    return f;
}

QList<Finding> FindingStore::list(qint64 hostId, const QString &kind, Include include) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM findings WHERE (?1 = 0 OR host_id = ?1) AND (?2 = '' OR kind = ?2) AND (?3 OR superseded_at IS NULL) "
        "ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
        "coalesce(at_us, created_us), id").arg(QLatin1String(kColumns)));
    st.bind(1, hostId).bind(2, kind.isNull() ? QString(QLatin1String("")) : kind).bind(3, include == Include::All ? 1 : 0);
    QList<Finding> out;
    while (st.step())
        out.append(readFinding(st));
    for (Finding &f : out)
        f.evidence = evidenceOf(f.id);
    return out;
}
