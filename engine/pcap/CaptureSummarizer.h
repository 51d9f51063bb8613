#pragma once

#include "CaptureOverview.h"
#include "CaptureReader.h"
#include "DecodedPacket.h"
#include "FlowTable.h"
#include "PacketConsumer.h"
#include "RpcTracker.h"

#include <cstdint>

// Turns capture bytes into a summary as they arrive: overview, conversations
// (FlowTable), TCP handshake/reset/retransmission analysis and RPC
// (RpcTracker). Feed bytes with feed(), then call finish() once. Nothing here
// allocates per packet; memory grows with flows and outstanding RPC calls.
class CaptureSummarizer : public PacketConsumer
{
public:
    CaptureSummarizer();

    bool feed(const uint8_t *data, size_t size) { return m_reader.feed(data, size); }
    void finish();

    const CaptureOverview &overview() const { return m_overview; }
    const FlowTable &flows() const { return m_flows; }
    const RpcTracker &rpc() const { return m_rpc; }
    const CaptureReader &reader() const { return m_reader; }
    bool stopped() const { return m_reader.failed(); }

    void onInterface(const CaptureInterface &iface) override;
    void onPacket(const RawPacket &packet) override;

private:
    void tcp(Conversation &c, bool created, int dir, uint32_t index, int64_t timeUs);
    void unreachable();
    static uint64_t fragmentTag(const DecodedPacket &pkt);

    struct FragmentSlot
    {
        uint64_t tag = 0;
        uint32_t conv = 0;
    };
    static constexpr size_t kFragmentSlots = 4096;

    CaptureReader m_reader;
    CaptureOverview m_overview;
    FlowTable m_flows;
    RpcTracker m_rpc;
    DecodedPacket m_pkt;
    DecodedPacket m_quoted;
    std::vector<FragmentSlot> m_fragments;
    bool m_finished = false;
};
