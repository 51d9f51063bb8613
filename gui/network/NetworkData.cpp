#include "NetworkData.h"

#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "pcap/PcapQuery.h"

#include <QJsonObject>

NetworkData NetworkData::load(CaseFile &cf, qint64 captureId, const CancelToken &cancel)
{
    NetworkData d;
    if (cf.schemaVersion() < 4)
        return d;
    PcapQuery q(cf.db());
    d.captures = q.captures(0);
    for (const HostRecord &h : HostStore(cf.db()).all())
        d.hostNames.insert(h.id, h.name);
    bool known = false;
    for (const QJsonValue &c : std::as_const(d.captures))
        known = known || c.toObject().value(QLatin1String("id")).toInteger() == captureId;
    d.captureId = known ? captureId : 0;
    if (d.captures.isEmpty() || cancel.isCancelled())
        return d;
    d.conversations = q.conversations(d.captureId);
    if (cancel.isCancelled())
        return d;
    d.silentPeers = q.silentPeers(d.captureId);
    d.rpcProcedures = q.rpcProcedures(d.captureId);
    d.rpcCalls = q.rpcCalls(d.captureId);
    d.rpcRegistrations = q.rpcRegistrations(d.captureId);
    d.ports = q.ports(d.captureId);
    for (const Finding &f : FindingStore(cf.db()).list()) {
        const qint64 capture = f.data.value(QLatin1String("capture_id")).toInteger();
        if (!capture || (d.captureId && capture != d.captureId))
            continue;
        d.findings.append(QJsonObject{{QStringLiteral("capture_id"), capture},
                                      {QStringLiteral("severity"), f.severity},
                                      {QStringLiteral("title"), f.title}});
    }
    return d;
}
