#include "CaptureReader.h"

#include "util/TimeLimits.h"

#include <cstring>

namespace {
constexpr uint32_t kPcapMagicUs = 0xa1b2c3d4;
constexpr uint32_t kPcapMagicNs = 0xa1b23c4d;
constexpr uint32_t kNgShb = 0x0a0d0d0a;
constexpr uint32_t kNgByteOrder = 0x1a2b3c4d;

uint32_t bswap32(uint32_t v) { return __builtin_bswap32(v); }
uint32_t raw32(const uint8_t *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
}

bool CaptureReader::hostIsBig()
{
    return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

uint32_t CaptureReader::rd32(const uint8_t *p) const
{
    const uint32_t v = raw32(p);
    return m_swap ? bswap32(v) : v;
}

uint16_t CaptureReader::rd16(const uint8_t *p) const
{
    uint16_t v;
    std::memcpy(&v, p, 2);
    return m_swap ? uint16_t((v >> 8) | (v << 8)) : v;
}

bool CaptureReader::looksLikeCapture(const uint8_t *data, size_t size)
{
    if (size < 4)
        return false;
    const uint32_t m = raw32(data);
    return m == kPcapMagicUs || m == kPcapMagicNs || m == bswap32(kPcapMagicUs) || m == bswap32(kPcapMagicNs)
        || m == kNgShb;
}

void CaptureReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1 (at byte offset %2, after %3 packets)").arg(message).arg(m_consumed).arg(m_packets);
}

bool CaptureReader::feed(const uint8_t *data, size_t size)
{
    if (failed())
        return false;
    const uint8_t *p = data;
    size_t n = size;
    while (!m_carry.empty() && n > 0) {
        // m_need is what the record in m_carry needs in total; top it up.
        const size_t have = m_carry.size();
        const size_t want = m_need > have ? m_need - have : 1;
        const size_t take = want < n ? want : n;
        m_carry.insert(m_carry.end(), p, p + take);
        p += take;
        n -= take;
        const int64_t r = parseRecord(m_carry.data(), m_carry.size());
        if (r < 0)
            return false;
        if (r > 0) {
            m_consumed += uint64_t(r);
            m_carry.erase(m_carry.begin(), m_carry.begin() + r);
        }
    }
    if (!m_carry.empty())
        return true;
    while (n > 0) {
        const int64_t r = parseRecord(p, n);
        if (r < 0)
            return false;
        if (r == 0) {
            m_carry.assign(p, p + n);
            break;
        }
        m_consumed += uint64_t(r);
        p += r;
        n -= size_t(r);
    }
    return true;
}

void CaptureReader::finish()
{
    if (failed())
        return;
    if (!m_haveHeader && m_carry.empty() && m_consumed == 0) {
        fail(QStringLiteral("empty input: no capture file header"));
        return;
    }
    if (!m_carry.empty()) {
        m_truncated = true;
        m_warning = QStringLiteral("the capture is cut short: the last record is incomplete (%1 of %2 bytes at offset %3); "
                                   "the summary covers the %4 complete packets before it")
                        .arg(m_carry.size()).arg(m_need).arg(m_consumed).arg(m_packets);
        if (!m_haveHeader)
            fail(QStringLiteral("truncated capture file header"));
        m_carry.clear();
    }
}

int64_t CaptureReader::parseRecord(const uint8_t *p, size_t size)
{
    if (!m_haveHeader)
        return parseFileHeader(p, size);
    return m_format == Format::Pcap ? parsePcapRecord(p, size) : parseNgBlock(p, size);
}

int64_t CaptureReader::parseFileHeader(const uint8_t *p, size_t size)
{
    if (size < 4) {
        m_need = 4;
        return 0;
    }
    const uint32_t m = raw32(p);
    if (m == kNgShb) {
        m_format = Format::PcapNg;
        m_haveHeader = true;
        return parseNgBlock(p, size);
    }
    if (m == kPcapMagicUs || m == kPcapMagicNs) {
        m_swap = false;
    } else if (m == bswap32(kPcapMagicUs) || m == bswap32(kPcapMagicNs)) {
        m_swap = true;
    } else {
        fail(QStringLiteral("not a pcap or pcapng capture (unknown magic number 0x%1)").arg(m, 8, 16, QLatin1Char('0')));
        return -1;
    }
    if (size < 24) {
        m_need = 24;
        return 0;
    }
    m_format = Format::Pcap;
    m_nanosecond = rd32(p) == kPcapMagicNs;
    m_pcapSnap = rd32(p + 16);
    m_pcapLinkType = rd32(p + 20) & 0x0fffffffu;
    m_haveHeader = true;
    CaptureInterface iface;
    iface.index = 0;
    iface.linkType = m_pcapLinkType;
    iface.snapLength = m_pcapSnap;
    iface.tsUnitsPerSecond = m_nanosecond ? 1000000000 : 1000000;
    m_interfaces.push_back(iface);
    m_consumer.onInterface(iface);
    return 24;
}

int64_t CaptureReader::parsePcapRecord(const uint8_t *p, size_t size)
{
    if (size < 16) {
        m_need = 16;
        return 0;
    }
    const uint32_t capLen = rd32(p + 8);
    const uint32_t wireLen = rd32(p + 12);
    if (capLen > kMaxRecord) {
        fail(QStringLiteral("corrupt packet record: captured length %1 is implausible").arg(capLen));
        return -1;
    }
    const size_t total = 16 + size_t(capLen);
    if (size < total) {
        m_need = total;
        return 0;
    }
    const int64_t sec = rd32(p);
    const uint32_t frac = rd32(p + 4);
    RawPacket pkt;
    pkt.data = p + 16;
    pkt.capturedLength = capLen;
    pkt.wireLength = wireLen < capLen ? capLen : wireLen;
    pkt.timeUs = sec * 1000000 + (m_nanosecond ? frac / 1000 : frac);
    pkt.interfaceIndex = 0;
    pkt.linkType = m_pcapLinkType;
    ++m_packets;
    m_consumer.onPacket(pkt);
    return int64_t(total);
}

int64_t CaptureReader::parseNgBlock(const uint8_t *p, size_t size)
{
    if (size < 12) {
        m_need = 12;
        return 0;
    }
    const uint32_t rawType = raw32(p);
    if (rawType == kNgShb) {
        const uint32_t bom = raw32(p + 8);
        if (bom == kNgByteOrder)
            m_swap = false;
        else if (bom == bswap32(kNgByteOrder))
            m_swap = true;
        else {
            fail(QStringLiteral("corrupt pcapng section header: bad byte-order magic"));
            return -1;
        }
    }
    const uint32_t type = rd32(p);
    const uint32_t len = rd32(p + 4);
    if (len < 12 || len % 4 != 0 || len > kMaxRecord) {
        fail(QStringLiteral("corrupt pcapng block (type 0x%1): length %2 is invalid").arg(type, 0, 16).arg(len));
        return -1;
    }
    if (size < len) {
        m_need = len;
        return 0;
    }
    if (rd32(p + len - 4) != len) {
        fail(QStringLiteral("corrupt pcapng block (type 0x%1): trailing length does not match").arg(type, 0, 16));
        return -1;
    }
    switch (type) {
    case kNgShb:
        if (len < 28) {
            fail(QStringLiteral("corrupt pcapng section header: too short"));
            return -1;
        }
        m_sectionBase = uint32_t(m_interfaces.size());
        break;
    case 1: // IDB
        if (len < 20) {
            fail(QStringLiteral("corrupt pcapng interface description: too short"));
            return -1;
        }
        parseInterface(p, len);
        break;
    case 6: { // EPB
        if (len < 32) {
            fail(QStringLiteral("corrupt pcapng enhanced packet block: too short"));
            return -1;
        }
        const uint32_t capLen = rd32(p + 20);
        if (size_t(capLen) + 32 > len) {
            fail(QStringLiteral("corrupt pcapng enhanced packet block: captured length %1 exceeds the block").arg(capLen));
            return -1;
        }
        emitNg(rd32(p + 8), rd32(p + 12), rd32(p + 16), p + 28, capLen, rd32(p + 24));
        break;
    }
    case 2: { // OPB (obsolete packet block)
        if (len < 32) {
            fail(QStringLiteral("corrupt pcapng packet block: too short"));
            return -1;
        }
        const uint32_t capLen = rd32(p + 20);
        if (size_t(capLen) + 32 > len) {
            fail(QStringLiteral("corrupt pcapng packet block: captured length exceeds the block"));
            return -1;
        }
        emitNg(rd16(p + 8), rd32(p + 12), rd32(p + 16), p + 28, capLen, rd32(p + 24));
        break;
    }
    case 3: { // SPB: interface 0 of the section, no timestamp
        const uint32_t wire = rd32(p + 8);
        uint32_t capLen = len - 16;
        if (wire < capLen)
            capLen = wire;
        if (m_sectionBase < m_interfaces.size()) {
            const uint32_t snap = m_interfaces[m_sectionBase].snapLength;
            if (snap && snap < capLen)
                capLen = snap;
        }
        if (m_sectionBase >= m_interfaces.size()) {
            fail(QStringLiteral("corrupt pcapng: simple packet block before any interface description"));
            return -1;
        }
        RawPacket pkt;
        pkt.data = p + 12;
        pkt.capturedLength = capLen;
        pkt.wireLength = wire < capLen ? capLen : wire;
        pkt.timeUs = m_lastTimeUs;
        pkt.interfaceIndex = m_sectionBase;
        pkt.linkType = m_interfaces[m_sectionBase].linkType;
        ++m_packets;
        m_consumer.onPacket(pkt);
        break;
    }
    default:
        break; // NRB, ISB, DSB, custom blocks: not needed for the summary
    }
    return len;
}

void CaptureReader::parseInterface(const uint8_t *p, uint32_t len)
{
    CaptureInterface iface;
    iface.index = uint32_t(m_interfaces.size());
    iface.linkType = rd16(p + 8);
    iface.snapLength = rd32(p + 12);
    uint32_t off = 16;
    while (off + 4 <= len - 4) {
        const uint16_t code = rd16(p + off);
        const uint16_t olen = rd16(p + off + 2);
        off += 4;
        if (code == 0 || off + olen > len - 4)
            break;
        if (code == 9 && olen >= 1) { // if_tsresol
            const uint8_t v = p[off];
            const int exp = v & 0x7f;
            int64_t units = 1;
            if (v & 0x80) {
                units = exp < 62 ? (int64_t(1) << exp) : 0;
            } else {
                for (int i = 0; i < exp && units <= 1000000000000000000LL / 10; ++i)
                    units *= 10;
            }
            if (units > 0)
                iface.tsUnitsPerSecond = units;
        } else if (code == 14 && olen >= 8) { // if_tsoffset
            uint64_t v;
            std::memcpy(&v, p + off, 8);
            if (m_swap)
                v = __builtin_bswap64(v);
            iface.tsOffsetSeconds = int64_t(v);
        } else if (code == 2 && olen > 0) { // if_name
            const uint32_t n = olen < sizeof(iface.name) - 1 ? olen : uint32_t(sizeof(iface.name) - 1);
            std::memcpy(iface.name, p + off, n);
            iface.name[n] = 0;
        }
        off += (uint32_t(olen) + 3u) & ~3u;
    }
    m_interfaces.push_back(iface);
    m_consumer.onInterface(iface);
}

void CaptureReader::emitNg(uint32_t ifIndex, uint32_t tsHigh, uint32_t tsLow, const uint8_t *data, uint32_t capLen,
                           uint32_t wireLen)
{
    const uint32_t global = m_sectionBase + ifIndex;
    if (global >= m_interfaces.size() || global < m_sectionBase) {
        ++m_badInterface;
        return; // counted; reported as a warning by the summarizer
    }
    const CaptureInterface &iface = m_interfaces[global];
    const uint64_t ts = (uint64_t(tsHigh) << 32) | tsLow;
    const uint64_t units = uint64_t(iface.tsUnitsPerSecond); // 1 .. 10^18 or 2^61
    const uint64_t secs = ts / units;
    const uint64_t rem = ts % units;
    const uint64_t fracUs = units <= UINT64_MAX / 1000000 ? rem * 1000000 / units : rem / (units / 1000000);
    constexpr int64_t kMaxS = TimeLimits::kMaxEpochSeconds;
    const int64_t offset = iface.tsOffsetSeconds;
    int64_t us = m_lastTimeUs;
    if (secs <= uint64_t(kMaxS) && offset >= -kMaxS && offset <= kMaxS && int64_t(secs) + offset >= 0
        && int64_t(secs) + offset <= kMaxS)
        us = (int64_t(secs) + offset) * 1000000 + int64_t(fracUs);
    else
        ++m_badTime; // before 1970 or after year 5138: given the previous packet's time
    m_lastTimeUs = us;
    RawPacket pkt;
    pkt.data = data;
    pkt.capturedLength = capLen;
    pkt.wireLength = wireLen < capLen ? capLen : wireLen;
    pkt.timeUs = us;
    pkt.interfaceIndex = global;
    pkt.linkType = iface.linkType;
    ++m_packets;
    m_consumer.onPacket(pkt);
}
