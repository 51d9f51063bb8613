#pragma once

#include "DecodedPacket.h"

#include <cstdint>
#include <cstring>

// Compact, direction-independent identity of a conversation: the lower
// (address, port) endpoint first. 40 bytes, compared with memcmp.
struct FlowKey
{
    uint8_t addrLo[16];
    uint8_t addrHi[16];
    uint16_t portLo;
    uint16_t portHi;
    uint8_t protocol;
    uint8_t ipVersion;
    uint8_t pad[2];

    // Fills the key from a packet; returns true when the packet's source is
    // the "lo" side.
    static bool fromPacket(const DecodedPacket &pkt, FlowKey &key)
    {
        std::memset(&key, 0, sizeof key);
        key.protocol = pkt.protocol;
        key.ipVersion = pkt.ipVersion;
        const int c = std::memcmp(pkt.src, pkt.dst, 16);
        const bool srcLo = c < 0 || (c == 0 && pkt.srcPort <= pkt.dstPort);
        if (srcLo) {
            std::memcpy(key.addrLo, pkt.src, 16);
            std::memcpy(key.addrHi, pkt.dst, 16);
            key.portLo = pkt.srcPort;
            key.portHi = pkt.dstPort;
        } else {
            std::memcpy(key.addrLo, pkt.dst, 16);
            std::memcpy(key.addrHi, pkt.src, 16);
            key.portLo = pkt.dstPort;
            key.portHi = pkt.srcPort;
        }
        return srcLo;
    }

    uint64_t hash() const
    {
        uint64_t w[5];
        std::memcpy(w, this, sizeof w);
        uint64_t h = 0x9e3779b97f4a7c15ull;
        for (uint64_t v : w) {
            h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
            h *= 0xff51afd7ed558ccdull;
        }
        return h ^ (h >> 33);
    }

    bool operator==(const FlowKey &o) const { return std::memcmp(this, &o, sizeof *this) == 0; }
};
static_assert(sizeof(FlowKey) == 40, "FlowKey must stay compact");
