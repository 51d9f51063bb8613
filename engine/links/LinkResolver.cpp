#include "LinkResolver.h"

#include "LinkBuilder.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QObject>

namespace {
qint64 number(const QString &s, bool *ok)
{
    const qint64 v = s.toLongLong(ok);
    if (*ok && v <= 0)
        *ok = false;
    return v;
}

[[noreturn]] void notFound(const QString &kind, const QString &target)
{
    throw CaseError(QObject::tr("[[%1:%2]] is not in this case.").arg(kind, target));
}

[[noreturn]] void malformed(const QString &kind, const QString &target)
{
    throw CaseError(QObject::tr("[[%1:%2]] is not a link Casebook understands.").arg(kind, target));
}

// The table of the kinds that are just a row id.
const char *tableOf(LinkKind k)
{
    switch (k) {
    case LinkKind::Artifact: return "SELECT id, host_id, collection_id FROM artifacts WHERE id = ?";
    case LinkKind::Collection: return "SELECT id, host_id, id FROM collections WHERE id = ?";
    case LinkKind::Finding: return "SELECT id, host_id, collection_id FROM findings WHERE id = ?";
    case LinkKind::Note: return "SELECT id, 0, 0 FROM notes WHERE id = ?";
    case LinkKind::Event: return "SELECT id, host_id, collection_id FROM events WHERE id = ?";
    case LinkKind::KernelEvent: return "SELECT id, host_id, collection_id FROM events WHERE id = ?";
    case LinkKind::StraceCall:
        return "SELECT c.id, t.host_id, t.collection_id FROM strace_calls c JOIN strace_traces t ON t.id = c.trace_id WHERE c.id = ?";
    case LinkKind::Conversation:
        return "SELECT v.id, p.host_id, p.collection_id, p.id FROM pcap_conversations v JOIN pcap_captures p ON p.id = v.capture_id WHERE v.id = ?";
    case LinkKind::RpcCall:
        return "SELECT v.id, p.host_id, p.collection_id, p.id FROM pcap_rpc_calls v JOIN pcap_captures p ON p.id = v.capture_id WHERE v.id = ?";
    case LinkKind::KernelLogLine:
        return "SELECT id, host_id, collection_id, 0, artifact_id, event_id FROM kernel_log_lines WHERE id = ?";
    default: return nullptr;
    }
}
}

ResolvedLink LinkResolver::resolve(const QString &kindName, const QString &target, qint64 contextSnapshotId) const
{
    const auto kind = LinkKinds::parse(kindName);
    if (!kind || target.isEmpty() || target.size() > 300)
        malformed(kindName, target);
    ResolvedLink r;
    r.kind = *kind;
    switch (*kind) {
    case LinkKind::Task: task(r, target); break;
    case LinkKind::Stack:
    case LinkKind::Group: stack(r, target, contextSnapshotId); break;
    case LinkKind::Snapshot: snapshot(r, target); break;
    case LinkKind::Host: {
        bool ok = false;
        r.hostId = number(target, &ok);
        if (!ok)
            r.hostId = hostByName(target);
        fillHost(r);
        if (r.hostName.isNull())
            notFound(kindName, target);
        r.id = r.hostId;
        r.canonical = LinkBuilder::text(LinkKind::Host, QString::number(r.id));
        break;
    }
    default: {
        bool ok = false;
        const qint64 id = number(target, &ok);
        if (!ok)
            malformed(kindName, target);
        SqliteStatement st = m_db.prepare(QString::fromLatin1(tableOf(*kind)));
        st.bind(1, id);
        if (!st.step())
            notFound(kindName, target);
        r.id = id;
        r.hostId = st.int64(1);
        r.collectionId = st.int64(2);
        if (*kind == LinkKind::Conversation || *kind == LinkKind::RpcCall)
            r.captureId = st.int64(3);
        if (*kind == LinkKind::Artifact)
            r.artifactId = id;
        if (*kind == LinkKind::KernelLogLine) {
            r.artifactId = st.int64(4);
            r.eventId = st.int64(5);
        }
        if (*kind == LinkKind::Event || *kind == LinkKind::KernelEvent)
            r.eventId = id;
        fillHost(r);
        r.canonical = LinkBuilder::text(*kind, QString::number(id));
        if (r.eventId || *kind == LinkKind::KernelLogLine)
            event(r);
        break;
    }
    }
    return r;
}

