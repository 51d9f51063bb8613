// strace_bench: generates (once, cached in the bench directory) two combined
// strace logs by replicating real `strace -f -tt -T -yy` output made here,
// 8 MB by default, 520 MB with CASEBOOK_BENCH_SCALE=full: a shell loop (about
// one line per call), and a busy multi-threaded workload (parallel sort
// threads, pipelines, xargs -P, background jobs) rich in unfinished/resumed
// pairs (its share is printed), then times through BenchRunner, on each:
//   - the whole `casectl import CASE LOG --json` (raw log stored verbatim,
//     SHA-256, parsed rows, analysis) against the sqlite3 shell's
//     `.import --csv` of the very same rows (written once, outside the timing,
//     from a reference import) into the same table with the same indexes;
//     agree: rows in strace_calls;
//   - `casectl strace CASE --grep P --json` against `grep -F P LOG`;
//     agree: matching calls / lines.
// Issue 16's targets are in the work column: ingest ratio <= 0.5 with RSS
// < 100 MB, search ratio <= 2.
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

const QString kShellLoop = QStringLiteral(
    "for i in $(seq 200); do ls -la /usr/lib >/dev/null; cat /etc/services /etc/passwd >/dev/null; sh -c 'true & wait'; done");
const QString kThreads = QStringLiteral(
    "for i in $(seq 40); do seq 3000 | sort --parallel=2 -S 1M | uniq -c | tail -1 >/dev/null; ls -la /usr/lib >/dev/null; "
    "cat /etc/services /etc/passwd | grep -c tcp >/dev/null & printf '%s\\n' /etc/passwd /etc/group /etc/hostname | "
    "xargs -P3 -n1 cat >/dev/null; wait; done");

bool generate(const QString &log, const QString &workload, qint64 bytes)
{
    const QString base = log + QStringLiteral(".base");
    bool ok = false;
    BenchRunner::capture({QStringLiteral("strace"), QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T"), QStringLiteral("-yy"),
                          QStringLiteral("-o"), base, QStringLiteral("sh"), QStringLiteral("-c"), workload},
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
    QFile::remove(base);
    return out.rename(log);
}

// Share of lines that are half of an unfinished/resumed pair.
QString splitShare(const QString &log)
{
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    qint64 lines = 0, split = 0;
    while (!f.atEnd() && lines < 200000) {
        const QByteArray l = f.readLine();
        ++lines;
        split += l.contains("<unfinished ...>") || l.contains(" resumed>") ? 1 : 0;
    }
    return QStringLiteral("%1 % unfinished/resumed lines").arg(lines ? split * 100 / lines : 0);
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
    const QString casectl = BenchRunner::casectl();

    // --grep is compared on the shell loop only: there a matching call is one
    // line, so grep's line count is the agreement check.
    auto runOn = [&](const QString &kind, const QString &workload, bool search) {
        const QString log = dir + QStringLiteral("/strace-%1-%2MB.log").arg(kind).arg(mb);
        if (QFileInfo(log).size() < mb * 1000000 && !generate(log, workload, mb * 1000000)) {
            bench.fail(ingestWork, QStringLiteral("cannot generate the %1 strace log").arg(kind));
            return;
        }
        const QString size = QStringLiteral(", %1 log, %2 MB, %3").arg(kind).arg(QFileInfo(log).size() / 1000000).arg(splitShare(log));

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
            return;
        }

        const QString caseFile = dir + QStringLiteral("/strace.casebook");
        const QString db = dir + QStringLiteral("/strace-import.db");
        BenchComparison ingest{ingestWork + size + QStringLiteral(" [target: ratio <= 0.5, RSS < 100 MB]"), {}, {}};
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

        if (!search)
            return;
        BenchComparison grep{grepWork + size + QStringLiteral(", \"%1\" [target: ratio <= 2]").arg(kPattern), {}, {}};
        grep.ours.spec.argv = {casectl, QStringLiteral("strace"), ref, QStringLiteral("--grep"), kPattern, QStringLiteral("--limit"),
                               QStringLiteral("2000000000"), QStringLiteral("--json")};
        grep.ours.result = [](const QByteArray &json) {
            return QStringLiteral("%1 matches").arg(QJsonDocument::fromJson(json).array().size());
        };
        grep.peer.spec.argv = {QStringLiteral("grep"), QStringLiteral("-F"), kPattern, log};
        grep.peer.result = [](const QByteArray &text) { return QStringLiteral("%1 matches").arg(text.count('\n')); };
        bench.compare(grep);
    };
    runOn(QStringLiteral("shell-loop"), kShellLoop, true);
    runOn(QStringLiteral("threads"), kThreads, false);
    for (const QString &f : {QStringLiteral("/strace.casebook"), QStringLiteral("/strace-ref.casebook"), QStringLiteral("/strace-import.db")})
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(dir + f + suffix);
    QFile::remove(dir + QStringLiteral("/strace-rows.csv"));
    return bench.finish();
}
