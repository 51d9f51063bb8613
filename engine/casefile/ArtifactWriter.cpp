#include "ArtifactWriter.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/TimeUtil.h"

ArtifactWriter::ArtifactWriter(SqliteDatabase &db, const ArtifactSpec &spec, qsizetype chunkSize)
    : m_db(db), m_chunkSize(chunkSize > 0 ? chunkSize : kDefaultChunkSize)
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO artifacts(collection_id, host_id, kind, name, source_path, media_type, created_us) VALUES (?,?,?,?,?,?,?)"));
    st.bindIdOrNull(1, spec.collectionId).bindIdOrNull(2, spec.hostId).bind(3, spec.kind).bind(4, spec.name)
        .bind(5, spec.sourcePath.isNull() ? QString(QLatin1String("")) : spec.sourcePath).bind(6, spec.mediaType)
        .bind(7, TimeUtil::nowUs());
    st.exec();
    m_id = m_db.lastInsertRowId();
    m_buffer.reserve(m_chunkSize);
}

ArtifactWriter::~ArtifactWriter()
{
    // Keep whatever arrived: an unfinished artifact stays with complete = 0.
    if (!m_finished) {
        try {
            flush();
        } catch (...) {
        }
    }
}

void ArtifactWriter::append(QByteArrayView data)
{
    m_hash.addData(data);
    m_size += data.size();
    while (!data.isEmpty()) {
        const qsizetype room = m_chunkSize - m_buffer.size();
        const qsizetype take = qMin(room, data.size());
        m_buffer.append(data.first(take));
        data = data.sliced(take);
        if (m_buffer.size() >= m_chunkSize) {
            writeChunk(m_buffer);
            m_buffer.clear();
        }
    }
}

void ArtifactWriter::flush()
{
    if (!m_buffer.isEmpty()) {
        writeChunk(m_buffer);
        m_buffer.clear();
    }
}

void ArtifactWriter::writeChunk(QByteArrayView data)
{
    SqliteStatement st = m_db.prepare(QStringLiteral("INSERT INTO artifact_chunks(artifact_id, seq, data) VALUES (?,?,?)"));
    st.bind(1, m_id).bind(2, m_seq++).bindBlob(3, data).exec();
    SqliteStatement size = m_db.prepare(QStringLiteral("UPDATE artifacts SET size = ? WHERE id = ?"));
    m_written += data.size();
    size.bind(1, m_written).bind(2, m_id).exec();
}

QString ArtifactWriter::finish(bool truncated)
{
    flush();
    const QString hex = QString::fromLatin1(m_hash.result().toHex());
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE artifacts SET size = ?, sha256 = ?, complete = 1, truncated = ? WHERE id = ?"));
    st.bind(1, m_size).bind(2, hex).bind(3, truncated ? 1 : 0).bind(4, m_id).exec();
    m_finished = true;
    return hex;
}
