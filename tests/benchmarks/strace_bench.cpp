// strace_bench: generates (once, cached in the bench directory) a combined
// strace log by replicating real `strace -f -tt -T -yy` output made here,
// 8 MB by default, 520 MB with CASEBOOK_BENCH_SCALE=full, then times through
// BenchRunner:
//   - the whole `casectl import CASE LOG --json` (raw log stored verbatim,
//     SHA-256, parsed rows, analysis) against the sqlite3 shell's
//     `.import --csv` of the very same rows (written once, outside the timing,
//     from a reference import) into the same table with the same indexes;
//     agree: rows in strace_calls;
//   - `casectl strace CASE --grep P --json` against `grep -F P LOG`;
//     agree: matching calls / lines.
// Run by tests/benchmarks/run, never by ctest.
#include "BenchRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace {

const QString kPattern = QStringLiteral("/etc/services");

bool generate(const QString &log, qint64 bytes)
{
    const QString base = BenchRunner::workDir() + QStringLiteral("/strace-base.log");
    bool ok = false;
    BenchRunner::capture({QStringLiteral("strace"), QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"),
                          QStringLiteral("-o"), base, QStringLiteral("sh"), QStringLiteral("-c"),
                          QStringLiteral("for i in $(seq 200); do ls -la /usr/lib >/dev/null; cat /etc/services /etc/passwd >/dev/null; "
                                         "sh -c 'true & wait'; done")},
                         &ok);
    QFile in(base);
    QFile out(log + QStringLiteral(".tmp"));
    if (!ok || !in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray text = in.readAll();
    while (out.size() < bytes && !text.isEmpty())
        out.write(text);
    out.close();
    QFile::remove(log);
    return out.rename(log);
}

QString rows(const QString &db)
{
    return QStringLiteral("%1 rows").arg(QString::fromUtf8(BenchRunner::capture({QStringLiteral("sqlite3"), db,
                                                                                 QStringLiteral("SELECT count(*) FROM strace_calls")}).trimmed()));
}

void freshCase(const QString &casectl, const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    BenchRunner::capture({casectl, QStringLiteral("new"), path, QStringLiteral("--title"), QStringLiteral("strace bench")});
}

}

int main(int argc, char **argv)
{
    ChildLauncher launcher; // first: forks the small process that runs the children
    QCoreApplication app(argc, argv);
    BenchRunner bench(QStringLiteral("strace_bench"));
    const QString ingestWork = QStringLiteral("strace ingest: `casectl import` vs `sqlite3 .import` of the same rows");
    const QString grepWork = QStringLiteral("strace search: `casectl strace --grep` vs `grep -F` on the log");
    for (const char *tool : {"strace", "sqlite3", "grep"}) {
        if (!BenchRunner::have(QLatin1String(tool))) {
            bench.fail(ingestWork, QLatin1String(tool) + QStringLiteral(" not installed"));
            return bench.finish();
        }
    }
    const QString dir = BenchRunner::workDir();
    const qint64 mb = BenchRunner::fullScale() ? 520 : 8;
    const QString log = dir + QStringLiteral("/strace-%1MB.log").arg(mb);
    if (QFileInfo(log).size() < mb * 1000000 && !generate(log, mb * 1000000)) {
        bench.fail(ingestWork, QStringLiteral("cannot generate the strace log"));
        return bench.finish();
    }
    const QString casectl = BenchRunner::casectl();
    const QString size = QStringLiteral(", %1 MB").arg(QFileInfo(log).size() / 1000000);

    // Reference import (untimed): the rows for the peer, the case for --grep.
    const QString ref = dir + QStringLiteral("/strace-ref.casebook");
    freshCase(casectl, ref);
    bool ok = false;
    BenchRunner::capture({casectl, QStringLiteral("import"), ref, log}, &ok);
    const QString csv = dir + QStringLiteral("/strace-rows.csv");
    const ChildRun dumped = ChildLauncher::instance()->run(
        {{QStringLiteral("sqlite3"), QStringLiteral("-csv"), ref, QStringLiteral("SELECT * FROM strace_calls")}, {}, csv, {}, {}});
    // Same table and indexes (not STRICT only because .import writes '' for NULL).
    QString schema = QString::fromUtf8(BenchRunner::capture({QStringLiteral("sqlite3"), ref, QStringLiteral(".schema strace_calls")}));
    schema.replace(QStringLiteral(") STRICT;"), QStringLiteral(");"));
    if (!ok || dumped.exitCode != 0 || schema.isEmpty()) {
        bench.fail(ingestWork, QStringLiteral("reference import or row dump failed"));
        return bench.finish();
    }

    const QString caseFile = dir + QStringLiteral("/strace.casebook");
    const QString db = dir + QStringLiteral("/strace-import.db");
    BenchComparison ingest{ingestWork + size, {}, {}};
    ingest.ours.spec.argv = {casectl, QStringLiteral("import"), caseFile, log, QStringLiteral("--json")};
    ingest.ours.before = [&] {
        freshCase(casectl, caseFile);
        BenchRunner::capture({QStringLiteral("cat"), log});
    };
    ingest.ours.result = [&](const QByteArray &) { return rows(caseFile); };
    ingest.peer.spec.argv = {QStringLiteral("sqlite3"), db, QStringLiteral("-cmd"), QStringLiteral("PRAGMA synchronous=NORMAL"),
                             QStringLiteral(".import --csv %1 strace_calls").arg(csv)};
    ingest.peer.before = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(db + suffix);
        BenchRunner::capture({QStringLiteral("sqlite3"), db, QStringLiteral("PRAGMA journal_mode=WAL;") + schema});
        BenchRunner::capture({QStringLiteral("cat"), csv});
    };
    ingest.peer.result = [&](const QByteArray &) { return rows(db); };
    bench.compare(ingest);

    BenchComparison grep{grepWork + size + QStringLiteral(", \"%1\"").arg(kPattern), {}, {}};
    grep.ours.spec.argv = {casectl, QStringLiteral("strace"), ref, QStringLiteral("--grep"), kPattern, QStringLiteral("--limit"),
                           QStringLiteral("2000000000"), QStringLiteral("--json")};
    grep.ours.result = [](const QByteArray &json) {
        return QStringLiteral("%1 matches").arg(QJsonDocument::fromJson(json).array().size());
    };
    grep.peer.spec.argv = {QStringLiteral("grep"), QStringLiteral("-F"), kPattern, log};
    grep.peer.result = [](const QByteArray &text) { return QStringLiteral("%1 matches").arg(text.count('\n')); };
    bench.compare(grep);

    for (const QString &f : {caseFile, ref, db})
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(f + suffix);
    QFile::remove(csv);
    return bench.finish();
}
