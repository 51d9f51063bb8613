#include "AddressText.h"

#include <arpa/inet.h>
#include <cstring>
#include <sys/socket.h>

namespace AddressText {

QString of(const uint8_t *addr, uint8_t ipVersion)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(ipVersion == 6 ? AF_INET6 : AF_INET, addr, buf, sizeof buf))
        return QStringLiteral("?");
    return QString::fromLatin1(buf);
}

int format(char *buf, const uint8_t *addr, uint8_t ipVersion)
{
    if (!inet_ntop(ipVersion == 6 ? AF_INET6 : AF_INET, addr, buf, INET6_ADDRSTRLEN)) {
        buf[0] = '?';
        buf[1] = 0;
        return 1;
    }
    return int(std::strlen(buf));
}

QString withPort(const uint8_t *addr, uint8_t ipVersion, uint16_t port)
{
    return ipVersion == 6 ? QStringLiteral("[%1]:%2").arg(of(addr, ipVersion)).arg(port)
                          : QStringLiteral("%1:%2").arg(of(addr, ipVersion)).arg(port);
}

bool isGroupAddress(const uint8_t *a, uint8_t ipVersion)
{
    if (ipVersion == 6)
        return a[0] == 0xff;
    return (a[0] >= 224 && a[0] <= 239) || (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255)
        || a[3] == 255; // likely a subnet broadcast
}

}
