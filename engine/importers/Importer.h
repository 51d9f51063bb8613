#pragma once

#include "util/CancelToken.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class CaseFile;

struct ImportRequest
{
    CaseFile *caseFile = nullptr;
    qint64 hostId = 0;       // 0 = not attributed to a host
    QStringList paths;       // files (or directories, e.g. strace -ff output) on this machine
    // For logs whose times carry no date or zone (strace -t/-tt): the traced
    // host's zone (IANA name or UTC offset; empty = this machine's zone) and
    // the day the log starts (invalid = taken from the file's modification time).
    QString timeZone;
    QDate startDate;
    // When the traced calls were last known to be still in progress (strace
    // logs copied while strace was attached): calls without an end waited
    // until then. Invalid = until the log's last timestamp.
    QDateTime observedUntil;
    std::function<void(const QString &message, int percent)> progress; // throttled by the importer
};

struct ImportResult
{
    bool ok = true;
    QString error;                // user-presentable when !ok
    QStringList warnings;         // partial results, unparsed lines, truncation...
    QList<qint64> collectionIds;  // the 'import' collections created
    QJsonObject summary;          // counts for --json and the GUI
};

// Imports one kind of evidence file into a case: records a collection of kind
// 'import', stores the raw bytes verbatim (ArtifactWriter), parses in a
// streaming fashion, analyses, and finishes the collection.
class Importer
{
public:
    virtual ~Importer();
    virtual QString kind() const = 0; // "strace", "pcap", "kernel-log"...
    // True if these first bytes (up to 64 KiB) of a file look like this kind.
    virtual bool recognises(QByteArrayView head, const QString &fileName) const = 0;
    virtual ImportResult import(const ImportRequest &request, const CancelToken &cancel) = 0;
};
