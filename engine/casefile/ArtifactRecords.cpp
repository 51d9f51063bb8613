#include "ArtifactRecords.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/Json.h"

namespace {
QJsonObject recordOf(const SqliteStatement &st) // columns: id, sha256, size
{
    if (st.isNull(1) || st.text(1).isEmpty())
        return {{QStringLiteral("complete"), false}};
    return {{QStringLiteral("sha256"), st.text(1)}, {QStringLiteral("size"), st.int64(2)}};
}

ArtifactRecords::Record parseRecord(const QJsonValue &v, qint64 entry, const QString &action)
{
    ArtifactRecords::Record r;
    r.auditEntry = entry;
    r.action = action;
    if (v.isString()) {
        r.sha256 = v.toString();
    } else {
        const QJsonObject o = v.toObject();
        r.sha256 = o.value(QStringLiteral("sha256")).toString();
        r.size = o.contains(QStringLiteral("size")) ? o.value(QStringLiteral("size")).toInteger(-1) : -1;
    }
    return r;
}

void addRecords(QMap<qint64, QList<ArtifactRecords::Record>> &out, qint64 entry, const QString &action, const QString &details,
                qint64 only)
{
    const QJsonValue artifacts = Json::parseObject(details).value(QStringLiteral("artifacts"));
    auto add = [&](qint64 id, const QJsonValue &v) {
        if (id > 0 && (only == 0 || id == only))
            out[id].append(parseRecord(v, entry, action));
    };
    if (artifacts.isObject()) {
        const QJsonObject o = artifacts.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            add(it.key().toLongLong(), it.value());
    } else if (artifacts.isArray()) {
        for (const QJsonValue &v : artifacts.toArray())
            add(v.toObject().value(QStringLiteral("artifact")).toInteger(), v);
    }
}

QMap<qint64, QList<ArtifactRecords::Record>> read(SqliteDatabase &db, qint64 only)
{
    SqliteStatement st = db.prepare(QStringLiteral(
        "SELECT id, action, details FROM audit_log WHERE details LIKE '%\"artifacts\"%' ORDER BY id"));
    QMap<qint64, QList<ArtifactRecords::Record>> out;
    while (st.step())
        addRecords(out, st.int64(0), st.text(1), st.text(2), only);
    return out;
}
}

QJsonObject ArtifactRecords::ofCollection(SqliteDatabase &db, qint64 collectionId)
{
    SqliteStatement st = db.prepare(QStringLiteral("SELECT id, sha256, size FROM artifacts WHERE collection_id = ? ORDER BY id"));
    st.bind(1, collectionId);
    QJsonObject out;
    while (st.step())
        out.insert(QString::number(st.int64(0)), recordOf(st));
    return out;
}

QJsonObject ArtifactRecords::ofArtifacts(SqliteDatabase &db, const QList<qint64> &ids)
{
    SqliteStatement st = db.prepare(QStringLiteral("SELECT id, sha256, size FROM artifacts WHERE id = ?"));
    QJsonObject out;
    for (qint64 id : ids) {
        st.bind(1, id);
        if (st.step())
            out.insert(QString::number(id), recordOf(st));
        st.reset();
    }
    return out;
}

QMap<qint64, QList<ArtifactRecords::Record>> ArtifactRecords::fromAuditLog(SqliteDatabase &db)
{
    return read(db, 0);
}

QList<ArtifactRecords::Record> ArtifactRecords::forArtifact(SqliteDatabase &db, qint64 artifactId)
{
    return read(db, artifactId).value(artifactId);
}
