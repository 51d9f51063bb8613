#include "TcpdumpCollector.h"

#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "pcap/PcapIngest.h"
#include "transport/Transport.h"
#include "util/CaseError.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace {
QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

}

QString TcpdumpCollector::script() const
{
    // tcpdump runs in the background so the shell can stop it with SIGINT
    // (a clean end of the pcap stream) when the duration is up.
    QString args = QStringLiteral("-i %1 -w - -U -s 0 -n").arg(shellQuote(m_options.interface));
    if (!m_options.filter.trimmed().isEmpty())
        args += QLatin1Char(' ') + shellQuote(m_options.filter);
    return QStringLiteral(
               "T=tcpdump\n"
               "PATH=\"$PATH:/usr/sbin:/sbin\"\n"
               "if ! command -v \"$T\" >/dev/null 2>&1; then echo 'casebook: tcpdump-missing' >&2; exit 127; fi\n"
               "\"$T\" %1 &\n"
               "pid=$!\n"
               "n=0\n"
               "while [ $n -lt %2 ] && kill -0 $pid 2>/dev/null; do sleep 1; n=$((n + 1)); done\n"
               "kill -INT $pid 2>/dev/null\n"
               "wait $pid\n")
        .arg(args, QString::number(m_options.durationSeconds)); // one pass: a '%1' in the filter stays text
}

