#pragma once

#include "PseudonymMap.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Searches raw bytes (a whole case file, a report) for original values: the
// proof that a redacted export leaks none of them. Matching is
// case-insensitive and whole-word (no letter, digit or '_' on either side), the
// same rule the Redactor applies; values are searched as UTF-8.
class RedactionScanner
{
public:
    struct Hit
    {
        QString kind;
        QString original;
        qint64 count = 0;
    };

    static QList<Hit> scan(const QByteArray &bytes, const QList<PseudonymMap::Entry> &originals);
    static QList<Hit> scanFile(const QString &path, const QList<PseudonymMap::Entry> &originals);
};
