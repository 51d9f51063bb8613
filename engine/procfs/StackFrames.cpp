#include "StackFrames.h"

#include <QCryptographicHash>

namespace StackFrames {

QStringList parse(const QString &stackText)
{
    QStringList frames;
    for (QString line : stackText.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            const qsizetype close = line.indexOf(QLatin1Char(']'));
            if (close > 0)
                line = line.mid(close + 1).trimmed();
        }
        if (line.isEmpty() || line == QLatin1String("0xffffffffffffffff"))
            continue;
        frames.append(line);
    }
    return frames;
}

QString normalize(const QString &frame, bool keepOffsets)
{
    if (keepOffsets)
        return frame;
    QString f = frame.trimmed();
    QString module;
    const qsizetype modStart = f.lastIndexOf(QLatin1String(" ["));
    if (modStart > 0 && f.endsWith(QLatin1Char(']'))) {
        module = f.mid(modStart);
        f.truncate(modStart);
    }
    const qsizetype plus = f.indexOf(QLatin1Char('+'));
    if (plus > 0)
        f.truncate(plus);
    return f.trimmed() + module;
}

QStringList normalizeAll(const QStringList &frames, bool keepOffsets)
{
    QStringList out;
    out.reserve(frames.size());
    for (const QString &f : frames)
        out.append(normalize(f, keepOffsets));
    return out;
}

QString signature(const QStringList &normalizedFrames)
{
    if (normalizedFrames.isEmpty())
        return {};
    const QByteArray h = QCryptographicHash::hash(normalizedFrames.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(h.toHex().left(16));
}

}
