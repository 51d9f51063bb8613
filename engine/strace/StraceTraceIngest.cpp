#include "StraceTraceIngest.h"

#include "StraceCaseWriter.h"

StraceTraceIngest::StraceTraceIngest(SqliteDatabase &db, StraceCaseWriter &writer, const ArtifactSpec &spec,
                                     qint64 filePid, const StraceClock &clock)
    : m_writer(writer), m_artifact(db, spec), m_parser(writer, clock)
{
    m_parser.setDefaultPid(filePid);
    m_traceId = m_writer.beginTrace(spec.name, filePid, m_artifact.id());
}

void StraceTraceIngest::feed(QByteArrayView data)
{
    m_artifact.append(data);
    m_parser.feed(data);
    m_writer.maybeCommit();
}

StraceTraceResult StraceTraceIngest::finish(bool complete, bool truncated, qint64 endHintUs, qint64 observedUntilUs)
{
    m_parser.finish(endHintUs, observedUntilUs);
    StraceTraceResult r;
    r.traceId = m_traceId;
    r.artifactId = m_artifact.id();
    r.sha256 = m_artifact.finish(truncated);
    r.stats = m_parser.stats();
    r.calls = m_writer.traceCalls();
    m_writer.endTrace(r.stats, complete);
    return r;
}
