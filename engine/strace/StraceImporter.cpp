#include "StraceImporter.h"

#include "StraceAnalyzer.h"
#include "StraceCaseWriter.h"
#include "StraceInputFiles.h"
#include "StraceLineParser.h"
#include "StraceTraceIngest.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "util/CaseError.h"

#include <QElapsedTimer>
#include "casefile/OpenCaseRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <QJsonArray>

bool StraceImporter::recognises(QByteArrayView head, const QString &) const
{
    int parsed = 0;
    int tried = 0;
    StraceLine line;
    while (!head.isEmpty() && tried < 20) {
        qsizetype nl = head.indexOf('\n');
        if (nl < 0) {
            if (tried > 0)
                break; // a cut last line says nothing
            nl = head.size();
        }
        const QByteArrayView l = head.first(nl);
        head = head.sliced(qMin(nl + 1, head.size()));
        if (l.trimmed().isEmpty())
            continue;
        ++tried;
        if (StraceLineParser::parse(l, line) && line.kind != StraceLine::Kind::Info)
            ++parsed;
    }
    return parsed > 0 && parsed * 2 > tried;
}

ImportResult StraceImporter::import(const ImportRequest &req, const CancelToken &cancel)
{
    ImportResult result;
    if (!req.caseFile)
        throw CaseError(QStringLiteral("no case file to import into"));
    SqliteDatabase &db = req.caseFile->db();
    QStringList problems;
    const QList<StraceInputFile> files = StraceInputFiles::expand(req.paths, &problems);
    result.warnings += problems;
    if (files.isEmpty()) {
        result.ok = false;
        result.error = problems.isEmpty() ? QStringLiteral("nothing to import") : problems.join(QStringLiteral("; "));
        return result;
    }
    qint64 totalBytes = 0;
    for (const StraceInputFile &f : files)
        totalBytes += QFileInfo(f.path).size();

    QTimeZone zone = QTimeZone::systemTimeZone();
    if (!req.timeZone.isEmpty()) {
        const auto parsed = StraceClock::parseZone(req.timeZone);
        if (!parsed) {
            result.ok = false;
            result.error = QStringLiteral("not a time zone: %1 (use an IANA name such as Europe/Berlin, or an offset such as +02:00)")
                               .arg(req.timeZone);
            return result;
        }
        zone = *parsed;
    }
    QJsonObject parameters{{QStringLiteral("kind"), QStringLiteral("strace")}, {QStringLiteral("paths"), QJsonArray::fromStringList(req.paths)},
                           {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())}};
    if (req.startDate.isValid())
        parameters.insert(QStringLiteral("start_date"), req.startDate.toString(Qt::ISODate));
    if (req.observedUntil.isValid())
        parameters.insert(QStringLiteral("observed_until"), req.observedUntil.toUTC().toString(Qt::ISODateWithMs));
    CollectionStore collections(db);
    const qint64 collectionId = collections.begin(
        req.hostId, QStringLiteral("import"), QStringLiteral("import strace ") + req.paths.join(QLatin1Char(' ')), parameters);
    result.collectionIds.append(collectionId);

    QJsonArray traces;
    qint64 doneBytes = 0;
    qint64 unparsed = 0;
    bool cancelled = false;
    int imported = 0;
    QElapsedTimer progressTimer;
    progressTimer.start();
    QElapsedTimer totalTimer;
    totalTimer.start();
    try {
        StraceCaseWriter writer(db, collectionId, req.hostId);
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (const StraceInputFile &f : files) {
            if (cancelled)
                break;
            if (OpenCaseRegistry::holds(f.path)) {
                result.warnings.append(QStringLiteral("%1: a case file open in Casebook; not imported").arg(f.path));
                continue;
            }
            QFile file(f.path);
            if (!file.open(QIODevice::ReadOnly)) {
                result.warnings.append(QStringLiteral("%1: %2").arg(f.path, file.errorString()));
                continue;
            }
            ArtifactSpec spec;
            spec.collectionId = collectionId;
            spec.hostId = req.hostId;
            spec.kind = QStringLiteral("strace-log");
            spec.name = f.name;
            spec.sourcePath = f.path;
            spec.mediaType = QStringLiteral("text/plain");
            // -t/-tt times of day get their date from the file's modification
            // time (or --date) and their zone from --tz (else this machine's).
            StraceClock clock(QFileInfo(f.path).lastModified().toUTC(), zone);
            clock.setStartDate(req.startDate);
            StraceTraceIngest ingest(db, writer, spec, f.pid, clock);
            bool readError = false;
            for (;;) {
                if (cancel.isCancelled()) {
                    cancelled = true;
                    break;
                }
                const qint64 n = file.read(buffer.data(), buffer.size());
                if (n < 0) {
                    readError = true;
                    result.warnings.append(QStringLiteral("%1: read error: %2").arg(f.path, file.errorString()));
                    break;
                }
                if (n == 0)
                    break;
                ingest.feed(QByteArrayView(buffer.constData(), n));
                doneBytes += n;
                if (req.progress && progressTimer.elapsed() >= 250) {
                    progressTimer.restart();
                    req.progress(QStringLiteral("%1: %2 calls").arg(f.name).arg(writer.totalCalls()),
                                 totalBytes > 0 ? int(doneBytes * 100 / totalBytes) : -1);
                }
            }
            const StraceTraceResult r = ingest.finish(!cancelled && !readError, false,
                                                      QFileInfo(f.path).lastModified().toMSecsSinceEpoch() * 1000,
                                                      req.observedUntil.isValid() ? req.observedUntil.toMSecsSinceEpoch() * 1000 : 0);
            ++imported;
            unparsed += r.stats.unparsed;
            if (r.stats.unparsed > 0)
                result.warnings.append(QStringLiteral("%1: %2 of %3 lines not understood (kept in strace_unparsed)")
                                           .arg(f.name).arg(r.stats.unparsed).arg(r.stats.lines));
            if (r.stats.outOfRange > 0)
                result.warnings.append(QStringLiteral("%1: %2 lines hold an impossible duration or exit code (dropped or capped)")
                                           .arg(f.name).arg(r.stats.outOfRange));
            if (r.stats.truncatedTail)
                result.warnings.append(QStringLiteral("%1: the last line is cut short (no newline)").arg(f.name));
            traces.append(QJsonObject{{QStringLiteral("trace_id"), r.traceId},
                                      {QStringLiteral("name"), f.name},
                                      {QStringLiteral("pid"), f.pid},
                                      {QStringLiteral("artifact_id"), r.artifactId},
                                      {QStringLiteral("sha256"), r.sha256},
                                      {QStringLiteral("bytes"), r.stats.bytes},
                                      {QStringLiteral("lines"), r.stats.lines},
                                      {QStringLiteral("calls"), r.calls},
                                      {QStringLiteral("unparsed"), r.stats.unparsed},
                                      {QStringLiteral("time_style"), r.stats.timeStyle()},
                                      {QStringLiteral("detached"), r.stats.detached}});
        }
        writer.finish();
        result.summary.insert(QStringLiteral("calls"), writer.totalCalls());
        result.summary.insert(QStringLiteral("unfinished"), writer.totalUnfinished());
        result.summary.insert(QStringLiteral("processes"), writer.processCount());
    } catch (const CaseError &e) {
        collections.finish(collectionId, CollectionRecord::Status::Failed, e.message());
        result.ok = false;
        result.error = e.message();
        return result;
    }
    const qint64 ingestMs = progressTimer.isValid() ? totalTimer.elapsed() : 0;
    const int findings = StraceAnalyzer(db).analyse(collectionId);
    result.summary.insert(QStringLiteral("ingest_ms"), ingestMs);
    result.summary.insert(QStringLiteral("analysis_ms"), totalTimer.elapsed() - ingestMs);
    const bool complete = !cancelled && imported == files.size();
    collections.finish(collectionId,
                       imported == 0 ? CollectionRecord::Status::Failed
                       : complete    ? CollectionRecord::Status::Complete
                                     : CollectionRecord::Status::Incomplete,
                       cancelled ? QStringLiteral("cancelled") : QString());
    AuditLog(db).append(QStringLiteral("import"), QStringLiteral("collection:%1").arg(collectionId),
                        {{QStringLiteral("kind"), QStringLiteral("strace")}, {QStringLiteral("traces"), traces.size()}});
    result.summary.insert(QStringLiteral("kind"), QStringLiteral("strace"));
    result.summary.insert(QStringLiteral("collection_id"), collectionId);
    result.summary.insert(QStringLiteral("traces"), traces);
    result.summary.insert(QStringLiteral("unparsed"), unparsed);
    result.summary.insert(QStringLiteral("findings"), findings);
    if (cancelled) {
        result.ok = false;
        result.error = QStringLiteral("import cancelled; what was read so far is kept (collection %1 incomplete)").arg(collectionId);
    } else if (imported == 0) {
        result.ok = false;
        result.error = result.warnings.join(QStringLiteral("; "));
    }
    return result;
}
