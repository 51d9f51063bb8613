#pragma once

#include <cstdint>

// The parts of a packet the summaries need, decoded in place (pointers into
// the capture buffer, valid during the callback only).
struct DecodedPacket
{
    enum Tcp : uint8_t { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10, Urg = 0x20 };

    bool ip = false;            // false: not IPv4/IPv6 (ARP, LLDP...) or undecodable
    bool malformed = false;     // IP present but headers cut short or inconsistent
    uint8_t ipVersion = 0;      // 4 or 6
    uint8_t protocol = 0;       // IP protocol number (after IPv6 extension headers)
    uint8_t src[16] = {};       // IPv4 uses the first 4 bytes
    uint8_t dst[16] = {};
    uint16_t srcPort = 0;
    uint16_t dstPort = 0;
    bool fragment = false;      // part of a fragmented datagram
    bool laterFragment = false; // not the first fragment: no transport header
    uint32_t fragmentId = 0;
    bool hasTransport = false;  // TCP/UDP/ICMP header decoded
    uint8_t tcpFlags = 0;
    uint32_t seq = 0;
    uint32_t ack = 0;
    uint16_t window = 0;
    uint8_t icmpType = 0;
    uint8_t icmpCode = 0;
    const uint8_t *payload = nullptr; // transport payload present in the capture
    uint32_t payloadCaptured = 0;
    uint32_t payloadLength = 0;       // as the headers say (may exceed payloadCaptured)
};
