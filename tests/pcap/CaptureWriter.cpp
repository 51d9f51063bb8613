#include "CaptureWriter.h"

#include <QtEndian>

namespace {
void be16(QByteArray &o, uint16_t v)
{
    o.append(char(v >> 8)).append(char(v));
}
void be32(QByteArray &o, uint32_t v)
{
    o.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}
}

CaptureWriter::CaptureWriter(Format format, uint32_t linkType)
    : m_format(format), m_big(format == Format::PcapUsBigEndian)
{
    if (format == Format::PcapNg) {
        // SHB
        put32(0x0a0d0d0a);
        put32(28);
        put32(0x1a2b3c4d);
        put16(1);
        put16(0);
        put32(0xffffffff);
        put32(0xffffffff);
        put32(28);
        addInterface(linkType, 6);
        return;
    }
    put32(format == Format::PcapNs ? 0xa1b23c4d : 0xa1b2c3d4);
    put16(2);
    put16(4);
    put32(0);
    put32(0);
    put32(262144);
    put32(linkType);
}

void CaptureWriter::put32(uint32_t v)
{
    if (m_big)
        be32(m_data, v);
    else
        m_data.append(reinterpret_cast<const char *>(&v), 4); // host = little endian here
}

void CaptureWriter::put16(uint16_t v)
{
    if (m_big)
        be16(m_data, v);
    else
        m_data.append(reinterpret_cast<const char *>(&v), 2);
}

void CaptureWriter::addInterface(uint32_t linkType, uint8_t exp)
{
    // IDB with if_tsresol
    put32(1);
    put32(32);
    put16(uint16_t(linkType));
    put16(0);
    put32(262144);
    put16(9);
    put16(1);
    m_data.append(char(exp)).append(3, '\0');
    put16(0);
    put16(0);
    put32(32);
}

void CaptureWriter::packet(int64_t timeUs, const QByteArray &frame, uint32_t wireLength, uint32_t iface)
{
    const uint32_t wire = wireLength ? wireLength : uint32_t(frame.size());
    if (m_format == Format::PcapNg) {
        const uint32_t pad = (4 - frame.size() % 4) % 4;
        const uint32_t len = 32 + uint32_t(frame.size()) + pad;
        put32(6);
        put32(len);
        put32(iface);
        const uint64_t ts = uint64_t(timeUs);
        put32(uint32_t(ts >> 32));
        put32(uint32_t(ts));
        put32(uint32_t(frame.size()));
        put32(wire);
        m_data.append(frame);
        m_data.append(int(pad), '\0');
        put32(len);
        return;
    }
    put32(uint32_t(timeUs / 1000000));
    const uint32_t frac = uint32_t(timeUs % 1000000);
    put32(m_format == Format::PcapNs ? frac * 1000 : frac);
    put32(uint32_t(frame.size()));
    put32(wire);
    m_data.append(frame);
}

QByteArray CaptureWriter::ethernetIpv4(uint32_t src, uint32_t dst, uint8_t protocol, const QByteArray &l4, uint16_t vlan)
{
    QByteArray f;
    f.append("\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01", 12);
    if (vlan) {
        be16(f, 0x8100);
        be16(f, vlan);
    }
    be16(f, 0x0800);
    QByteArray ipHdr;
    ipHdr.append(char(0x45)).append(char(0));
    be16(ipHdr, uint16_t(20 + l4.size()));
    be16(ipHdr, 0x1234);
    be16(ipHdr, 0x4000);
    ipHdr.append(char(64)).append(char(protocol));
    be16(ipHdr, 0);
    be32(ipHdr, src);
    be32(ipHdr, dst);
    f.append(ipHdr).append(l4);
    return f;
}

QByteArray CaptureWriter::tcp(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags,
                              const QByteArray &payload, uint16_t window)
{
    QByteArray t;
    be16(t, sport);
    be16(t, dport);
    be32(t, seq);
    be32(t, ack);
    t.append(char(0x50)).append(char(flags));
    be16(t, window);
    be16(t, 0);
    be16(t, 0);
    t.append(payload);
    return t;
}

QByteArray CaptureWriter::udp(uint16_t sport, uint16_t dport, const QByteArray &payload)
{
    QByteArray u;
    be16(u, sport);
    be16(u, dport);
    be16(u, uint16_t(8 + payload.size()));
    be16(u, 0);
    u.append(payload);
    return u;
}

QByteArray CaptureWriter::tcpFrame(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
                                   uint8_t flags, const QByteArray &payload, uint16_t window)
{
    return ethernetIpv4(src, dst, 6, tcp(sport, dport, seq, ack, flags, payload, window));
}

QByteArray CaptureWriter::udpFrame(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, const QByteArray &payload)
{
    return ethernetIpv4(src, dst, 17, udp(sport, dport, payload));
}

void CaptureWriter::u32(QByteArray &out, uint32_t v)
{
    be32(out, v);
}

void CaptureWriter::str(QByteArray &out, const QByteArray &s)
{
    be32(out, uint32_t(s.size()));
    out.append(s);
    out.append(int((4 - s.size() % 4) % 4), '\0');
}

QByteArray CaptureWriter::rpcCall(uint32_t xid, uint32_t prog, uint32_t vers, uint32_t proc, const QByteArray &args)
{
    QByteArray m;
    for (uint32_t v : {xid, 0u, 2u, prog, vers, proc, 0u, 0u, 0u, 0u})
        be32(m, v);
    m.append(args);
    return m;
}

QByteArray CaptureWriter::rpcReply(uint32_t xid, uint32_t acceptStat, const QByteArray &results)
{
    QByteArray m;
    for (uint32_t v : {xid, 1u, 0u, 0u, 0u, acceptStat})
        be32(m, v);
    m.append(results);
    return m;
}

QByteArray CaptureWriter::record(const QByteArray &message, bool last)
{
    QByteArray r;
    be32(r, uint32_t(message.size()) | (last ? 0x80000000u : 0));
    r.append(message);
    return r;
}
