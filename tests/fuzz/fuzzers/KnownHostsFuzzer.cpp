// libFuzzer target: OpenSSH known_hosts as KnownHosts reads it (patterns,
// negation, hashed names, [host]:port, markers), checked for a few hosts and
// keys; and the wildcard matcher on patterns and names taken from the input.
#include "FuzzInput.h"
#include "FuzzScratch.h"
#include "trust/KnownHosts.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = FuzzInput::view(data, size);
    const QString file = FuzzScratch::instance().write(QStringLiteral("known_hosts"), input);
    const KnownHosts known({file, FuzzScratch::instance().path(QStringLiteral("missing"))});
    const QString key = QStringLiteral("AAAAC3NzaC1lZDI1NTE5AAAAIHnTrPqQ0jyHhpF5WnE0r1vRMA9nFfXOfMfnJ9JmWbyE");
    known.check(QStringLiteral("web-3"), 22, QStringLiteral("ssh-ed25519"), key);
    known.check(QStringLiteral("10.1.84.31"), 2222, QStringLiteral("ssh-rsa"), key);
    known.check(QStringLiteral("::1"), 0, QStringLiteral("ecdsa-sha2-nistp256"), key);

    QByteArrayView rest = input;
    const QString first = QString::fromUtf8(FuzzInput::takeLine(rest));
    const QString second = QString::fromUtf8(FuzzInput::takeLine(rest));
    KnownHosts::hostMatches(first, second);
    KnownHosts::wildcardMatch(first, second);
    KnownHosts::shortType(first);
    return 0;
}
