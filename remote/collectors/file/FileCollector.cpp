#include "FileCollector.h"

#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "transport/Transport.h"

#include <QJsonArray>

FileCollector::FileCollector(QStringList paths, qint64 maxBytes)
    : m_paths(std::move(paths)), m_maxBytes(maxBytes)
{
}

CollectorResult FileCollector::collect(Transport &transport, CollectionContext &context, const CancelToken &cancel)
{
    CollectorResult result;
    SqliteDatabase &db = context.caseFile->db();
    CollectionStore collections(db);
    const qint64 collectionId = beginCollection(collections, transport, context, kind(), QStringLiteral("pull ") + m_paths.join(QLatin1Char(' ')),
                                                  QJsonObject{{QStringLiteral("paths"), QJsonArray::fromStringList(m_paths)}});
    result.collectionIds.append(collectionId);
    QJsonArray files;
    int failed = 0;
    int partlyArrived = 0;
    bool truncated = false;
    QStringList cuts;
    for (int i = 0; i < m_paths.size(); ++i) {
        const QString &path = m_paths.at(i);
        if (context.progress)
            context.progress(QStringLiteral("pulling %1").arg(path), int(100 * i / m_paths.size()));
        std::unique_ptr<ArtifactWriter> writer;
        auto open = [&] {
            if (!writer) {
                const QString name = path.section(QLatin1Char('/'), -1);
                writer = std::make_unique<ArtifactWriter>(db, ArtifactSpec{collectionId, context.hostId, QStringLiteral("file"),
                                                                           name.isEmpty() ? path : name, path});
            }
        };
        PullRequest request;
        request.remotePath = path;
        request.maxBytes = m_maxBytes;
        const PullResult pulled = transport.pull(request, [&](QByteArrayView data) {
            open();
            writer->append(data);
        }, cancel);
        QJsonObject file{{QStringLiteral("path"), path}};
        if (pulled.ok())
            open(); // empty files are evidence too
        if (writer) {
            writer->finish(pulled.truncated || !pulled.ok());
            file.insert(QStringLiteral("artifact_id"), writer->id());
            file.insert(QStringLiteral("size"), pulled.size);
            file.insert(QStringLiteral("sha256"), pulled.sha256);
        }
        if (pulled.truncated) {
            truncated = true;
            file.insert(QStringLiteral("truncated"), true);
            cuts << QStringLiteral("%1 cut at %2 bytes (--pull-max)").arg(path).arg(m_maxBytes);
        }
        if (!pulled.ok()) {
            ++failed;
            if (pulled.size > 0)
                ++partlyArrived; // kept: what arrived before it stopped
            file.insert(QStringLiteral("error"), pulled.cancelled ? QStringLiteral("cancelled") : pulled.error);
        }
        files.append(file);
        if (cancel.isCancelled())
            break;
    }
    result.summary.insert(QStringLiteral("files"), files);
    QString error;
    if (failed > 0) {
        QStringList reasons;
        for (const auto &f : std::as_const(files)) {
            const QString e = f.toObject().value(QStringLiteral("error")).toString();
            if (!e.isEmpty())
                reasons << e;
        }
        error = reasons.join(QLatin1String("; "));
    }
    // Failed only when nothing at all arrived; a pull cut short (stalled
    // server, cancel, size cap) leaves an incomplete collection with what came.
    const bool allFailed = failed == m_paths.size() && partlyArrived == 0;
    QStringList notes = cuts;
    if (!error.isEmpty())
        notes.prepend(error);
    if (notes.isEmpty() && cancel.isCancelled())
        notes << QStringLiteral("cancelled");
    const QString note = notes.join(QLatin1String("; "));
    const auto status = allFailed ? CollectionRecord::Status::Failed
                        : (failed > 0 || truncated || cancel.isCancelled()) ? CollectionRecord::Status::Incomplete
                                                                            : CollectionRecord::Status::Complete;
    collections.finish(collectionId, status, status == CollectionRecord::Status::Complete ? QString() : note);
    result.ok = failed == 0 && !cancel.isCancelled();
    result.error = error;
    return result;
}
