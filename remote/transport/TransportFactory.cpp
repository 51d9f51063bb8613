#include "TransportFactory.h"

#include "LocalTransport.h"
#include "SshTransport.h"

namespace TransportFactory {

bool isLocal(const QString &hostSpec)
{
    return hostSpec == QLatin1String("local");
}

std::unique_ptr<Transport> create(const QString &hostSpec, const SshOptions &options)
{
    if (isLocal(hostSpec))
        return std::make_unique<LocalTransport>();
    return std::make_unique<SshTransport>(hostSpec, options);
}

}
