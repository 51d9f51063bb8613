#pragma once

#include "util/Sha256.h"

#include <QByteArray>
#include <QString>

class SqliteDatabase;

struct ArtifactSpec
{
    qint64 collectionId = 0;
    qint64 hostId = 0;
    QString kind;       // procfs-snapshot, kernel-log, strace-log, pcap, file, stdout, stderr
    QString name;
    QString sourcePath; // where it came from (remote path, local file)
    QString mediaType = QStringLiteral("application/octet-stream");
};

// Streams raw evidence into the case verbatim. Bytes are buffered into chunks;
// each full chunk is written and, unless the caller holds a transaction,
// committed at once, so a crash keeps everything up to the last chunk. The
// SHA-256 is computed as bytes arrive and stored by finish().
class ArtifactWriter
{
public:
    static constexpr qsizetype kDefaultChunkSize = 1 << 20;

    ArtifactWriter(SqliteDatabase &db, const ArtifactSpec &spec, qsizetype chunkSize = kDefaultChunkSize);
    ~ArtifactWriter();
    ArtifactWriter(const ArtifactWriter &) = delete;
    ArtifactWriter &operator=(const ArtifactWriter &) = delete;

    qint64 id() const { return m_id; }
    qint64 size() const { return m_size; }
    void append(QByteArrayView data);
    // Writes any buffered bytes as a (short) chunk now.
    void flush();
    // Flushes, records size and SHA-256 and marks it complete. Returns the hex hash.
    QString finish(bool truncated = false);
    bool isFinished() const { return m_finished; }

private:
    void writeChunk(QByteArrayView data);

    SqliteDatabase &m_db;
    qint64 m_id = 0;
    qint64 m_seq = 0;
    qint64 m_size = 0;    // bytes appended
    qint64 m_written = 0; // bytes stored in chunks
    qsizetype m_chunkSize;
    QByteArray m_buffer;
    Sha256 m_hash;
    bool m_finished = false;
};
