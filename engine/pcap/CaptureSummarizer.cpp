#include "CaptureSummarizer.h"

#include "PacketDecoder.h"

#include <cstring>

CaptureSummarizer::CaptureSummarizer()
    : m_reader(*this), m_fragments(kFragmentSlots)
{
}

void CaptureSummarizer::onInterface(const CaptureInterface &iface)
{
    CaptureOverview::Interface i;
    i.info = iface;
    m_overview.interfaces.push_back(i);
    if (!PacketDecoder::linkTypeSupported(iface.linkType))
        m_overview.warnings << QStringLiteral("interface %1 has link type %2, which Casebook does not decode; its packets are only counted")
                                   .arg(iface.index).arg(iface.linkType);
}

uint64_t CaptureSummarizer::fragmentTag(const DecodedPacket &pkt)
{
    uint64_t w[4];
    std::memcpy(w, pkt.src, 16);
    std::memcpy(w + 2, pkt.dst, 16);
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t(pkt.fragmentId) << 8) ^ pkt.protocol;
    for (uint64_t v : w) {
        h ^= v;
        h *= 0x100000001b3ull;
        h ^= h >> 29;
    }
    return h | 1; // never 0 (0 = empty slot)
}

void CaptureSummarizer::onPacket(const RawPacket &raw)
{
    CaptureOverview &o = m_overview;
    const int64_t t = raw.timeUs;
    if (o.packets == 0 || t < o.firstUs)
        o.firstUs = t;
    if (o.packets == 0 || t > o.lastUs)
        o.lastUs = t;
    ++o.packets;
    o.wireBytes += raw.wireLength;
    o.capturedBytes += raw.capturedLength;
    if (raw.interfaceIndex < o.interfaces.size()) {
        ++o.interfaces[raw.interfaceIndex].packets;
        o.interfaces[raw.interfaceIndex].bytes += raw.wireLength;
    }
    if (!PacketDecoder::linkTypeSupported(raw.linkType)) {
        ++o.unsupportedLink;
        return;
    }
    DecodedPacket &pkt = m_pkt;
    PacketDecoder::decode(raw.linkType, raw.data, raw.capturedLength, pkt);
    if (!pkt.ip) {
        ++o.nonIp;
        return;
    }
    (pkt.ipVersion == 4 ? o.ipv4 : o.ipv6)++;
    if (pkt.fragment)
        ++o.fragments;
    if (pkt.malformed) {
        ++o.malformed;
        return;
    }
    if (pkt.laterFragment) {
        const uint64_t tag = fragmentTag(pkt);
        const FragmentSlot &slot = m_fragments[tag % kFragmentSlots];
        if (slot.tag != tag) {
            ++o.unattributedFragments;
            return;
        }
        Conversation &c = m_flows.at(slot.conv);
        FlowKey key;
        const bool srcLo = FlowKey::fromPacket(pkt, key);
        const int dir = srcLo == c.aIsLo ? 0 : 1;
        ++c.packets[dir];
        c.bytes[dir] += raw.wireLength;
        if (t > c.lastUs)
            c.lastUs = t;
        return;
    }
    switch (pkt.protocol) {
    case 6: ++o.tcp; break;
    case 17: ++o.udp; break;
    case 1: ++o.icmp; break;
    case 58: ++o.icmpv6; break;
    default: ++o.otherIp; break;
    }
    if ((pkt.protocol == 6 || pkt.protocol == 17) && !pkt.hasTransport) {
        ++o.malformed; // ports cut off by the snap length or a bad header
        return;
    }
    FlowKey key;
    const bool srcLo = FlowKey::fromPacket(pkt, key);
    bool created;
    const uint32_t index = m_flows.findOrInsert(key, created);
    Conversation &c = m_flows.at(index);
    if (created) {
        c.aIsLo = srcLo;
        c.firstUs = t;
        c.lastUs = t;
    } else {
        if (t < c.firstUs)
            c.firstUs = t;
        if (t > c.lastUs)
            c.lastUs = t;
    }
    const int dir = srcLo == c.aIsLo ? 0 : 1;
    ++c.packets[dir];
    c.bytes[dir] += raw.wireLength;
    if (pkt.fragment) {
        const uint64_t tag = fragmentTag(pkt);
        FragmentSlot &slot = m_fragments[tag % kFragmentSlots];
        slot.tag = tag;
        slot.conv = index;
    }
    if ((pkt.protocol == 1 && pkt.icmpType == 3) || (pkt.protocol == 58 && pkt.icmpType == 1)) {
        unreachable(); // before anything that may grow the flow table
    } else if (pkt.protocol == 6) {
        tcp(c, created, dir, index, t);
    } else if (pkt.protocol == 17 && pkt.payloadLength >= 24) {
        if (m_rpc.onUdp(index, dir, pkt, t))
            m_flows.at(index).isRpc = true;
    }
}

