#pragma once

#include "DecodedPacket.h"

#include <cstdint>

// Decodes link layer (Ethernet + VLAN, Linux SLL/SLL2, raw IP, BSD null and
// loopback), IPv4/IPv6 (extension headers, fragments) and TCP/UDP/ICMP from
// raw bytes. Never reads past the captured length; never allocates.
class PacketDecoder
{
public:
    // Link types (LINKTYPE_* numbers from the pcap specification).
    enum LinkType : uint32_t {
        Null = 0, Ethernet = 1, Raw = 101, Loop = 108, LinuxSll = 113, Ipv4 = 228, Ipv6 = 229, LinuxSll2 = 276,
        RawAlt1 = 12, RawAlt2 = 14
    };

    static void decode(uint32_t linkType, const uint8_t *data, uint32_t length, DecodedPacket &out);
    static bool linkTypeSupported(uint32_t linkType);
    static const char *linkTypeName(uint32_t linkType);

private:
    static void decodeIp(const uint8_t *p, uint32_t len, DecodedPacket &out);
    static void decodeIpv4(const uint8_t *p, uint32_t len, DecodedPacket &out);
    static void decodeIpv6(const uint8_t *p, uint32_t len, DecodedPacket &out);
    static void decodeTransport(const uint8_t *p, uint32_t captured, uint32_t declared, DecodedPacket &out);
};
