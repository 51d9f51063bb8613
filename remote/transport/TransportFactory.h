#pragma once

#include "SshOptions.h"
#include "Transport.h"

#include <memory>

// Turns a host spec into a transport: 'local' is this machine, anything else
// ([user@]host[:port] or an ssh_config alias) goes over SSH. Nothing connects
// until Transport::connect(). With options.becomeFor(hostSpec) enabled, the
// transport runs everything as root (PrivilegedTransport).
namespace TransportFactory {
std::unique_ptr<Transport> create(const QString &hostSpec, const SshOptions &options = {});
bool isLocal(const QString &hostSpec);
}
