#include "Collector.h"

#include "casefile/CollectionStore.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "transport/Transport.h"

#include <QCoreApplication>

Collector::~Collector() = default;

qint64 Collector::beginCollection(CollectionStore &collections, const Transport &transport, const CollectionContext &context,
                                  const QString &kind, const QString &command, const QJsonObject &parameters) const
{
    QJsonObject recorded = parameters;
    if (!m_recordedOptions.isEmpty())
        recorded.insert(QStringLiteral("options"), m_recordedOptions);
    const BecomeRecord become = transport.become();
    if (!become.isEmpty())
        recorded.insert(QStringLiteral("become"), become.toJson());
    // Collecting the local machine: record which process is Casebook, so the
    // analysis can tell its own threads from the incident's (DStateTriage).
    if (transport.hostSpec() == QLatin1String("local") && transport.endpoint().address.isEmpty())
        recorded.insert(QStringLiteral("collector_pid"), QCoreApplication::applicationPid());
    const qint64 id = collections.begin(context.hostId, kind, command, recorded);
    const HostKeyInfo key = transport.hostKey();
    if (!key.isEmpty())
        collections.setHostKey(id, key.type, key.sha256);
    const HostEndpoint where = transport.endpoint();
    collections.setEndpoint(id, where.address, where.port, where.user);
    if (context.hostId && context.caseFile && !context.hostRecorded) {
        HostRecord h;
        h.id = context.hostId;
        h.address = where.address;
        h.port = where.port;
        h.user = where.user;
        h.hostkeyType = key.type;
        h.hostkeySha256 = key.sha256;
        HostStore(context.caseFile->db()).update(h);
    }
    return id;
}
