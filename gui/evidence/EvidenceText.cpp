#include "EvidenceText.h"

#include <algorithm>

EvidenceText EvidenceText::fromBytes(const QByteArray &bytes, qint64 totalSize)
{
    EvidenceText t;
    const QByteArrayView head = QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 8192));
    int control = 0;
    for (char c : head)
        if (c == 0 || (uchar(c) < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\x1b'))
            ++control;
    t.binary = head.contains('\0') || (head.size() > 0 && control * 20 > head.size());
    if (t.binary) {
        const qsizetype n = std::min<qsizetype>(bytes.size(), kMaxHexBytes);
        t.text = hexDump(QByteArrayView(bytes).first(n));
        t.clipped = n < totalSize;
    } else {
        const qsizetype n = std::min<qsizetype>(bytes.size(), kMaxTextBytes);
        t.text = QString::fromUtf8(QByteArrayView(bytes).first(n));
        t.clipped = n < totalSize;
    }
    return t;
}

QString EvidenceText::hexDump(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 4 + 64);
    for (qsizetype off = 0; off < bytes.size(); off += 16) {
        out += QStringLiteral("%1  ").arg(off, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (off + i < bytes.size()) {
                const uchar c = uchar(bytes[off + i]);
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(char(c))) : QChar(QLatin1Char('.'));
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    return out;
}
