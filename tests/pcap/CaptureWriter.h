#pragma once

#include <QByteArray>
#include <cstdint>

// Builds synthetic captures for tests and the benchmark: classic pcap
// (micro/nanosecond, either byte order) or pcapng records, Ethernet/IPv4
// frames carrying TCP or UDP, and ONC RPC messages with record marking.
class CaptureWriter
{
public:
    enum class Format { PcapUs, PcapNs, PcapUsBigEndian, PcapNg };

    explicit CaptureWriter(Format format = Format::PcapUs, uint32_t linkType = 1);

    QByteArray &data() { return m_data; }
    // Appends one packet record (pcapng: EPB on interface iface).
    void packet(int64_t timeUs, const QByteArray &frame, uint32_t wireLength = 0, uint32_t iface = 0);
    // pcapng only: another interface description (ts resolution 10^-exp s).
    void addInterface(uint32_t linkType, uint8_t tsResolutionExp);

    static QByteArray ethernetIpv4(uint32_t src, uint32_t dst, uint8_t protocol, const QByteArray &l4, uint16_t vlan = 0);
    static QByteArray tcp(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags,
                          const QByteArray &payload = {}, uint16_t window = 65535);
    static QByteArray udp(uint16_t sport, uint16_t dport, const QByteArray &payload);
    static QByteArray tcpFrame(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
                               uint8_t flags, const QByteArray &payload = {}, uint16_t window = 65535);
    static QByteArray udpFrame(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, const QByteArray &payload);

    // XDR helpers and RPC messages (AUTH_NONE).
    static void u32(QByteArray &out, uint32_t v);
    static void str(QByteArray &out, const QByteArray &s);
    static QByteArray rpcCall(uint32_t xid, uint32_t prog, uint32_t vers, uint32_t proc, const QByteArray &args = {});
    static QByteArray rpcReply(uint32_t xid, uint32_t acceptStat = 0, const QByteArray &results = {});
    // One record-marking fragment (last = end of record).
    static QByteArray record(const QByteArray &message, bool last = true);

    static uint32_t ip(uint8_t a, uint8_t b, uint8_t c, uint8_t d) { return (uint32_t(a) << 24) | (b << 16) | (c << 8) | d; }

    enum Flags : uint8_t { FIN = 1, SYN = 2, RST = 4, PSH = 8, ACK = 16 };

private:
    void put32(uint32_t v);
    void put16(uint16_t v);
    Format m_format;
    bool m_big = false;
    QByteArray m_data;
};
