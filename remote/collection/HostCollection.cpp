#include "HostCollection.h"

#include "CaptureWindow.h"
#include "CollectorRun.h"
#include "HostEventEmitter.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "transport/Transport.h"

#include <QJsonArray>

HostCollection::HostCollection(Settings settings, CollectionTarget target, std::vector<std::unique_ptr<Collector>> collectors)
    : m_settings(std::move(settings)), m_target(std::move(target)), m_collectors(std::move(collectors))
{
}

HostCollection::~HostCollection() = default;

void HostCollection::run(Transport &transport, FleetHostResult &result, HostEventEmitter &events, const CancelToken &cancel)
{
    auto caseFile = CaseFile::open(m_settings.casePath, CaseFile::Access::ReadWrite, m_settings.integrity);
    // Hundreds of hosts may hold a connection each: keep their page caches small.
    caseFile->db().exec(QStringLiteral("PRAGMA cache_size = -1024"));
    HostStore hostStore(caseFile->db());
    HostRecord record;
    record.id = hostStore.ensure(result.host);
    const HostEndpoint where = transport.endpoint();
    const HostKeyInfo key = transport.hostKey();
    record.address = where.address;
    record.port = where.port;
    record.user = where.user;
    record.hostkeyType = key.type;
    record.hostkeySha256 = key.sha256;
    hostStore.update(record);
    result.details.insert(QStringLiteral("host_id"), record.id);
    events.emitEvent(CollectionEvent::Kind::HostConnected, {},
                     key.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(key.type, key.sha256));

    std::vector<Collector *> window, after;
    for (auto &c : m_collectors)
        (m_settings.captureWindow && c->joinsCaptureWindow() ? window : after).push_back(c.get());

    std::vector<CollectorOutcome> outcomes;
    if (window.size() > 1 && !cancel.isCancelled()) {
        outcomes = CaptureWindow::run(window, transport, *caseFile, record.id, result.host, events, cancel);
    } else {
        after.insert(after.begin(), window.begin(), window.end());
    }
    for (Collector *c : after) {
        if (cancel.isCancelled())
            break;
        outcomes.push_back(CollectorRun::run(*c, transport, *caseFile, record.id, result.host, events, cancel));
    }

    QJsonArray collectorResults;
    QStringList errors;
    for (const CollectorOutcome &o : outcomes) {
        collectorResults.append(o.toJson());
        if (!o.result.ok)
            errors << QStringLiteral("%1: %2").arg(o.kind, o.result.error);
    }
    result.details.insert(QStringLiteral("collectors"), collectorResults);
    if (!errors.isEmpty()) {
        result.status = FleetHostResult::Status::Failed;
        result.error = errors.join(QLatin1String("; "));
    } else if (cancel.isCancelled()) {
        result.status = FleetHostResult::Status::Cancelled;
        result.error = QStringLiteral("cancelled; what arrived is kept");
    }
}
