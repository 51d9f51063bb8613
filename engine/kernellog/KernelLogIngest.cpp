#include "KernelLogIngest.h"

#include "KernelLogParser.h"
#include "links/LinkBuilder.h"
#include "analysis/KernelEventCorrelator.h"
#include "casefile/EventStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"

#include <QHash>

KernelLogIngest::Result KernelLogIngest::ingest(QByteArrayView data, qint64 collectionId, qint64 hostId, qint64 artifactId,
                                                qint64 bootTimeUs, const CancelToken &cancel)
{
    Result r;
    SqliteTransaction tx(m_db);
    auto ins = m_db.prepare(QStringLiteral("INSERT INTO kernel_log_lines(collection_id, host_id, artifact_id, seq, monotonic_s, at_us, text)"
                                           " VALUES (?,?,?,?,?,?,?)"));
    QHash<qint64, qint64> lineIds; // seq -> id
    QList<KernelLogEvent> events;
    KernelLogParser p;
    QString failure;
    p.onLine = [&](const KernelLogLine &l) {
        ins.bindIdOrNull(1, collectionId).bindIdOrNull(2, hostId).bindIdOrNull(3, artifactId).bind(4, l.seq);
        if (l.monotonicS >= 0) ins.bind(5, l.monotonicS); else ins.bindNull(5);
        ins.bindIdOrNull(6, l.atUs).bind(7, l.text);
        ins.exec();
        lineIds.insert(l.seq, m_db.lastInsertRowId());
        ++r.lines;
    };
    p.onEvent = [&](const KernelLogEvent &e) { events.append(e); };
    p.onFailed = [&](const QString &m) { failure = m; };
    p.parse(data, bootTimeUs, cancel);
    if (!failure.isEmpty())
        throw CaseError(failure);
    r.bootTimeUs = p.bootTimeUs();
    r.outOfRangeTimes = p.outOfRangeTimes();
    r.source = p.source();
    r.unreadable = p.unreadable();
    r.readAsUid = p.readAsUid();
    r.readAsName = p.readAsName();
    EventStore store(m_db);
    auto link = m_db.prepare(QStringLiteral("UPDATE kernel_log_lines SET event_id = ? WHERE id = ?"));
    for (const KernelLogEvent &e : events) {
        TimelineEvent t;
        t.hostId = hostId;
        t.collectionId = collectionId;
        t.atUs = e.atUs;
        t.kind = e.kind;
        t.source = QStringLiteral("kernel-log");
        t.summary = e.summary;
        t.detail = e.detail;
        t.refKind = LinkBuilder::kindName(LinkKind::KernelLogLine);
        t.refId = lineIds.value(e.firstSeq);
        const qint64 id = store.add(t);
        for (qint64 s = e.firstSeq; s <= e.lastSeq; ++s)
            if (lineIds.contains(s)) {
                link.bind(1, id).bind(2, lineIds.value(s));
                link.exec();
            }
        r.eventsByKind.insert(e.kind, r.eventsByKind.value(e.kind).toInt() + 1);
        ++r.events;
    }
    tx.commit();
    KernelEventCorrelator(m_db).run(hostId);
    return r;
}
