#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

class SqliteDatabase;

struct ArtifactInfo
{
    qint64 id = 0;
    qint64 collectionId = 0;
    qint64 hostId = 0;
    QString kind;
    QString name;
    QString sourcePath;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    bool complete = false;
    bool truncated = false;
    qint64 createdUs = 0;
};

class ArtifactReader
{
public:
    explicit ArtifactReader(SqliteDatabase &db) : m_db(db) {}

    std::optional<ArtifactInfo> info(qint64 id) const;
    QList<ArtifactInfo> list(qint64 collectionId = 0) const; // 0 = all
    std::optional<ArtifactInfo> bySha256(const QString &hex) const;

    // Streams the bytes chunk by chunk; return false from fn to stop early.
    void forEachChunk(qint64 id, const std::function<bool(QByteArrayView)> &fn) const;
    // Whole content; refuses (throws) above maxBytes.
    QByteArray readAll(qint64 id, qint64 maxBytes = 256LL << 20) const;
    // Writes the bytes to a local file.
    void exportTo(qint64 id, const QString &path) const;

private:
    SqliteDatabase &m_db;
};
