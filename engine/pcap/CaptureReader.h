#pragma once

#include "PacketConsumer.h"

#include <QString>
#include <cstdint>
#include <vector>

// Streaming reader of pcap (micro/nanosecond, either byte order) and pcapng
// (SHB/IDB/EPB/SPB/OPB, several sections and interfaces, per-interface
// timestamp resolution). Bytes are pushed in with feed() in pieces of any size
// (a file read in large blocks, or a tcpdump stdout stream); records are
// parsed in place and only a record split across two pieces is copied. Memory
// is bounded by the largest record (capped). Corruption stops reading with an
// error(); what was read before stays valid.
class CaptureReader
{
public:
    enum class Format { Unknown, Pcap, PcapNg };
    static constexpr uint32_t kMaxRecord = 16u << 20; // larger blocks are corruption

    explicit CaptureReader(PacketConsumer &consumer) : m_consumer(consumer) {}

    // Returns false once the reader has stopped (error); further input is ignored.
    bool feed(const uint8_t *data, size_t size);
    // End of input: notes a record cut short (truncated file).
    void finish();

    // True when the first bytes start a pcap or pcapng file.
    static bool looksLikeCapture(const uint8_t *data, size_t size);

    Format format() const { return m_format; }
    bool nanosecond() const { return m_nanosecond; }
    bool bigEndian() const { return m_swap != hostIsBig(); }
    bool failed() const { return !m_error.isEmpty(); }
    bool truncated() const { return m_truncated; }
    const QString &error() const { return m_error; }   // corruption; empty if none
    const QString &warning() const { return m_warning; } // e.g. cut short mid-record
    uint64_t bytesConsumed() const { return m_consumed; }
    uint64_t packets() const { return m_packets; }
    // pcapng packets naming an interface that was never described (skipped).
    uint64_t badInterfacePackets() const { return m_badInterface; }
    // pcapng packets whose timestamp (with the interface's offset) lies before
    // 1970 or after TimeLimits::kMaxEpochSeconds; they get the previous packet's time.
    uint64_t badTimePackets() const { return m_badTime; }

private:
    static bool hostIsBig();
    // Parses one record at p (size available). Returns bytes used, 0 if more
    // input is needed, or -1 on error (m_error set).
    int64_t parseRecord(const uint8_t *p, size_t size);
    int64_t parseFileHeader(const uint8_t *p, size_t size);
    int64_t parsePcapRecord(const uint8_t *p, size_t size);
    int64_t parseNgBlock(const uint8_t *p, size_t size);
    void parseSectionHeader(const uint8_t *p, uint32_t len);
    void parseInterface(const uint8_t *p, uint32_t len);
    void emitNg(uint32_t ifIndex, uint32_t tsHigh, uint32_t tsLow, const uint8_t *data, uint32_t capLen, uint32_t wireLen);
    void fail(const QString &message);
    uint32_t rd32(const uint8_t *p) const;
    uint16_t rd16(const uint8_t *p) const;

    PacketConsumer &m_consumer;
    Format m_format = Format::Unknown;
    bool m_haveHeader = false;
    bool m_swap = false;
    bool m_nanosecond = false;
    bool m_truncated = false;
    uint32_t m_pcapLinkType = 0;
    uint32_t m_pcapSnap = 0;
    uint32_t m_sectionBase = 0; // interface index offset of the current pcapng section
    std::vector<CaptureInterface> m_interfaces;
    std::vector<uint8_t> m_carry; // partial record spanning two feeds
    QString m_error;
    QString m_warning;
    uint64_t m_consumed = 0;
    uint64_t m_packets = 0;
    uint64_t m_badInterface = 0;
    uint64_t m_badTime = 0;
    size_t m_need = 0;
    int64_t m_lastTimeUs = 0;
};