void LinkResolver::task(ResolvedLink &r, const QString &target) const
{
    const QStringList parts = target.split(QLatin1Char('/'));
    bool ok = false;
    const qint64 last = number(parts.last(), &ok);
    if (!ok || parts.size() > 3)
        malformed(QStringLiteral("task"), target);
    SqliteStatement byRow = m_db.prepare(QStringLiteral("SELECT id, snapshot_id, tid, coalesce(stack_id, 0) FROM procfs_tasks WHERE id = ?"));
    SqliteStatement byTid = m_db.prepare(QStringLiteral(
        "SELECT id, snapshot_id, tid, coalesce(stack_id, 0) FROM procfs_tasks WHERE snapshot_id = ? AND tid = ? ORDER BY id LIMIT 1"));
    auto take = [&](SqliteStatement &st) {
        r.id = st.int64(0);
        r.tid = st.int64(2);
        r.stackId = st.int64(3);
        fillSnapshot(r, st.int64(1));
    };
    if (parts.size() == 1) {
        // The procfs_tasks row findings store; else a tid in the latest snapshot (old notes).
        byRow.bind(1, last);
        if (byRow.step()) {
            take(byRow);
        } else {
            const qint64 snap = latestSnapshot(0);
            byTid.bind(1, snap).bind(2, last);
            if (!snap || !byTid.step())
                notFound(QStringLiteral("task"), target);
            take(byTid);
        }
    } else {
        qint64 snap = 0;
        qint64 hostId = 0;
        const QString &before = parts[parts.size() - 2];
        bool numeric = false;
        const qint64 n = number(before, &numeric);
        if (parts.size() == 3) { // HOST/SNAPSHOT/TID
            if (!numeric)
                malformed(QStringLiteral("task"), target);
            snap = n;
            hostId = hostByName(parts[0]);
        } else if (numeric) { // SNAPSHOT/TID
            snap = n;
        } else { // HOST/TID: that host's latest snapshot
            hostId = hostByName(before);
            snap = latestSnapshot(hostId);
        }
        byTid.bind(1, snap).bind(2, last);
        if (!snap || !byTid.step())
            notFound(QStringLiteral("task"), target);
        take(byTid);
        if (hostId && hostId != r.hostId)
            notFound(QStringLiteral("task"), target); // the snapshot is another host's
    }
    r.canonical = LinkBuilder::text(LinkKind::Task, LinkBuilder::taskTarget(r.hostName, r.snapshotId, r.tid));
}

void LinkResolver::stack(ResolvedLink &r, const QString &target, qint64 contextSnapshotId) const
{
    const qsizetype at = target.lastIndexOf(QLatin1Char('@'));
    const QString key = at < 0 ? target : target.left(at);
    const QString kindName = LinkKinds::name(r.kind);
    qint64 snap = contextSnapshotId;
    if (at >= 0) {
        bool ok = false;
        snap = number(target.mid(at + 1), &ok);
        if (!ok)
            malformed(kindName, target);
    }
    if (r.kind == LinkKind::Stack) {
        bool ok = false;
        r.stackId = number(key, &ok);
        if (!ok)
            malformed(kindName, target);
        SqliteStatement st = m_db.prepare(QStringLiteral("SELECT signature FROM procfs_stacks WHERE id = ?"));
        st.bind(1, r.stackId);
        if (!st.step())
            notFound(kindName, target);
        r.signature = st.text(0);
    } else {
        r.signature = key;
        SqliteStatement st = m_db.prepare(QStringLiteral("SELECT id FROM procfs_stacks WHERE signature = ?"));
        st.bind(1, key);
        if (st.step())
            r.stackId = st.int64(0);
    }
    if (r.stackId) {
        // The snapshot given (or of the context) if it holds the stack, else the newest that does.
        SqliteStatement holds = m_db.prepare(QStringLiteral(
            "SELECT t.snapshot_id FROM procfs_tasks t JOIN procfs_snapshots s ON s.id = t.snapshot_id "
            "WHERE t.stack_id = ?1 AND (?2 = 0 OR t.snapshot_id = ?2) ORDER BY s.taken_us DESC, s.id DESC LIMIT 1"));
        holds.bind(1, r.stackId).bind(2, snap);
        if (holds.step()) {
            snap = holds.int64(0);
        } else if (at >= 0) {
            notFound(kindName, target); // not in the snapshot the link names
        } else {
            SqliteStatement any = m_db.prepare(QStringLiteral(
                "SELECT t.snapshot_id FROM procfs_tasks t JOIN procfs_snapshots s ON s.id = t.snapshot_id "
                "WHERE t.stack_id = ? ORDER BY s.taken_us DESC, s.id DESC LIMIT 1"));
            any.bind(1, r.stackId);
            if (!any.step())
                notFound(kindName, target);
            snap = any.int64(0);
        }
    } else if (!snap) {
        snap = latestSnapshot(0);
    }
    if (!snap)
        notFound(kindName, target);
    fillSnapshot(r, snap);
    r.id = r.stackId;
    r.canonical = r.kind == LinkKind::Stack ? LinkBuilder::text(LinkKind::Stack, LinkBuilder::stackTarget(r.stackId, r.snapshotId))
                                            : LinkBuilder::text(LinkKind::Group, QStringLiteral("%1@%2").arg(r.signature).arg(r.snapshotId));
}

