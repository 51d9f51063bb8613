#pragma once

#include <cstdint>

// Per-procedure totals. For NFSv4 COMPOUND, operation is the compound's main
// operation (Nfs4Compound::mainOperation), so READ and WRITE count apart.
struct RpcProcedureStats
{
    uint32_t program = 0;
    uint32_t version = 0;
    uint32_t procedure = 0;
    uint16_t operation = 0;
    bool tcp = false;
    bool udp = false;
    uint64_t calls = 0;        // distinct calls (xid per conversation)
    uint64_t retransmits = 0;  // the same xid sent again
    uint64_t replies = 0;
    uint64_t timed = 0;        // replies with a service response time (all, once the tracker finished)
    uint64_t errors = 0;       // denied or accept_stat != success
    uint64_t unanswered = 0;   // no reply by the end of the capture
    // Service response time as tshark's rpc,srt: from the call record's last
    // segment to the reply record's last segment (the frames where each is reassembled).
    int64_t latencySumUs = 0;
    int64_t latencyMinUs = 0;
    int64_t latencyMaxUs = 0;
};

// One call kept individually (the first ones and every unanswered one, capped).
struct RpcCallRecord
{
    uint32_t conversation = 0;
    uint8_t clientSide = 0;    // 0: the client is conversation side A
    uint32_t xid = 0;
    uint32_t program = 0;
    uint32_t version = 0;
    uint32_t procedure = 0;
    uint16_t operation = 0;
    uint16_t ops[12] = {};
    uint8_t opCount = 0;
    int64_t callUs = 0;
    int64_t replyUs = 0;       // 0: never answered
    int32_t status = -1;       // -1 none; 0..5 accept_stat; 100 + reject_stat when denied
    uint32_t retransmits = 0;
    uint32_t statsIndex = 0;
};

// A program registration learned from a portmapper/rpcbind reply (DUMP,
// GETPORT, GETADDR). port 0 means the server said "not registered".
struct RpcRegistration
{
    uint8_t server[16] = {};
    uint8_t ipVersion = 4;
    uint32_t program = 0;
    uint32_t version = 0;
    uint8_t protocol = 0;      // 6 tcp, 17 udp, 0 other/unknown
    uint32_t port = 0;
    char netid[12] = {};       // rpcbind v3/v4 netid, else empty
    bool fromDump = false;     // DUMP (else a GETPORT/GETADDR answer)
};
