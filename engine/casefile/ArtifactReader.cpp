#include "ArtifactReader.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/CaseError.h"

#include <QSaveFile>

namespace {
const char kColumns[] = "id, collection_id, host_id, kind, name, source_path, media_type, size, sha256, complete, "
                        "truncated, created_us";

ArtifactInfo readInfo(const SqliteStatement &st)
{
    ArtifactInfo a;
    a.id = st.int64(0);
    a.collectionId = st.int64(1);
    a.hostId = st.int64(2);
    a.kind = st.text(3);
    a.name = st.text(4);
    a.sourcePath = st.text(5);
    a.mediaType = st.text(6);
    a.size = st.int64(7);
    a.sha256 = st.text(8);
    a.complete = st.int64(9) != 0;
    a.truncated = st.int64(10) != 0;
    a.createdUs = st.int64(11);
    return a;
}
}

std::optional<ArtifactInfo> ArtifactReader::info(qint64 id) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM artifacts WHERE id = ?").arg(QLatin1String(kColumns)));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readInfo(st);
}

std::optional<ArtifactInfo> ArtifactReader::bySha256(const QString &hex) const
{
    SqliteStatement st = m_db.prepare(
        QStringLiteral("SELECT %1 FROM artifacts WHERE sha256 = ? AND complete = 1 LIMIT 1").arg(QLatin1String(kColumns)));
    st.bind(1, hex);
    if (!st.step())
        return std::nullopt;
    return readInfo(st);
}

QList<ArtifactInfo> ArtifactReader::list(qint64 collectionId) const
{
    SqliteStatement st = m_db.prepare(collectionId > 0
        ? QStringLiteral("SELECT %1 FROM artifacts WHERE collection_id = ? ORDER BY id").arg(QLatin1String(kColumns))
        : QStringLiteral("SELECT %1 FROM artifacts ORDER BY id").arg(QLatin1String(kColumns)));
    if (collectionId > 0)
        st.bind(1, collectionId);
    QList<ArtifactInfo> out;
    while (st.step())
        out.append(readInfo(st));
    return out;
}

void ArtifactReader::forEachChunk(qint64 id, const std::function<bool(QByteArrayView)> &fn) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = ? ORDER BY seq"));
    st.bind(1, id);
    while (st.step()) {
        if (!fn(st.blobView(0)))
            break;
    }
}

QByteArray ArtifactReader::readAll(qint64 id, qint64 maxBytes) const
{
    const auto a = info(id);
    if (!a)
        throw CaseError(QStringLiteral("no artifact %1").arg(id));
    if (a->size > maxBytes)
        throw CaseError(QStringLiteral("artifact %1 is %2 bytes, more than the %3 this view reads at once").arg(id).arg(a->size).arg(maxBytes));
    QByteArray out;
    out.reserve(a->size);
    forEachChunk(id, [&](QByteArrayView chunk) {
        out.append(chunk);
        return true;
    });
    return out;
}

void ArtifactReader::exportTo(qint64 id, const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    forEachChunk(id, [&](QByteArrayView chunk) { return f.write(chunk.data(), chunk.size()) == chunk.size(); });
    if (!f.commit())
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}