CollectorResult TcpdumpCollector::collect(Transport &transport, CollectionContext &ctx, const CancelToken &cancel)
{
    CollectorResult result;
    SqliteDatabase &db = ctx.caseFile->db();
    CollectionStore collections(db);
    const QString command = script();
    const qint64 cid = beginCollection(collections, transport, ctx, QStringLiteral("pcap"), command,
                                         {{QStringLiteral("interface"), m_options.interface},
                                          {QStringLiteral("filter"), m_options.filter},
                                          {QStringLiteral("duration_s"), m_options.durationSeconds},
                                          {QStringLiteral("max_bytes"), m_options.maxBytes}});
    result.collectionIds.append(cid);
    auto fail = [&](const QString &message) {
        collections.finish(cid, CollectionRecord::Status::Failed, message);
        result.ok = false;
        result.error = message;
        return result;
    };

    try {
        PcapIngest::Options io;
        io.collectionId = cid;
        io.hostId = ctx.hostId;
        io.source = QStringLiteral("%1: tcpdump -i %2%3").arg(ctx.hostSpec, m_options.interface,
                                                            m_options.filter.isEmpty() ? QString() : QLatin1Char(' ') + m_options.filter);
        io.keepRaw = true;
        io.artifactName = QStringLiteral("tcpdump-%1.pcap").arg(m_options.interface);
        PcapIngest ingest(db, io);
        QByteArray stderrData;
        bool capped = false;
        CancelToken stop; // ours: user cancel or the size cap
        qint64 lastProgress = 0;
        OutputSink sink;
        sink.onStdout = [&](QByteArrayView data) {
            if (capped)
                return;
            qint64 room = m_options.maxBytes - ingest.bytes();
            if (data.size() >= room) {
                data = data.first(qMax<qint64>(0, room));
                capped = true;
                stop.cancel();
            }
            ingest.feed(data);
            if (ctx.progress && ingest.bytes() - lastProgress >= (1 << 20)) {
                lastProgress = ingest.bytes();
                ctx.progress(QStringLiteral("%1 packets, %2 KiB").arg(ingest.summarizer().overview().packets).arg(ingest.bytes() / 1024), -1);
            }
            if (cancel.isCancelled())
                stop.cancel();
        };
        sink.onStderr = [&](QByteArrayView data) {
            if (stderrData.size() < (256 << 10))
                stderrData.append(data.first(qMin<qsizetype>(data.size(), (256 << 10) - stderrData.size())));
            if (cancel.isCancelled())
                stop.cancel();
        };
        if (ctx.progress)
            ctx.progress(QStringLiteral("capturing on %1 for %2 s").arg(m_options.interface).arg(m_options.durationSeconds), -1);
        RunRequest run;
        run.command = command;
        run.timeoutMs = (m_options.durationSeconds + 30) * 1000;
        run.maxOutputBytes = m_options.maxBytes + (1 << 20);
        // The transport polls only the token it is given: a watcher passes
        // the user's cancel on to ours even while no output arrives.
        std::atomic_bool running{true};
        std::thread watcher([&] {
            while (running.load()) {
                if (cancel.isCancelled()) {
                    stop.cancel();
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        RunResult r;
        try {
            r = transport.run(run, &sink, stop);
        } catch (...) {
            running = false;
            watcher.join();
            throw;
        }
        running = false;
        watcher.join();
        {
            ArtifactSpec spec;
            spec.collectionId = cid;
            spec.hostId = ctx.hostId;
            spec.kind = QStringLiteral("stderr");
            spec.name = QStringLiteral("tcpdump.stderr");
            spec.mediaType = QStringLiteral("text/plain");
            ArtifactWriter err(db, spec);
            err.append(stderrData);
            err.finish(r.stderrTruncated);
        }
        const QString errText = QString::fromUtf8(stderrData).trimmed();
        if (!r.error.isEmpty())
            return fail(QStringLiteral("%1: %2").arg(ctx.hostSpec, r.error));
        if (cancel.isCancelled())
            return fail(QStringLiteral("cancelled"));
        if (r.exitCode == 127 || errText.contains(QLatin1String("casebook: tcpdump-missing")))
            return fail(QStringLiteral("tcpdump is not installed on %1 (install the tcpdump package there)").arg(ctx.hostSpec));
        const QString timedOutText = QStringLiteral("timed out after %1 s waiting for tcpdump on %2 to stop")
                                         .arg(run.timeoutMs / 1000).arg(ctx.hostSpec);
        if (ingest.bytes() == 0 && r.timedOut)
            return fail(timedOutText);
        if (ingest.bytes() == 0) {
            // tcpdump's own complaint: its first "tcpdump: ..." line.
            QString why = errText.section(QLatin1Char('\n'), 0, 0).left(500);
            for (const QString &line : errText.split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("tcpdump: ")) && !line.contains(QLatin1String("listening on"))) {
                    why = line.left(500);
                    break;
                }
            if (errText.contains(QLatin1String("ermission")) || errText.contains(QLatin1String("not permitted")))
                why = QStringLiteral("no permission to capture on %1: tcpdump needs root or CAP_NET_RAW (%2)").arg(m_options.interface, why);
            else if (errText.contains(QLatin1String("No such device")) || errText.contains(QLatin1String("doesn't exist")))
                why = QStringLiteral("no interface %1 (%2)").arg(m_options.interface, why);
            else if (errText.contains(QLatin1String("syntax error")) || errText.contains(QLatin1String("can't parse filter")))
                why = QStringLiteral("tcpdump rejected the filter: %1").arg(why);
            return fail(QStringLiteral("tcpdump on %1 captured nothing: %2").arg(ctx.hostSpec, why));
        }
        const bool timedOut = r.timedOut;
        const qint64 captureId = ingest.finish(capped || timedOut);
        const CaptureOverview &o = ingest.summarizer().overview();
        QStringList warnings = o.warnings;
        if (capped)
            warnings << QStringLiteral("capture stopped at the size cap of %1 bytes").arg(m_options.maxBytes);
        static const QRegularExpression dropped(QStringLiteral("(\\d+) packets? dropped by kernel"));
        const auto dm = dropped.match(errText);
        if (dm.hasMatch() && dm.captured(1).toLongLong() > 0)
            warnings << QStringLiteral("tcpdump reports %1 packets dropped by the kernel").arg(dm.captured(1));
        // Cut at the size cap or by the time limit: kept up to there, incomplete.
        QStringList notes;
        if (capped)
            notes << QStringLiteral("capture cut at %1 bytes (--max-bytes)").arg(m_options.maxBytes);
        if (timedOut)
            notes << timedOutText;
        collections.finish(cid, notes.isEmpty() ? CollectionRecord::Status::Complete : CollectionRecord::Status::Incomplete,
                           notes.join(QLatin1String("; ")));
        result.summary = QJsonObject{{QStringLiteral("kind"), QStringLiteral("tcpdump")},
                                     {QStringLiteral("collection_id"), cid},
                                     {QStringLiteral("capture_id"), captureId},
                                     {QStringLiteral("artifact_id"), ingest.artifactId()},
                                     {QStringLiteral("sha256"), ingest.artifactSha256()},
                                     {QStringLiteral("bytes"), ingest.bytes()},
                                     {QStringLiteral("packets"), qint64(o.packets)},
                                     {QStringLiteral("conversations"), qint64(ingest.summarizer().flows().size())},
                                     {QStringLiteral("rpc_calls"), qint64(ingest.summarizer().rpc().totalCalls())},
                                     {QStringLiteral("findings"), ingest.findings()},
                                     {QStringLiteral("capped"), capped},
                                     {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                                     {QStringLiteral("tcpdump_messages"), errText.left(2000)}};
        return result;
    } catch (const CaseError &e) {
        return fail(e.message());
    } catch (const TransportError &e) {
        return fail(e.message());
    }
}
