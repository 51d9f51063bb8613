#include "PcapImporter.h"

#include "CaptureReader.h"
#include "PcapIngest.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/SqliteStatement.h"
#include "util/CaseError.h"
#include "util/FileHasher.h"

#include "casefile/OpenCaseRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

bool PcapImporter::recognises(QByteArrayView head, const QString &) const
{
    return CaptureReader::looksLikeCapture(reinterpret_cast<const uint8_t *>(head.data()), size_t(head.size()));
}

ImportResult PcapImporter::import(const ImportRequest &request, const CancelToken &cancel)
{
    ImportResult result;
    if (!request.caseFile)
        throw CaseError(QStringLiteral("pcap import: no case file"));
    SqliteDatabase &db = request.caseFile->db();
    CollectionStore collections(db);
    QJsonArray captures;
    for (const QString &path : request.paths) {
        OpenCaseRegistry::refuse(path, QStringLiteral("imported"));
        QFile file(path);
        const QFileInfo fi(path);
        if (!fi.isFile() || !file.open(QIODevice::ReadOnly)) {
            result.ok = false;
            result.error = QStringLiteral("cannot read %1: %2").arg(path, fi.exists() ? file.errorString() : QStringLiteral("no such file"));
            return result;
        }
        const qint64 size = file.size();
        const bool keep = m_keep == KeepRaw::Always || (m_keep == KeepRaw::Auto && size <= kAutoKeepBytes);
        QJsonObject params{{QStringLiteral("importer"), QStringLiteral("pcap")},
                           {QStringLiteral("file"), fi.absoluteFilePath()},
                           {QStringLiteral("size"), size},
                           {QStringLiteral("modified"), fi.lastModified().toUTC().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("raw_kept"), keep}};
        const qint64 collectionId = collections.begin(request.hostId, QStringLiteral("import"), fi.absoluteFilePath(), params);
        result.collectionIds.append(collectionId);
        try {
            PcapIngest::Options opt;
            opt.collectionId = collectionId;
            opt.hostId = request.hostId;
            opt.source = fi.absoluteFilePath();
            opt.keepRaw = keep;
            opt.artifactName = fi.fileName();
            // A capture that is not kept is still hashed, whole (even when it
            // is corrupt and the summary stops early), on a second thread
            // that overlaps reading, summarising and storing.
            std::unique_ptr<FileHasher> hasher;
            if (!keep) {
                hasher = std::make_unique<FileHasher>(path);
                opt.hashSource = false;
            }
            PcapIngest ingest(db, opt);
            // The file is mapped window by window (each unmapped after use),
            // so resident memory stays at one window plus the flow table
            // whatever the file size; unmappable files are read in blocks.
            constexpr qint64 kWindow = 64LL << 20;
            bool cancelled = false;
            QByteArray buffer;
            qint64 done = 0;
            int lastPercent = -1;
            while (done < size) {
                if (cancel.isCancelled()) {
                    cancelled = true;
                    break;
                }
                const qint64 n = qMin(kWindow, size - done);
                if (uchar *map = file.map(done, n)) {
                    ingest.feed(QByteArrayView(reinterpret_cast<const char *>(map), n));
                    file.unmap(map);
                } else {
                    if (buffer.isEmpty())
                        buffer.resize(8 << 20);
                    file.seek(done);
                    const qint64 got = file.read(buffer.data(), qMin<qint64>(n, buffer.size()));
                    if (got <= 0)
                        break;
                    ingest.feed(QByteArrayView(buffer.constData(), got));
                    done += got;
                    continue;
                }
                done += n;
                if (!keep && ingest.summarizer().stopped())
                    break; // corrupt: nothing more to summarise and nothing to keep
                const int percent = int(done * 100 / size);
                if (request.progress && percent != lastPercent) {
                    lastPercent = percent;
                    request.progress(QStringLiteral("reading %1").arg(fi.fileName()), percent);
                }
            }
            const qint64 captureId = ingest.finish(cancelled);
            const CaptureOverview &o = ingest.summarizer().overview();
            const bool notCapture = o.format.isEmpty() || (!o.error.isEmpty() && o.packets == 0 && o.interfaces.empty());
            if (notCapture) {
                const QString why = o.error.isEmpty() ? QStringLiteral("not a pcap or pcapng capture") : o.error;
                collections.finish(collectionId, CollectionRecord::Status::Failed, why);
                result.ok = false;
                result.error = QStringLiteral("%1: %2").arg(path, why);
                return result;
            }
            for (const QString &w : o.warnings)
                result.warnings << QStringLiteral("%1: %2").arg(fi.fileName(), w);
            QString sourceSha256;
            if (hasher && !cancelled) {
                sourceSha256 = hasher->result();
                if (sourceSha256.isEmpty())
                    result.warnings << QStringLiteral("%1: not hashed: %2").arg(fi.fileName(), hasher->error());
                else if (hasher->changed())
                    result.warnings << QStringLiteral("%1: the file changed while it was imported; its SHA-256 may not "
                                                      "match the bytes summarised").arg(fi.fileName());
            } else if (!hasher && ingest.bytes() == size) {
                sourceSha256 = ingest.sourceSha256();
            }
            if (!sourceSha256.isEmpty()) {
                // Recorded before the collection is finished (and audited).
                SqliteStatement st = db.prepare(QStringLiteral(
                    "UPDATE collections SET parameters = json_set(parameters, '$.source_sha256', ?) WHERE id = ?"));
                st.bind(1, sourceSha256).bind(2, collectionId).exec();
            }
            collections.finish(collectionId, cancelled ? CollectionRecord::Status::Incomplete : CollectionRecord::Status::Complete,
                               cancelled ? QStringLiteral("cancelled") : QString());
            QJsonObject c{{QStringLiteral("capture_id"), captureId},
                          {QStringLiteral("collection_id"), collectionId},
                          {QStringLiteral("file"), fi.absoluteFilePath()},
                          {QStringLiteral("format"), o.format},
                          {QStringLiteral("packets"), qint64(o.packets)},
                          {QStringLiteral("conversations"), qint64(ingest.summarizer().flows().size())},
                          {QStringLiteral("rpc_calls"), qint64(ingest.summarizer().rpc().totalCalls())},
                          {QStringLiteral("findings"), ingest.findings()},
                          {QStringLiteral("truncated"), o.truncated},
                          {QStringLiteral("corrupt"), !o.error.isEmpty()},
                          {QStringLiteral("artifact_id"), ingest.artifactId()},
                          {QStringLiteral("warnings"), QJsonArray::fromStringList(o.warnings)}};
            // The file's hash is recorded whether or not its bytes are kept,
            // so a capture left outside the case can still be matched to it.
            if (!sourceSha256.isEmpty())
                c.insert(QStringLiteral("sha256"), sourceSha256);
            captures.append(c);
            if (cancelled) {
                result.ok = false;
                result.error = QStringLiteral("cancelled");
                break;
            }
        } catch (const CaseError &e) {
            collections.finish(collectionId, CollectionRecord::Status::Failed, e.message());
            throw;
        }
    }
    result.summary.insert(QStringLiteral("kind"), QStringLiteral("pcap"));
    result.summary.insert(QStringLiteral("captures"), captures);
    return result;
}
