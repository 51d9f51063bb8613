#pragma once

#include "collectors/Collector.h"

#include <QStringList>

// Pulls named files from the host verbatim (regular files only, through
// Transport::pull) into one 'file' collection, one artifact per file, hashed
// as they arrive. A file that cannot be pulled is reported and the others are
// still collected (the collection is then incomplete).
class FileCollector : public Collector
{
public:
    FileCollector(QStringList paths, qint64 maxBytes);
    QString kind() const override { return QStringLiteral("file"); }
    CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) override;
    bool joinsCaptureWindow() const override { return false; } // files are pulled after the window

private:
    QStringList m_paths;
    qint64 m_maxBytes;
};
