#pragma once

#include <QString>
#include <QStringView>

// Addresses as they appear in text, for the redaction rules: which are
// addresses at all, their canonical spelling (so one address gets one
// pseudonym however it was written) and which are not identifying.
class IpAddressText
{
public:
    // RFC 5952 form (lower case, no leading zeros, the longest run of zero
    // groups as "::"; an embedded IPv4 tail stays dotted), or a null string
    // when s is not an IPv6 address.
    static QString canonicalIpv6(QStringView s);
    // An IPv6 candidate token as the scanner cuts it from text ("fd00::40",
    // "fd00:1234::40:40000", "fd00::40.2049", "fd00::40."): the length of the address at its
    // start, 0 if none. A last group that cannot belong to the address (more
    // than four digits) or a ".digits" tail is taken for a port; a trailing
    // '.' or ':' is punctuation.
    static qsizetype ipv6Length(QStringView token);

    static bool isIpv4(QStringView s);
    // /proc/net/{tcp,udp} write an IPv4 address as little-endian hex:
    // 10.1.84.31 <-> "1F54010A". Null/"00000000" when the input is not one.
    static QString fromProcNetHex(QStringView hex);
    static QString toProcNetHex(const QString &ip);
    // Loopback, unspecified, broadcast and documentation addresses.
    static bool keepIpv4(const QString &ip);
    // ::1, ::, 2001:db8::/32, multicast groups (not solicited-node), and
    // IPv4-mapped forms of kept IPv4 addresses.
    static bool keepIpv6(const QString &canonical);
};
