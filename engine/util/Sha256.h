#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstdint>

// SHA-256 for bulk evidence (captures, traces, artifacts). Uses the x86 SHA
// extensions when the CPU has them (about 4-6x faster than a portable
// implementation, which matters when a 1 GB capture is hashed while it is
// summarised), and a portable implementation otherwise. Results are
// identical to QCryptographicHash(Sha256); tests check that.
class Sha256
{
public:
    Sha256() { reset(); }
    void reset();
    void addData(QByteArrayView data);
    QByteArray result();        // 32 bytes; the object must be reset() to reuse
    QString hexResult() { return QString::fromLatin1(result().toHex()); }

    static QByteArray hash(QByteArrayView data);
    // Whether the SHA extensions are in use on this CPU.
    static bool accelerated();
    // For tests and benchmarks: force the portable code (false) or the SHA
    // extensions (true); returns whether the request could be met. Not
    // thread-safe: call before hashing starts.
    static bool setAccelerated(bool on);

private:
    void compress(const uint8_t *blocks, size_t count);

    std::array<uint32_t, 8> m_state{};
    uint8_t m_buffer[64]{};
    size_t m_buffered = 0;
    uint64_t m_length = 0;
};
