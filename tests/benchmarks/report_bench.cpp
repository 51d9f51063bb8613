// report_bench: builds (untimed) a case holding 64 MB (issue 16's size, at
// every scale; or argv[1] KB) of kernel-log text full of a host
// name, a user and addresses (seed 004's lockd lines), and the same text as a
// file, then times through BenchRunner the whole
// `casectl export CASE OUT --redact --redact-term alice` (copy, redaction of
// every table and artifact, re-hash, VACUUM, raw-byte check) against `sed -E`
// doing the same three replacements on the text file (what a responder does
// by hand). Agree: lines of the redacted text, and identities left in it.
// Run by tests/benchmarks/run, never by ctest.
#include "BenchRunner.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The redacted text's lines and how many identities are left in it.
QString redactedSummary(const QByteArray &text)
{
    const qint64 left = text.count("web-node-12") + text.count("alice") + text.count("10.1.84.");
    return QStringLiteral("%1 lines, %2 identities left").arg(text.count('\n')).arg(left);
}

void writeCase(const QString &casePath, const QString &textPath, qint64 kb)
{
    auto cf = CaseFile::create(casePath, QStringLiteral("redaction benchmark"));
    const qint64 host = HostStore(cf->db()).ensure(QStringLiteral("web-node-12"));
    const qint64 c = CollectionStore(cf->db()).begin(host, QStringLiteral("kernel-log"), QStringLiteral("dmesg"));
    ArtifactWriter w(cf->db(), {c, host, QStringLiteral("kernel-log"), QStringLiteral("dmesg"), {}, QStringLiteral("text/plain")});
    QByteArray text;
    for (qint64 i = 0; text.size() < kb << 10; ++i) {
        text += "[" + QByteArray::number(927063 + i) + ".519245] lockd: server 10.1.84." + QByteArray::number(i % 250 + 1)
            + " not responding, still trying (web-node-12, uid alice)\n";
        if (i % 4 == 0)
            text += "[" + QByteArray::number(927063 + i) + ".600000] php-fpm[14437]: flock(11, LOCK_EX) blocked in flock_lock_inode_wait\n";
    }
    w.append(text);
    w.finish();
    CollectionStore(cf->db()).finish(c, CollectionRecord::Status::Complete);
    QFile out(textPath);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(text);
}

}

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    BenchRunner bench(QStringLiteral("report_bench"));
    const qint64 kb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 64 << 10; // the 64 MB at every scale
    const QString dir = BenchRunner::workDir();
    const QString casePath = dir + QStringLiteral("/report.casebook");
    const QString textPath = dir + QStringLiteral("/report-dmesg.txt");
    const QString shared = dir + QStringLiteral("/report-shared.casebook");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(casePath + suffix);
    writeCase(casePath, textPath, kb); // closed again before any child opens it
    const QString casectl = BenchRunner::casectl();

    BenchComparison c{QStringLiteral("redacted export, %1 KB of kernel log: `casectl export --redact` vs `sed -E` (3 rules)").arg(kb), {}, {}};
    c.ours.spec.argv = {casectl, QStringLiteral("export"), casePath, shared, QStringLiteral("--redact"), QStringLiteral("--redact-term"),
                        QStringLiteral("alice"), QStringLiteral("--force"), QStringLiteral("--json")};
    c.ours.result = [&](const QByteArray &) {
        const QJsonDocument doc = QJsonDocument::fromJson(BenchRunner::capture({casectl, QStringLiteral("artifacts"), shared, QStringLiteral("--json")}));
        const QJsonArray list = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("artifacts")).toArray();
        for (const QJsonValue &v : list)
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("kernel-log"))
                return redactedSummary(BenchRunner::capture({casectl, QStringLiteral("artifacts"), shared, QStringLiteral("--extract"),
                                                             QString::number(v.toObject().value(QStringLiteral("id")).toInteger()),
                                                             QStringLiteral("-o"), QStringLiteral("-")}));
        return QStringLiteral("no kernel-log artifact in the export");
    };
    c.peer.spec = {{QStringLiteral("sed"), QStringLiteral("-E"), QStringLiteral("-e"), QStringLiteral("s/web-node-12/host-1/g"), QStringLiteral("-e"),
                    QStringLiteral("s/\\balice\\b/user-1/g"), QStringLiteral("-e"), QStringLiteral("s/\\b10\\.1\\.84\\.([0-9]+)\\b/192.0.2.\\1/g")},
                   textPath, {}, {}, {}};
    c.peer.result = redactedSummary;
    bench.compare(c);

    if (qEnvironmentVariableIsSet("CASEBOOK_BENCH_KEEP")) // for profiling: the case stays in the bench directory
        return bench.finish();
    for (const QString &f : {casePath, shared})
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(f + suffix);
    QFile::remove(textPath);
    return bench.finish();
}
