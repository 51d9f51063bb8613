#pragma once

#include "CollectorFactory.h"
#include "util/CancelToken.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>

class Transport;
class CaseFile;
class CollectionStore;

// Where a collector writes and how it reports. One per host per run; used on
// that host's worker thread only.
struct CollectionContext
{
    CaseFile *caseFile = nullptr;   // this worker's own connection to the case
    qint64 hostId = 0;              // hosts.id of the host being collected
    QString hostSpec;               // as the user named it
    std::function<void(const QString &message, int percent)> progress; // percent -1 = unknown
    // True when the caller (HostCollection) has already written the host's
    // record (address, port, user, host key) for this run; beginCollection()
    // then records the endpoint on the collection only.
    bool hostRecorded = false;
};

struct CollectorResult
{
    bool ok = true;
    QString error;                 // user-presentable when !ok
    QList<qint64> collectionIds;   // collections this run created
    QJsonObject summary;           // for --json output (counts, ids...)
};

// Runs one kind of collection over a connected transport: creates its own
// collections rows (CollectionStore::begin/finish), streams artifacts in as
// they arrive, then parses and analyses. Must honour cancel and never hang.
class Collector
{
public:
    virtual ~Collector();
    virtual QString kind() const = 0;
    virtual CollectorResult collect(Transport &transport, CollectionContext &context, const CancelToken &cancel) = 0;
    // True for collectors that watch the same moment (procfs samples, kernel
    // log, strace, tcpdump): HostCollection starts them together in one
    // capture window. False ones (file pulls) run after the window.
    virtual bool joinsCaptureWindow() const { return true; }

    // The typed options this collector was built with (CollectorOptionSet::
    // toJson), kept in each of its collections' parameters as "options" so a
    // re-collect can start from them.
    void setRecordedOptions(const QJsonObject &options) { m_recordedOptions = options; }
    const QJsonObject &recordedOptions() const { return m_recordedOptions; }

protected:
    // Starts a 'running' collection for context's host and records the host key
    // the transport presented and the endpoint it used (address, port, user), so
    // every collection carries them from its start; fills the host's record too.
    // parameters gain "options" (recordedOptions()) when there are any and,
    // when the transport runs commands as root (--sudo), "become": {method,
    // login_user, as_user, password: "asked"|"not needed"}.
    qint64 beginCollection(CollectionStore &collections, const Transport &transport, const CollectionContext &context,
                           const QString &kind, const QString &command, const QJsonObject &parameters = {}) const;

private:
    QJsonObject m_recordedOptions;
};
