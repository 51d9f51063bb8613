// libFuzzer target: what a user types or keeps in files to name hosts: an
// ssh client config (Host/Match blocks, values; then, after a line
// "--hosts--", a fleet hosts file), host specs ([user@]host[:port], [v6]:port)
// and the fleet's host list resolution with ssh_config patterns.
#include "FuzzInput.h"
#include "FuzzScratch.h"
#include "fleet/HostList.h"
#include "transport/HostSpec.h"
#include "transport/SshConfigFile.h"
#include "util/CaseError.h"

#include <cstdint>
#include <stdexcept>

namespace {
void parseSpec(const QString &text)
{
    try {
        const HostSpec spec = HostSpec::parse(text);
        if (spec.host.isEmpty() || spec.port < 0 || spec.port > 65535)
            __builtin_trap();
        HostSpec::parse(spec.toString()); // what it prints parses again
    } catch (const std::invalid_argument &) {
    }
}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArrayView> parts = FuzzInput::split(FuzzInput::view(data, size), "\n--hosts--\n");
    const FuzzScratch &scratch = FuzzScratch::instance();
    const QString configPath = scratch.write(QStringLiteral("ssh_config"), parts.first());
    const QString hostsPath = scratch.write(QStringLiteral("hosts"), parts.size() > 1 ? parts.at(1) : QByteArrayView());

    const SshConfigFile config = SshConfigFile::load(configPath);
    const QStringList hosts = config.concreteHosts();
    for (qsizetype i = 0; i < hosts.size() && i < 64; ++i) {
        parseSpec(hosts.at(i));
        config.value(hosts.at(i), QStringLiteral("HostName"));
        parseSpec(config.value(hosts.at(i), QStringLiteral("ProxyJump")));
    }
    for (const QByteArray &line : (parts.size() > 1 ? parts.at(1) : parts.first()).toByteArray().split('\n'))
        parseSpec(QString::fromUtf8(line));
    try {
        HostList::resolve({QStringLiteral("web-*"), QStringLiteral("db?")}, hostsPath, configPath);
    } catch (const CaseError &) {
    }
    return 0;
}
