#include "HostStore.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/TimeUtil.h"

namespace {
const char kColumns[] = "id, name, address, port, user, hostkey_type, hostkey_sha256, kernel, os, boot_time_us, "
                        "first_seen_us, last_seen_us";

HostRecord readHost(const SqliteStatement &st)
{
    HostRecord h;
    h.id = st.int64(0);
    h.name = st.text(1);
    h.address = st.text(2);
    h.port = int(st.int64(3));
    h.user = st.text(4);
    h.hostkeyType = st.text(5);
    h.hostkeySha256 = st.text(6);
    h.kernel = st.text(7);
    h.os = st.text(8);
    h.bootTimeUs = st.int64(9);
    h.firstSeenUs = st.int64(10);
    h.lastSeenUs = st.int64(11);
    return h;
}
}

qint64 HostStore::ensure(const QString &name)
{
    if (auto existing = byName(name)) {
        SqliteStatement st = m_db.prepare(QStringLiteral("UPDATE hosts SET last_seen_us = ? WHERE id = ?"));
        st.bind(1, TimeUtil::nowUs()).bind(2, existing->id).exec();
        return existing->id;
    }
    // Two connections (one per collection job) may create the same host at
    // once: the second insert is a no-op and both read the one row.
    const qint64 now = TimeUtil::nowUs();
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO hosts(name, first_seen_us, last_seen_us) VALUES (?,?,?) ON CONFLICT(name) DO NOTHING"));
    st.bind(1, name).bind(2, now).bind(3, now).exec();
    if (auto created = byName(name))
        return created->id;
    return m_db.lastInsertRowId();
}

void HostStore::update(const HostRecord &r)
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE hosts SET address = coalesce(?, address), port = coalesce(?, port), user = coalesce(?, user), "
        "hostkey_type = coalesce(?, hostkey_type), hostkey_sha256 = coalesce(?, hostkey_sha256), "
        "kernel = coalesce(?, kernel), os = coalesce(?, os), boot_time_us = coalesce(?, boot_time_us), "
        "last_seen_us = ? WHERE id = ?"));
    auto textOrNull = [&](int i, const QString &v) { v.isEmpty() ? st.bindNull(i) : st.bind(i, v); };
    textOrNull(1, r.address);
    r.port > 0 ? st.bind(2, r.port) : st.bindNull(2);
    textOrNull(3, r.user);
    textOrNull(4, r.hostkeyType);
    textOrNull(5, r.hostkeySha256);
    textOrNull(6, r.kernel);
    textOrNull(7, r.os);
    r.bootTimeUs > 0 ? st.bind(8, r.bootTimeUs) : st.bindNull(8);
    st.bind(9, TimeUtil::nowUs()).bind(10, r.id).exec();
}

std::optional<HostRecord> HostStore::byId(qint64 id) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM hosts WHERE id = ?").arg(QLatin1String(kColumns)));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readHost(st);
}

std::optional<HostRecord> HostStore::byName(const QString &name) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM hosts WHERE name = ?").arg(QLatin1String(kColumns)));
    st.bind(1, name);
    if (!st.step())
        return std::nullopt;
    return readHost(st);
}

QList<HostRecord> HostStore::all() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM hosts ORDER BY name").arg(QLatin1String(kColumns)));
    QList<HostRecord> out;
    while (st.step())
        out.append(readHost(st));
    return out;
}
