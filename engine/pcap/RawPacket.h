#pragma once

#include <cstdint>

// One captured packet as the container gives it: pointers into the reader's
// buffer, valid only during the callback. No allocation per packet.
struct RawPacket
{
    const uint8_t *data = nullptr;
    uint32_t capturedLength = 0; // bytes present in data
    uint32_t wireLength = 0;     // original length on the wire
    int64_t timeUs = 0;          // microseconds since the epoch, UTC
    uint32_t interfaceIndex = 0;
    uint32_t linkType = 0;       // LINKTYPE_* value
};

// Describes one capture interface (pcap has exactly one, pcapng one per IDB).
struct CaptureInterface
{
    uint32_t index = 0;
    uint32_t linkType = 0;
    uint32_t snapLength = 0;
    int64_t tsUnitsPerSecond = 1000000; // pcapng if_tsresol; pcap: 1e6 or 1e9
    int64_t tsOffsetSeconds = 0;        // pcapng if_tsoffset
    char name[64] = {};                 // if_name, NUL-terminated (may be empty)
};
