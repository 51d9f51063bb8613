#pragma once

#include "StraceClock.h"
#include "StraceStreamParser.h"
#include "casefile/ArtifactWriter.h"

#include <QString>

class StraceCaseWriter;

// What one ingested strace log gave.
struct StraceTraceResult
{
    qint64 traceId = 0;
    qint64 artifactId = 0;
    QString sha256;
    StraceParseStats stats;
    qint64 calls = 0;
};

// One strace log on its way into the case: the bytes go verbatim into an
// artifact (hashed as they arrive) and through the streaming parser into the
// writer's tables. Used by the importer (local files) and the collector
// (bytes pulled from a host).
class StraceTraceIngest
{
public:
    StraceTraceIngest(SqliteDatabase &db, StraceCaseWriter &writer, const ArtifactSpec &spec, qint64 filePid,
                      const StraceClock &clock);
    void feed(QByteArrayView data);
    // complete = false when the log was cut short (cancel, size cap). endHintUs:
    // when strace stopped writing (file mtime), 0 if unknown; observedUntilUs:
    // when the capture is known to have ended (StraceStreamParser::finish).
    StraceTraceResult finish(bool complete, bool truncated = false, qint64 endHintUs = 0, qint64 observedUntilUs = 0);

private:
    StraceCaseWriter &m_writer;
    ArtifactWriter m_artifact;
    StraceStreamParser m_parser;
    qint64 m_traceId = 0;
};
