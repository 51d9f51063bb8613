#pragma once

#include "casefile/CollectionGap.h"
#include "util/CancelToken.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class SqliteDatabase;

// Parses a procfs snapshot stream, stores its samples, records the host's
// kernel/os/boot time and what could not be read (collection_gaps), then
// runs the D-state triage and the kernel-event correlation. Used by the procfs collector and by tests on fixtures.
class ProcfsIngest
{
public:
    struct Result
    {
        QList<qint64> snapshotIds;
        qint64 tasks = 0;
        int findings = 0;
        QStringList problems;
        QList<CollectionGap> gaps; // stored in collection_gaps, each with its snapshot
        qint64 readAsUid = -1;     // the account the snapshot ran as on the host
        QString readAsName;
    };

    explicit ProcfsIngest(SqliteDatabase &db) : m_db(db) {}
    // Throws CaseError when out is not a snapshot stream at all.
    Result ingest(QByteArrayView out, QByteArrayView err, qint64 collectionId, qint64 hostId, qint64 artifactId,
                  const CancelToken &cancel = {});

private:
    SqliteDatabase &m_db;
};