void CaptureSummarizer::tcp(Conversation &c, bool created, int dir, uint32_t index, int64_t timeUs)
{
    const DecodedPacket &pkt = m_pkt;
    const uint8_t f = pkt.tcpFlags;
    const bool syn = f & DecodedPacket::Syn;
    const bool ack = f & DecodedPacket::Ack;
    const bool rst = f & DecodedPacket::Rst;
    const bool fin = f & DecodedPacket::Fin;
    if (created && syn && !ack)
        c.firstWasSyn = true;
    if (syn && !ack && dir == 0)
        ++c.syn;
    if (syn && ack && dir == 1)
        ++c.synAck;
    if (rst) {
        ++c.rst[dir];
        if (dir == 1 && c.synAck == 0 && c.syn > 0)
            c.rstBeforeSynAck = true;
    }
    if (fin)
        ++c.fin[dir];
    if (dir == 0 && c.synAck > 0 && ack && !syn)
        c.handshakeAck = true;
    if (pkt.window == 0 && !(syn || fin || rst))
        ++c.zeroWindow;
    const uint32_t segLen = pkt.payloadLength + (syn ? 1 : 0) + (fin ? 1 : 0);
    if (segLen > 0 && !rst) {
        const uint32_t end = pkt.seq + segLen;
        if (!c.seqValid[dir]) {
            c.nextSeq[dir] = end;
            c.seqValid[dir] = true;
        } else if (int32_t(end - c.nextSeq[dir]) <= 0) {
            const bool keepAlive = pkt.payloadLength <= 1 && !syn && !fin && pkt.seq + 1 == c.nextSeq[dir];
            if (!keepAlive)
                ++c.retransmissions;
        } else {
            c.nextSeq[dir] = end;
        }
    }
    if (pkt.payloadLength == 0)
        return;
    if (c.rpc >= 0) {
        m_rpc.onTcp(index, c, dir, pkt, timeUs);
    } else if (c.rpcProbes < 16) {
        if (m_rpc.probeTcp(index, c, dir, pkt, timeUs))
            c.isRpc = true;
        else
            ++c.rpcProbes;
    }
}

void CaptureSummarizer::unreachable()
{
    // Destination/port unreachable: the error quotes the offending packet's IP
    // header and the start of its transport header (after 4 unused bytes).
    const DecodedPacket &pkt = m_pkt;
    if (!pkt.payload || pkt.payloadCaptured < 4 + 20)
        return;
    DecodedPacket &q = m_quoted;
    PacketDecoder::decode(PacketDecoder::Raw, pkt.payload + 4, pkt.payloadCaptured - 4, q);
    if (!q.ip || !q.hasTransport || (q.protocol != 6 && q.protocol != 17))
        return;
    FlowKey key;
    FlowKey::fromPacket(q, key);
    const int64_t found = m_flows.find(key);
    if (found >= 0)
        ++m_flows.at(uint32_t(found)).icmpUnreachable;
}

void CaptureSummarizer::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_reader.finish();
    m_rpc.finish();
    CaptureOverview &o = m_overview;
    o.format = m_reader.format() == CaptureReader::Format::PcapNg ? QStringLiteral("pcapng")
             : m_reader.format() == CaptureReader::Format::Pcap ? QStringLiteral("pcap") : QString();
    o.nanosecond = m_reader.nanosecond();
    o.bigEndian = m_reader.bigEndian();
    o.inputBytes = m_reader.bytesConsumed();
    o.truncated = m_reader.truncated();
    o.error = m_reader.error();
    if (!m_reader.warning().isEmpty())
        o.warnings << m_reader.warning();
    if (!o.error.isEmpty())
        o.warnings << QStringLiteral("the capture is corrupt: %1; the summary covers what was readable before it").arg(o.error);
    if (m_reader.badInterfacePackets())
        o.warnings << QStringLiteral("%1 packets named an interface that was never described and were skipped")
                          .arg(m_reader.badInterfacePackets());
    if (m_reader.badTimePackets())
        o.warnings << QStringLiteral("%1 packets had impossible timestamps (before 1970 or after the year 5138) and were given "
                                     "the previous packet's time").arg(m_reader.badTimePackets());
    if (o.malformed)
        o.warnings << QStringLiteral("%1 IP packets had cut or inconsistent headers and were only counted").arg(o.malformed);
    if (o.fragments)
        o.warnings << QStringLiteral("%1 IP fragments seen (later fragments are attributed to their datagram's conversation%2)")
                          .arg(o.fragments)
                          .arg(o.unattributedFragments ? QStringLiteral("; %1 could not be").arg(o.unattributedFragments) : QString());
    if (m_rpc.untrackedCalls())
        o.warnings << QStringLiteral("%1 RPC calls could not be tracked for replies (too many outstanding)").arg(m_rpc.untrackedCalls());
}
