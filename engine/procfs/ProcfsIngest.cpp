#include "ProcfsIngest.h"

#include "ProcfsSnapshotParser.h"
#include "SnapshotStore.h"
#include "analysis/DStateTriage.h"
#include "analysis/KernelEventCorrelator.h"
#include "casefile/CollectionGapStore.h"
#include "casefile/HostStore.h"
#include "util/CaseError.h"

ProcfsIngest::Result ProcfsIngest::ingest(QByteArrayView out, QByteArrayView err, qint64 collectionId, qint64 hostId,
                                          qint64 artifactId, const CancelToken &cancel)
{
    Result r;
    SnapshotStore store(m_db);
    ProcfsSnapshotParser parser;
    QString failure;
    ProcfsSample lastSample;
    parser.onSample = [&](const ProcfsSample &s) {
        const qint64 snapshotId = store.save(s, collectionId, hostId, artifactId);
        r.snapshotIds.append(snapshotId);
        for (CollectionGap g : s.gaps) {
            g.snapshotId = snapshotId;
            r.gaps.append(g);
        }
        r.readAsUid = s.readAsUid;
        r.readAsName = s.readAsName;
        r.tasks += s.tasks.size();
        for (const QString &p : s.problems)
            r.problems.append(QStringLiteral("sample %1: %2").arg(s.index).arg(p));
        lastSample.kernel = s.kernel;
        lastSample.os = s.os;
        lastSample.bootTimeUs = s.bootTimeUs;
    };
    parser.onFailed = [&](const QString &m) { failure = m; };
    parser.parse(out, err, cancel);
    if (!failure.isEmpty())
        throw CaseError(failure);
    if (collectionId > 0)
        CollectionGapStore(m_db).add(collectionId, r.gaps);
    if (hostId && !r.snapshotIds.isEmpty()) {
        HostRecord h;
        h.id = hostId;
        h.kernel = lastSample.kernel;
        h.os = lastSample.os;
        h.bootTimeUs = lastSample.bootTimeUs;
        HostStore(m_db).update(h);
    }
    if (!r.snapshotIds.isEmpty()) {
        r.findings = DStateTriage(m_db).run(collectionId);
        if (hostId)
            r.findings += KernelEventCorrelator(m_db).run(hostId);
    }
    return r;
}
