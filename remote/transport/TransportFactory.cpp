#include "TransportFactory.h"

#include "LocalTransport.h"
#include "PrivilegedTransport.h"
#include "SshTransport.h"

namespace TransportFactory {

bool isLocal(const QString &hostSpec)
{
    return hostSpec == QLatin1String("local");
}

std::unique_ptr<Transport> create(const QString &hostSpec, const SshOptions &options)
{
    std::unique_ptr<Transport> transport;
    if (isLocal(hostSpec))
        transport = std::make_unique<LocalTransport>();
    else
        transport = std::make_unique<SshTransport>(hostSpec, options);
    const BecomeOptions become = options.becomeFor(hostSpec);
    if (become.enabled())
        transport = std::make_unique<PrivilegedTransport>(std::move(transport), become, options.secretPrompt);
    return transport;
}

}
