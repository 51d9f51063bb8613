// report_bench [MB]: builds a case with MB megabytes of kernel-log text full of
// host names and addresses (seed 004's lockd lines), then times
//   - sed -E replacing the same host name, user and address literals in the
//     same bytes (the peer: what a responder does by hand, without the
//     address rules, the SQL tables, re-hashing or the zero-hit check), and
//   - Casebook's redacted export of the whole case (copy, redaction of every
//     table and artifact, re-hash, VACUUM, raw-byte check),
// printing both times and the ratio; then the time to draft the report.
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "report/ReportExporter.h"
#include "sharing/CaseExporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int mb = argc > 1 ? QByteArray(argv[1]).toInt() : 64;
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("bench.casebook"));
    const QString textPath = dir.filePath(QStringLiteral("dmesg.txt"));
    QByteArray text;
    {
        auto cf = CaseFile::create(casePath, QStringLiteral("redaction benchmark"));
        const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("web-node-12"));
        const qint64 c = CollectionStore(cf->db()).begin(host, QStringLiteral("kernel-log"), QStringLiteral("dmesg"));
        ArtifactWriter w(cf->db(), {c, host, QStringLiteral("kernel-log"), QStringLiteral("dmesg"), {}, QStringLiteral("text/plain")});
        QFile out(textPath);
        out.open(QIODevice::WriteOnly);
        for (qint64 i = 0; text.size() < qint64(mb) << 20; ++i) {
            text += "[" + QByteArray::number(927063 + i) + ".519245] lockd: server 10.1.84." + QByteArray::number(i % 250 + 1)
                + " not responding, still trying (web-node-12, uid alice)\n";
            if (i % 4 == 0)
                text += "[" + QByteArray::number(927063 + i) + ".600000] php-fpm[14437]: flock(11, LOCK_EX) blocked in flock_lock_inode_wait\n";
        }
        w.append(text);
        w.finish();
        out.write(text);
        CollectionStore(cf->db()).finish(c, CollectionRecord::Status::Complete);
    }

    // Peer: sed with the literal replacements (one address per line form).
    QElapsedTimer t;
    t.start();
    QProcess sed;
    sed.setStandardInputFile(textPath);
    sed.setStandardOutputFile(dir.filePath(QStringLiteral("sed.out")));
    sed.start(QStringLiteral("sed"), {QStringLiteral("-E"), QStringLiteral("-e"), QStringLiteral("s/web-node-12/host-1/g"), QStringLiteral("-e"),
                                      QStringLiteral("s/\\balice\\b/user-1/g"), QStringLiteral("-e"),
                                      QStringLiteral("s/\\b10\\.1\\.84\\.([0-9]+)\\b/192.0.2.\\1/g")});
    sed.waitForFinished(-1);
    const double sedS = double(t.nsecsElapsed()) / 1e9;

    t.restart();
    auto cf = CaseFile::open(casePath);
    CaseExporter::Options o;
    o.redact = true;
    const CaseExporter::Result r = CaseExporter(*cf).exportTo(dir.filePath(QStringLiteral("shared.casebook")), o);
    const double oursS = double(t.nsecsElapsed()) / 1e9;

    t.restart();
    const QByteArray md = ReportExporter::render(cf->db(), QStringLiteral("md"), QStringLiteral("en"));
    const double reportS = double(t.nsecsElapsed()) / 1e9;

    std::printf("report_bench: %d MB of kernel-log text, %lld replacements\n", mb, static_cast<long long>(r.replacements));
    std::printf("  sed -E (3 literal rules, text file only): %8.2f s\n", sedS);
    std::printf("  casebook redacted export (whole case):    %8.2f s   ratio %.2fx\n", oursS, sedS > 0 ? oursS / sedS : 0.0);
    std::printf("  report draft (md, %lld bytes):             %8.3f s\n", static_cast<long long>(md.size()), reportS);
    return sed.exitCode() == 0 ? 0 : 1;
}
