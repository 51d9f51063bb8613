#pragma once

#include "Conversation.h"
#include "DecodedPacket.h"
#include "RpcRecords.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

// Recognises ONC RPC by content (not by port) over UDP and TCP, reassembles
// TCP record marking (several records per segment, records across segments,
// gaps within bodies skipped without losing sync), matches replies to calls by
// xid per conversation, and decodes portmapper/rpcbind replies into program
// registrations. Per-flow buffers hold only record heads (bounded).
class RpcTracker
{
public:
    static constexpr size_t kMaxStoredCalls = 20000;
    static constexpr size_t kMaxPending = 1000000;

    // Checks whether a TCP segment of an unknown flow starts an RPC call
    // record; if so starts tracking it (conv.rpc set) and processes it.
    bool probeTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs);
    void onTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs);
    // Returns true when the datagram was an RPC call or a matched reply.
    bool onUdp(uint32_t convIndex, int dir, const DecodedPacket &pkt, int64_t timeUs);
    // Marks what is still pending as unanswered.
    void finish();

    const std::vector<RpcProcedureStats> &procedures() const { return m_stats; }
    const std::vector<RpcCallRecord> &calls() const { return m_calls; }
    const std::vector<RpcRegistration> &registrations() const { return m_registrations; }
    uint64_t totalCalls() const { return m_totalCalls; }
    uint64_t totalReplies() const { return m_totalReplies; }
    uint64_t untrackedCalls() const { return m_untracked; }
    bool callsCapped() const { return m_callsCapped; }

private:
    struct Direction
    {
        bool synced = false;
        uint32_t nextSeq = 0;
        uint32_t fragRemaining = 0;  // body bytes left in the current fragment
        uint8_t marker[4] = {};
        uint8_t markerHave = 0;
        bool inFragment = false;
        bool lastFragment = true;    // the current fragment ends its record
        bool delivered = true;       // the current record's head was parsed
        uint32_t headWant = 0;
        bool headAdjusted = false;
        uint32_t recordLength = 0;   // bytes of the record known so far
        std::vector<uint8_t> head;
        // Service response time is taken when a record is complete (its last
        // segment), as tshark's rpc,srt does: the call of this record, or the
        // reply whose time is still open.
        bool openCall = false;
        uint64_t openCallKey = 0;
        bool openReply = false;
        uint32_t openReplyStats = 0;
        int32_t openReplyStored = -1;
        int64_t openReplyCallUs = 0;
        int64_t lastUs = 0;          // time of the last segment seen
    };
    struct Flow
    {
        Direction dir[2];
    };
    struct Pending
    {
        int64_t callUs = 0;          // when the call record was complete (so far: its last segment seen)
        uint32_t statsIndex = 0;
        int32_t stored = -1;
        uint32_t program = 0, version = 0, procedure = 0;
        uint32_t arg[3] = {};      // GETPORT/GETADDR: program, version, protocol
        uint16_t ops[12] = {};
        uint8_t opCount = 0;
        uint16_t operation = 0;
        uint8_t clientSide = 0;
        uint32_t retransmits = 0;
    };

    void processTcp(uint32_t convIndex, Conversation &conv, int dir, const DecodedPacket &pkt, int64_t timeUs,
                    bool allowResync);
    void consume(uint32_t convIndex, int dir, Direction &d, const uint8_t *p, uint32_t n,
                 const DecodedPacket &pkt, int64_t timeUs);
    // Bytes missing from the stream; false when sync is lost.
    bool gap(uint32_t convIndex, int dir, Direction &d, uint32_t n, const DecodedPacket &pkt, int64_t timeUs);
    void deliver(uint32_t convIndex, int dir, Direction &d, const DecodedPacket &pkt, int64_t timeUs);
    // The last byte of a record arrived at timeUs: the call's time, or the reply's latency.
    void recordEnd(Direction &d, int64_t timeUs);
    // A reply record that never completed (sync lost, capture ended): timed to its last segment seen.
    void closeOpenReply(Direction &d);
    void addLatency(uint32_t statsIndex, int32_t stored, int64_t callUs, int64_t replyUs);
    bool looksLikeRecordStart(uint32_t convIndex, const uint8_t *p, uint32_t n) const;
    // Parses one RPC message; returns true when it was a call or matched reply.
    // d: the TCP direction the record came from (nullptr for UDP).
    bool message(uint32_t convIndex, int dir, const uint8_t *p, uint32_t n, Direction *d, const DecodedPacket &pkt,
                 int64_t timeUs);
    static bool parseCallHeader(const uint8_t *p, uint32_t n, uint32_t &prog, uint32_t &vers, uint32_t &proc,
                                uint32_t &argsOffset);
    void onReply(Direction *d, const Pending &call, const uint8_t *p, uint32_t n, const DecodedPacket &pkt,
                 int64_t timeUs, int32_t status, uint32_t resultOffset);
    void decodePortmapReply(const Pending &call, const uint8_t *res, uint32_t n, const DecodedPacket &pkt);
    void addRegistration(const RpcRegistration &r);
    uint32_t statsFor(uint32_t prog, uint32_t vers, uint32_t proc, uint16_t op);
    static uint64_t pendingKey(uint32_t conv, uint32_t xid) { return (uint64_t(conv) << 32) | xid; }

    std::vector<Flow> m_flows;
    std::unordered_map<uint64_t, Pending> m_pending;
    std::unordered_map<uint64_t, uint32_t> m_statsIndex;
    std::vector<RpcProcedureStats> m_stats;
    std::vector<RpcCallRecord> m_calls;
    std::vector<RpcRegistration> m_registrations;
    uint64_t m_totalCalls = 0;
    uint64_t m_totalReplies = 0;
    uint64_t m_untracked = 0;
    bool m_callsCapped = false;
};
