#include "CollectionStore.h"

#include "ArtifactRecords.h"
#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/Json.h"
#include "util/ProcessIdentity.h"
#include "util/TimeUtil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QUuid>

QString CollectionRecord::statusName(Status s)
{
    switch (s) {
    case Status::Running: return QStringLiteral("running");
    case Status::Complete: return QStringLiteral("complete");
    case Status::Partial: return QStringLiteral("partial");
    case Status::Incomplete: return QStringLiteral("incomplete");
    case Status::Failed: return QStringLiteral("failed");
    }
    return {};
}

CollectionRecord::Status CollectionRecord::statusFromName(const QString &name)
{
    if (name == QLatin1String("complete"))
        return Status::Complete;
    if (name == QLatin1String("partial"))
        return Status::Partial;
    if (name == QLatin1String("incomplete"))
        return Status::Incomplete;
    if (name == QLatin1String("failed"))
        return Status::Failed;
    return Status::Running;
}

qint64 CollectionStore::begin(qint64 hostId, const QString &kind, const QString &command, const QJsonObject &parameters)
{
    SqliteTransaction tx(m_db);
    const ProcessIdentity me = ProcessIdentity::current();
    QString tool = QCoreApplication::applicationName();
    if (tool.isEmpty())
        tool = QStringLiteral("casebook");
    tool += QLatin1Char(' ') + QLatin1String(CASEBOOK_VERSION);
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO collections(host_id, kind, command, parameters, operator, tool, started_us, status, "
        "owner_pid, owner_start, owner_machine, uuid) VALUES (?,?,?,?,?,?,?,'running',?,?,?,?)"));
    st.bindIdOrNull(1, hostId).bind(2, kind).bind(3, command).bind(4, Json::compact(parameters))
        .bind(5, AuditLog::currentActor()).bind(6, tool).bind(7, TimeUtil::nowUs())
        .bind(8, me.pid).bind(9, me.startTime).bind(10, me.machine)
        .bind(11, QUuid::createUuid().toString(QUuid::WithoutBraces));
    st.exec();
    const qint64 id = m_db.lastInsertRowId();
    AuditLog(m_db).append(QStringLiteral("collect-start"), QStringLiteral("collection:%1").arg(id),
                          {{QStringLiteral("kind"), kind}, {QStringLiteral("command"), command},
                           {QStringLiteral("host_id"), hostId}});
    tx.commit();
    return id;
}

void CollectionStore::setHostKey(qint64 id, const QString &type, const QString &sha256)
{
    SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE collections SET hostkey_type = ?, hostkey_sha256 = ? WHERE id = ?"));
    st.bind(1, type).bind(2, sha256).bind(3, id).exec();
}

void CollectionStore::setEndpoint(qint64 id, const QString &address, int port, const QString &user)
{
    SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE collections SET address = ?, port = ?, user = ? WHERE id = ?"));
    address.isEmpty() ? st.bindNull(1) : st.bind(1, address);
    port > 0 ? st.bind(2, port) : st.bindNull(2);
    user.isEmpty() ? st.bindNull(3) : st.bind(3, user);
    st.bind(4, id).exec();
}

void CollectionStore::setCommand(qint64 id, const QString &command)
{
    SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE collections SET command = ? WHERE id = ?"));
    st.bind(1, command).bind(2, id).exec();
}

void CollectionStore::finish(qint64 id, CollectionRecord::Status status, const QString &error)
{
    SqliteTransaction tx(m_db);
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE collections SET status = ?, error = ?, finished_us = ? WHERE id = ?"));
    st.bind(1, CollectionRecord::statusName(status)).bind(2, error).bind(3, TimeUtil::nowUs()).bind(4, id).exec();
    QJsonObject details{{QStringLiteral("status"), CollectionRecord::statusName(status)}};
    if (!error.isEmpty())
        details.insert(QStringLiteral("error"), error);
    details.insert(QStringLiteral("artifacts"), ArtifactRecords::ofCollection(m_db, id));
    AuditLog(m_db).append(QStringLiteral("collect-finish"), QStringLiteral("collection:%1").arg(id), details);
    tx.commit();
}

