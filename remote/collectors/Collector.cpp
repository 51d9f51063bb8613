#include "Collector.h"

#include "casefile/CollectionStore.h"
#include "transport/Transport.h"

Collector::~Collector() = default;

qint64 beginCollection(CollectionStore &collections, const Transport &transport, const CollectionContext &context,
                       const QString &kind, const QString &command, const QJsonObject &parameters)
{
    const qint64 id = collections.begin(context.hostId, kind, command, parameters);
    const HostKeyInfo key = transport.hostKey();
    if (!key.isEmpty())
        collections.setHostKey(id, key.type, key.sha256);
    return id;
}
