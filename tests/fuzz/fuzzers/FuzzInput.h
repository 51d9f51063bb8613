#pragma once

#include <QByteArrayView>
#include <QList>

// Carving one fuzz input into the several inputs a target needs, in a way
// that keeps the seed files readable (parts separated by a marker line).
namespace FuzzInput {

inline QByteArrayView view(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The parts of data between occurrences of separator (at least one part).
inline QList<QByteArrayView> split(QByteArrayView data, QByteArrayView separator)
{
    QList<QByteArrayView> parts;
    for (;;) {
        const qsizetype at = data.indexOf(separator);
        if (at < 0)
            break;
        parts.append(data.first(at));
        data = data.sliced(at + separator.size());
    }
    parts.append(data);
    return parts;
}

// Removes and returns the first line of data (without its newline).
inline QByteArrayView takeLine(QByteArrayView &data)
{
    qsizetype nl = data.indexOf('\n');
    const QByteArrayView line = data.first(nl < 0 ? data.size() : nl);
    data = data.sliced(nl < 0 ? data.size() : nl + 1);
    return line;
}

}
