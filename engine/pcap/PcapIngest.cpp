#include "PcapIngest.h"

#include "PcapAnalyzer.h"
#include "PcapStore.h"
#include "casefile/ArtifactWriter.h"

PcapIngest::PcapIngest(SqliteDatabase &db, const Options &options)
    : m_db(db), m_options(options), m_summarizer(std::make_unique<CaptureSummarizer>())
{
    if (options.keepRaw) {
        ArtifactSpec spec;
        spec.collectionId = options.collectionId;
        spec.hostId = options.hostId;
        spec.kind = QStringLiteral("pcap");
        spec.name = options.artifactName.isEmpty() ? QStringLiteral("capture.pcap") : options.artifactName;
        spec.sourcePath = options.source;
        spec.mediaType = QStringLiteral("application/vnd.tcpdump.pcap");
        m_artifact = std::make_unique<ArtifactWriter>(db, spec, 4 << 20);
    }
}

PcapIngest::~PcapIngest() = default;

qint64 PcapIngest::artifactId() const
{
    return m_artifact ? m_artifact->id() : 0;
}

void PcapIngest::feed(QByteArrayView data)
{
    m_bytes += data.size();
    if (m_artifact)
        m_artifact->append(data);
    else if (m_options.hashSource)
        m_sourceHash.addData(data);
    m_summarizer->feed(reinterpret_cast<const uint8_t *>(data.data()), size_t(data.size()));
}

qint64 PcapIngest::finish(bool rawTruncated)
{
    if (m_artifact && !m_artifact->isFinished())
        m_sha256 = m_artifact->finish(rawTruncated);
    m_sourceSha256 = m_artifact ? m_sha256 : m_options.hashSource ? m_sourceHash.hexResult() : QString();
    m_summarizer->finish();
    PcapStore::Origin origin;
    origin.collectionId = m_options.collectionId;
    origin.hostId = m_options.hostId;
    origin.artifactId = artifactId();
    origin.source = m_options.source;
    const qint64 captureId = PcapStore(m_db).store(*m_summarizer, origin);
    m_findings = PcapAnalyzer(m_db).analyze(captureId, m_options.collectionId, m_options.hostId);
    return captureId;
}
