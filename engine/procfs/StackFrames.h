#pragma once

#include <QString>
#include <QStringList>

// Kernel stack frames as /proc/PID/stack prints them ("[<0>] flush_work+0x129/0x1e0").
namespace StackFrames {
// One entry per frame, prefix removed, the 0xffffffffffffffff end marker dropped.
QStringList parse(const QString &stackText);
// Function name without +offset/size; keepOffsets leaves the frame as is.
QString normalize(const QString &frame, bool keepOffsets = false);
QStringList normalizeAll(const QStringList &frames, bool keepOffsets = false);
// Stable short signature of the normalized frames (16 hex digits); empty for no frames.
QString signature(const QStringList &normalizedFrames);
}