void LinkResolver::snapshot(ResolvedLink &r, const QString &target) const
{
    bool ok = false;
    qint64 snap = number(target, &ok);
    if (!ok)
        snap = latestSnapshot(target == QLatin1String("latest") ? 0 : hostByName(target));
    fillSnapshot(r, snap);
    r.id = r.snapshotId;
    r.canonical = LinkBuilder::text(LinkKind::Snapshot, QString::number(r.snapshotId));
}

void LinkResolver::fillSnapshot(ResolvedLink &r, qint64 snapshotId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT id, coalesce(host_id, 0), coalesce(collection_id, 0) FROM procfs_snapshots WHERE id = ?"));
    st.bind(1, snapshotId);
    if (!snapshotId || !st.step())
        throw CaseError(QObject::tr("There is no procfs snapshot %1 in this case.").arg(snapshotId));
    r.snapshotId = st.int64(0);
    r.hostId = st.int64(1);
    r.collectionId = st.int64(2);
    fillHost(r);
}

void LinkResolver::fillHost(ResolvedLink &r) const
{
    if (!r.hostId)
        return;
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT name FROM hosts WHERE id = ?"));
    st.bind(1, r.hostId);
    if (st.step())
        r.hostName = st.text(0);
}

void LinkResolver::event(ResolvedLink &r) const
{
    // The event's heading and text, with the kernel-log lines it spans.
    if (!r.eventId) {
        SqliteStatement line = m_db.prepare(QStringLiteral("SELECT at_us, text FROM kernel_log_lines WHERE id = ?"));
        line.bind(1, r.id);
        if (line.step()) {
            r.title = QStringLiteral("%1  kernel-log").arg(line.isNull(0) ? QString() : TimeUtil::isoUtc(line.int64(0)));
            r.text = line.text(1);
        }
        return;
    }
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT at_us, kind, source, summary, detail, coalesce(ref_kind, ''), coalesce(ref_id, 0) FROM events WHERE id = ?"));
    st.bind(1, r.eventId);
    if (!st.step())
        return;
    r.title = QStringLiteral("%1  %2  %3").arg(TimeUtil::isoUtc(st.int64(0)), st.text(2), st.text(1));
    r.text = st.text(3) + QStringLiteral("\n\n") + st.text(4);
    if (st.text(5) == LinkKinds::name(LinkKind::Artifact) && !r.artifactId)
        r.artifactId = st.int64(6);
    SqliteStatement lines = m_db.prepare(QStringLiteral(
        "SELECT text, coalesce(artifact_id, 0) FROM kernel_log_lines WHERE event_id = ? ORDER BY seq LIMIT 200"));
    lines.bind(1, r.eventId);
    QStringList log;
    while (lines.step()) {
        log << lines.text(0);
        if (!r.artifactId && r.kind != LinkKind::Event)
            r.artifactId = lines.int64(1);
    }
    if (!log.isEmpty())
        r.text += QStringLiteral("\n\n") + log.join(QLatin1Char('\n'));
}

qint64 LinkResolver::latestSnapshot(qint64 hostId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id FROM procfs_snapshots WHERE (?1 = 0 OR host_id = ?1) ORDER BY taken_us DESC, id DESC LIMIT 1"));
    st.bind(1, hostId);
    return st.step() ? st.int64(0) : 0;
}

qint64 LinkResolver::hostByName(const QString &name) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT id FROM hosts WHERE name = ?"));
    st.bind(1, name);
    if (!st.step())
        throw CaseError(QObject::tr("There is no host named %1 in this case.").arg(name));
    return st.int64(0);
}
