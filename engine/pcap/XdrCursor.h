#pragma once

#include <cstdint>

// Bounds-checked reader of XDR (big-endian, 4-byte aligned) data. Reading past
// the end sets ok() false and returns zeros; it never reads out of bounds.
class XdrCursor
{
public:
    XdrCursor(const uint8_t *data, uint32_t size) : m_p(data), m_end(data + size) {}

    bool ok() const { return m_ok; }
    uint32_t remaining() const { return uint32_t(m_end - m_p); }
    const uint8_t *position() const { return m_p; }

    uint32_t u32()
    {
        if (remaining() < 4) {
            m_ok = false;
            m_p = m_end;
            return 0;
        }
        const uint32_t v = (uint32_t(m_p[0]) << 24) | (uint32_t(m_p[1]) << 16) | (uint32_t(m_p[2]) << 8) | m_p[3];
        m_p += 4;
        return v;
    }
    uint64_t u64()
    {
        const uint64_t hi = u32();
        return (hi << 32) | u32();
    }
    // Skips n bytes plus XDR padding.
    bool skip(uint32_t n)
    {
        const uint64_t padded = (uint64_t(n) + 3) & ~uint64_t(3);
        if (padded > remaining()) {
            m_ok = false;
            m_p = m_end;
            return false;
        }
        m_p += padded;
        return true;
    }
    // Variable-length opaque/string with a maximum; returns its bytes.
    const uint8_t *opaque(uint32_t maxLen, uint32_t &len)
    {
        len = u32();
        if (!m_ok || len > maxLen) {
            m_ok = false;
            m_p = m_end;
            len = 0;
            return nullptr;
        }
        const uint8_t *start = m_p;
        if (!skip(len)) {
            len = 0;
            return nullptr;
        }
        return start;
    }

private:
    const uint8_t *m_p;
    const uint8_t *m_end;
    bool m_ok = true;
};
