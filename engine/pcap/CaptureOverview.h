#pragma once

#include "RawPacket.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

// capinfos-like totals of one capture plus the reader's verdict.
struct CaptureOverview
{
    struct Interface
    {
        CaptureInterface info;
        uint64_t packets = 0;
        uint64_t bytes = 0;
    };

    QString format;            // pcap, pcapng
    bool nanosecond = false;   // pcap nanosecond magic
    bool bigEndian = false;
    uint64_t inputBytes = 0;   // bytes read from the file or stream
    uint64_t packets = 0;
    uint64_t wireBytes = 0;    // sum of original lengths
    uint64_t capturedBytes = 0;
    int64_t firstUs = 0;
    int64_t lastUs = 0;
    std::vector<Interface> interfaces;
    uint64_t ipv4 = 0, ipv6 = 0, tcp = 0, udp = 0, icmp = 0, icmpv6 = 0, otherIp = 0, nonIp = 0;
    uint64_t malformed = 0;      // IP with cut or inconsistent headers
    uint64_t fragments = 0;      // IPv4/IPv6 fragments
    uint64_t unattributedFragments = 0; // later fragments whose first was not seen
    uint64_t unsupportedLink = 0;
    bool truncated = false;      // cut short mid-record
    QString error;               // corruption that stopped reading
    QStringList warnings;
};
