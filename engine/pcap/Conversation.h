#pragma once

#include "FlowKey.h"

#include <cstdint>

// Counters of one bidirectional conversation. Side A is the sender of the
// first packet seen (the initiator when the capture saw the handshake).
// Index [0] is A->B, [1] is B->A.
struct Conversation
{
    enum class Handshake : uint8_t { NotTcp, Midstream, Completed, Refused, Unanswered, Incomplete };

    FlowKey key;
    bool aIsLo = true;
    uint64_t packets[2] = {0, 0};
    uint64_t bytes[2] = {0, 0};
    int64_t firstUs = 0;
    int64_t lastUs = 0;
    // TCP
    uint32_t syn = 0;        // SYN without ACK, from A
    uint32_t synAck = 0;     // SYN+ACK from B
    uint32_t rst[2] = {0, 0};
    uint32_t fin[2] = {0, 0};
    uint32_t retransmissions = 0;
    uint32_t zeroWindow = 0;
    uint32_t nextSeq[2] = {0, 0};
    bool seqValid[2] = {false, false};
    bool firstWasSyn = false;
    bool handshakeAck = false; // A acknowledged B's SYN+ACK
    bool rstBeforeSynAck = false;
    uint32_t icmpUnreachable = 0; // ICMP errors quoting this conversation
    int32_t rpc = -1;        // index of the TCP RPC state of this flow, -1 none
    bool isRpc = false;      // RPC calls or replies were seen in it
    uint32_t rpcProbes = 0;  // segments checked for RPC without success
    int64_t storedId = 0;    // row id once stored

    Handshake handshake() const
    {
        if (key.protocol != 6)
            return Handshake::NotTcp;
        if (!firstWasSyn)
            return Handshake::Midstream;
        if (synAck > 0)
            return handshakeAck || packets[0] > uint64_t(syn) ? Handshake::Completed : Handshake::Incomplete;
        if (rstBeforeSynAck)
            return Handshake::Refused;
        return packets[1] == 0 ? Handshake::Unanswered : Handshake::Incomplete;
    }
    static const char *handshakeName(Handshake h)
    {
        switch (h) {
        case Handshake::NotTcp: return "";
        case Handshake::Midstream: return "midstream";
        case Handshake::Completed: return "completed";
        case Handshake::Refused: return "refused";
        case Handshake::Unanswered: return "unanswered";
        case Handshake::Incomplete: return "incomplete";
        }
        return "";
    }
};