QList<CollectionRecord> CollectionStore::query(const QString &where, qint64 arg) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, host_id, kind, command, parameters, operator, tool, started_us, finished_us, status, error, "
        "hostkey_type, hostkey_sha256, address, port, user FROM collections %1 ORDER BY id").arg(where));
    if (where.contains(QLatin1Char('?')))
        st.bind(1, arg);
    QList<CollectionRecord> out;
    while (st.step()) {
        CollectionRecord c;
        c.id = st.int64(0);
        c.hostId = st.int64(1);
        c.kind = st.text(2);
        c.command = st.text(3);
        c.parameters = Json::parseObject(st.text(4));
        c.operatorName = st.text(5);
        c.tool = st.text(6);
        c.startedUs = st.int64(7);
        c.finishedUs = st.int64(8);
        c.status = CollectionRecord::statusFromName(st.text(9));
        c.error = st.text(10);
        c.hostkeyType = st.text(11);
        c.hostkeySha256 = st.text(12);
        c.address = st.text(13);
        c.port = int(st.int64(14));
        c.user = st.text(15);
        out.append(c);
    }
    return out;
}

std::optional<CollectionRecord> CollectionStore::byId(qint64 id) const
{
    const auto list = query(QStringLiteral("WHERE id = ?"), id);
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<CollectionRecord> CollectionStore::all() const
{
    return query({}, 0);
}

QList<CollectionRecord> CollectionStore::forHost(qint64 hostId) const
{
    return query(QStringLiteral("WHERE host_id = ?"), hostId);
}

int CollectionStore::recoverInterrupted()
{
    QList<qint64> stale;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT id, owner_pid, owner_start, owner_machine FROM collections WHERE status = 'running'"));
        while (st.step()) {
            ProcessIdentity owner{st.int64(1), st.text(2), st.text(3)};
            if (!owner.isAlive())
                stale.append(st.int64(0));
        }
    }
    if (stale.isEmpty())
        return 0;
    SqliteTransaction tx(m_db);
    for (qint64 id : stale) {
        // Hash what arrived of each unfinished artifact, so verify can check it.
        SqliteStatement arts = m_db.prepare(QStringLiteral("SELECT id FROM artifacts WHERE collection_id = ? AND complete = 0"));
        arts.bind(1, id);
        QList<qint64> artifactIds;
        while (arts.step())
            artifactIds.append(arts.int64(0));
        for (qint64 aid : artifactIds) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            qint64 size = 0;
            SqliteStatement chunks = m_db.prepare(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = ? ORDER BY seq"));
            chunks.bind(1, aid);
            while (chunks.step()) {
                const QByteArrayView data = chunks.blobView(0);
                h.addData(data);
                size += data.size();
            }
            SqliteStatement up = m_db.prepare(QStringLiteral("UPDATE artifacts SET size = ?, sha256 = ?, truncated = 1 WHERE id = ?"));
            up.bind(1, size).bind(2, QString::fromLatin1(h.result().toHex())).bind(3, aid).exec();
        }
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "UPDATE collections SET status = 'incomplete', finished_us = ?, "
            "error = 'interrupted: the collecting process ended before the collection finished' WHERE id = ?"));
        st.bind(1, TimeUtil::nowUs()).bind(2, id).exec();
        AuditLog(m_db).append(QStringLiteral("collect-interrupted"), QStringLiteral("collection:%1").arg(id),
                              {{QStringLiteral("partial_artifacts"), artifactIds.size()},
                               {QStringLiteral("artifacts"), ArtifactRecords::ofCollection(m_db, id)}});
    }
    tx.commit();
    return int(stale.size());
}
