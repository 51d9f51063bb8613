#include "FindingStore.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/Json.h"
#include "util/TimeUtil.h"

int FindingStore::severityRank(const QString &s)
{
    static const QStringList order{QStringLiteral("info"), QStringLiteral("low"), QStringLiteral("medium"),
                                   QStringLiteral("high"), QStringLiteral("critical")};
    return int(qMax<qsizetype>(0, order.indexOf(s)));
}

qint64 FindingStore::add(const Finding &f)
{
    SqliteTransaction tx(m_db);
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
const char kColumns[] = "id, host_id, collection_id, kind, severity, title, detail, at_us, created_us, data";

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

QList<Finding> FindingStore::list(qint64 hostId, const QString &kind) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT %1 FROM findings WHERE (?1 = 0 OR host_id = ?1) AND (?2 = '' OR kind = ?2) "
        "ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
        "coalesce(at_us, created_us), id").arg(QLatin1String(kColumns)));
    st.bind(1, hostId).bind(2, kind.isNull() ? QString(QLatin1String("")) : kind);
    QList<Finding> out;
    while (st.step())
        out.append(readFinding(st));
    for (Finding &f : out)
        f.evidence = evidenceOf(f.id);
    return out;
}

int FindingStore::removeFor(qint64 collectionId, const QStringList &kinds)
{
    SqliteTransaction tx(m_db);
    SqliteStatement st = m_db.prepare(QStringLiteral("DELETE FROM findings WHERE collection_id = ? AND kind = ?"));
    int n = 0;
    for (const QString &k : kinds) {
        st.bind(1, collectionId).bind(2, k).exec();
        n += m_db.changes();
    }
    tx.commit();
    return n;
}
