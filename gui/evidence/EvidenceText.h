#pragma once

#include <QByteArray>
#include <QString>

// Turns raw evidence bytes into text for display: UTF-8 (invalid bytes
// replaced), or a hex dump when the bytes look binary. Never rich text.
struct EvidenceText
{
    QString text;
    bool binary = false;
    bool clipped = false; // only the first part is shown

    static constexpr qint64 kMaxTextBytes = 32LL << 20;
    static constexpr qint64 kMaxHexBytes = 256LL << 10;
    static EvidenceText fromBytes(const QByteArray &bytes, qint64 totalSize);
    static QString hexDump(QByteArrayView bytes);
};
