#pragma once

#include "importers/Importer.h"

// Imports strace text logs (combined -f logs, or -ff per-process files given
// as a directory or a set of files) into strace_* tables, keeps each log
// verbatim as a 'strace-log' artifact, then runs StraceAnalyzer.
class StraceImporter : public Importer
{
public:
    QString kind() const override { return QStringLiteral("strace"); }
    bool recognises(QByteArrayView head, const QString &fileName) const override;
    ImportResult import(const ImportRequest &request, const CancelToken &cancel) override;
};
