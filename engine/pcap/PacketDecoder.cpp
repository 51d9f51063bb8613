#include "PacketDecoder.h"

#include <cstring>

namespace {
inline uint16_t be16(const uint8_t *p) { return uint16_t((p[0] << 8) | p[1]); }
inline uint32_t be32(const uint8_t *p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
}

bool PacketDecoder::linkTypeSupported(uint32_t t)
{
    switch (t) {
    case Null: case Ethernet: case Raw: case Loop: case LinuxSll: case Ipv4: case Ipv6: case LinuxSll2:
    case RawAlt1: case RawAlt2:
        return true;
    default:
        return false;
    }
}

const char *PacketDecoder::linkTypeName(uint32_t t)
{
    switch (t) {
    case Null: return "NULL (BSD loopback)";
    case Ethernet: return "Ethernet";
    case Raw: case RawAlt1: case RawAlt2: return "Raw IP";
    case Loop: return "OpenBSD loopback";
    case LinuxSll: return "Linux cooked (SLL)";
    case Ipv4: return "Raw IPv4";
    case Ipv6: return "Raw IPv6";
    case LinuxSll2: return "Linux cooked v2 (SLL2)";
    default: return "unsupported";
    }
}

void PacketDecoder::decode(uint32_t linkType, const uint8_t *p, uint32_t len, DecodedPacket &out)
{
    out = DecodedPacket();
    uint16_t etherType = 0;
    switch (linkType) {
    case Ethernet: {
        if (len < 14)
            return;
        etherType = be16(p + 12);
        p += 14;
        len -= 14;
        while ((etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100) && len >= 4) {
            etherType = be16(p + 2);
            p += 4;
            len -= 4;
        }
        break;
    }
    case LinuxSll:
        if (len < 16)
            return;
        etherType = be16(p + 14);
        p += 16;
        len -= 16;
        break;
    case LinuxSll2:
        if (len < 20)
            return;
        etherType = be16(p);
        p += 20;
        len -= 20;
        break;
    case Raw: case RawAlt1: case RawAlt2:
        decodeIp(p, len, out);
        return;
    case Ipv4:
        decodeIpv4(p, len, out);
        return;
    case Ipv6:
        decodeIpv6(p, len, out);
        return;
    case Null: case Loop: {
        if (len < 4)
            return;
        uint32_t fam;
        std::memcpy(&fam, p, 4);
        const uint32_t swapped = __builtin_bswap32(fam);
        const uint32_t f = fam < 256 ? fam : swapped;
        p += 4;
        len -= 4;
        if (f == 2)
            decodeIpv4(p, len, out);
        else if (f == 24 || f == 28 || f == 30 || f == 10)
            decodeIpv6(p, len, out);
        return;
    }
    default:
        return;
    }
    if (etherType == 0x0800)
        decodeIpv4(p, len, out);
    else if (etherType == 0x86dd)
        decodeIpv6(p, len, out);
}

void PacketDecoder::decodeIp(const uint8_t *p, uint32_t len, DecodedPacket &out)
{
    if (len < 1)
        return;
    if ((p[0] >> 4) == 4)
        decodeIpv4(p, len, out);
    else if ((p[0] >> 4) == 6)
        decodeIpv6(p, len, out);
}

void PacketDecoder::decodeIpv4(const uint8_t *p, uint32_t len, DecodedPacket &out)
{
    out.ip = true;
    out.ipVersion = 4;
    if (len < 20 || (p[0] >> 4) != 4) {
        out.malformed = true;
        return;
    }
    const uint32_t ihl = uint32_t(p[0] & 0x0f) * 4;
    uint32_t total = be16(p + 2);
    std::memcpy(out.src, p + 12, 4);
    std::memcpy(out.dst, p + 16, 4);
    out.protocol = p[9];
    if (ihl < 20 || len < ihl) {
        out.malformed = true;
        return;
    }
    if (total == 0) // TSO/GSO on the capturing host: the length is not filled in
        total = len;
    if (total < ihl) {
        out.malformed = true;
        return;
    }
    const uint16_t frag = be16(p + 6);
    const uint16_t offset = frag & 0x1fff;
    const bool more = (frag & 0x2000) != 0;
    if (offset || more) {
        out.fragment = true;
        out.laterFragment = offset != 0;
        out.fragmentId = be16(p + 4);
    }
    const uint32_t captured = (len < total ? len : total) - ihl;
    if (out.laterFragment)
        return;
    decodeTransport(p + ihl, captured, total - ihl, out);
}

void PacketDecoder::decodeIpv6(const uint8_t *p, uint32_t len, DecodedPacket &out)
{
    out.ip = true;
    out.ipVersion = 6;
    if (len < 40 || (p[0] >> 4) != 6) {
        out.malformed = true;
        return;
    }
    std::memcpy(out.src, p + 8, 16);
    std::memcpy(out.dst, p + 24, 16);
    uint32_t declared = be16(p + 4);
    if (declared == 0) // jumbogram or GSO
        declared = len - 40;
    uint8_t next = p[6];
    const uint8_t *q = p + 40;
    uint32_t avail = len - 40 < declared ? len - 40 : declared;
    for (int hops = 0; hops < 8; ++hops) {
        if (next == 0 || next == 43 || next == 60) { // hop-by-hop, routing, destination options
            if (avail < 8)
                break;
            const uint32_t hl = (uint32_t(q[1]) + 1) * 8;
            if (hl > avail || hl > declared) {
                out.malformed = true;
                out.protocol = next;
                return;
            }
            next = q[0];
            q += hl;
            avail -= hl;
            declared -= hl;
        } else if (next == 44) { // fragment
            if (avail < 8)
                break;
            const uint16_t fo = be16(q + 2);
            out.fragment = true;
            out.laterFragment = (fo & 0xfff8) != 0;
            out.fragmentId = be32(q + 4);
            next = q[0];
            q += 8;
            avail -= 8;
            declared -= 8;
        } else if (next == 51) { // AH
            if (avail < 8)
                break;
            const uint32_t hl = (uint32_t(q[1]) + 2) * 4;
            if (hl > avail || hl > declared)
                break;
            next = q[0];
            q += hl;
            avail -= hl;
            declared -= hl;
        } else {
            break;
        }
    }
    out.protocol = next;
    if (out.laterFragment)
        return;
    decodeTransport(q, avail, declared, out);
}

void PacketDecoder::decodeTransport(const uint8_t *p, uint32_t captured, uint32_t declared, DecodedPacket &out)
{
    switch (out.protocol) {
    case 6: { // TCP
        if (captured < 20) {
            out.malformed = captured < declared ? false : true;
            return;
        }
        const uint32_t off = uint32_t(p[12] >> 4) * 4;
        if (off < 20) {
            out.malformed = true;
            return;
        }
        out.srcPort = be16(p);
        out.dstPort = be16(p + 2);
        out.seq = be32(p + 4);
        out.ack = be32(p + 8);
        out.tcpFlags = p[13];
        out.window = be16(p + 14);
        out.hasTransport = true;
        if (off <= captured) {
            out.payload = p + off;
            out.payloadCaptured = captured - off;
        }
        out.payloadLength = declared > off ? declared - off : 0;
        if (out.payloadCaptured > out.payloadLength)
            out.payloadCaptured = out.payloadLength; // Ethernet padding
        return;
    }
    case 17: { // UDP
        if (captured < 8)
            return;
        out.srcPort = be16(p);
        out.dstPort = be16(p + 2);
        out.hasTransport = true;
        uint32_t ulen = be16(p + 4);
        if (ulen < 8 || ulen > declared)
            ulen = declared;
        out.payload = p + 8;
        out.payloadLength = ulen - 8;
        out.payloadCaptured = captured - 8 < out.payloadLength ? captured - 8 : out.payloadLength;
        return;
    }
    case 1: case 58: // ICMP, ICMPv6
        if (captured < 4)
            return;
        out.icmpType = p[0];
        out.icmpCode = p[1];
        out.hasTransport = true;
        out.payload = p + 4;
        out.payloadCaptured = captured - 4;
        out.payloadLength = declared > 4 ? declared - 4 : 0;
        return;
    default:
        return;
    }
}
