// strace_bench CASE LOG: imports one strace log into a new case with the
// StraceImporter (what `casectl import` does) and prints the time, MB/s,
// calls/s and the peak memory (VmHWM). Driven by strace_bench.sh, which
// compares it with sqlite3's .import of the same rows.
#include "casefile/CaseFile.h"
#include "strace/StraceImporter.h"
#include "util/CaseError.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace {

qint64 vmHwmKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        QTextStream(stderr) << "usage: strace_bench CASE LOG\n";
        return 2;
    }
    try {
        QFile::remove(args.at(1));
        ImportResult r;
        QElapsedTimer timer;
        double secs = 0;
        {
            auto cf = CaseFile::create(args.at(1), QStringLiteral("strace benchmark"));
            StraceImporter importer;
            ImportRequest req;
            req.caseFile = cf.get();
            req.paths = {args.at(2)};
            timer.start();
            r = importer.import(req, CancelToken());
        } // closing checkpoints the WAL into the file: part of the cost
        secs = double(timer.nsecsElapsed()) / 1e9;
        if (!r.ok) {
            QTextStream(stderr) << "import failed: " << r.error << '\n';
            return 1;
        }
        const qint64 bytes = QFileInfo(args.at(2)).size();
        const qint64 calls = qint64(r.summary.value(QStringLiteral("calls")).toDouble());
        const qint64 hwm = vmHwmKb();
        out << QStringLiteral("casebook import: %1 s for %2 MB, %3 MB/s, %4 calls, %5 calls/s, peak memory %6 MB\n")
                   .arg(secs, 0, 'f', 2).arg(double(bytes) / 1e6, 0, 'f', 1).arg(double(bytes) / 1e6 / secs, 0, 'f', 1)
                   .arg(calls).arg(qint64(double(calls) / secs)).arg(double(hwm) / 1024.0, 0, 'f', 1);
        out << QStringLiteral("  (parse + store %1 s, analysis %2 s, the rest closing the case)\n")
                   .arg(r.summary.value(QStringLiteral("ingest_ms")).toDouble() / 1000, 0, 'f', 2)
                   .arg(r.summary.value(QStringLiteral("analysis_ms")).toDouble() / 1000, 0, 'f', 2);
        out << QStringLiteral("RESULT seconds=%1 ingest=%5 bytes=%2 calls=%3 vmhwm_kb=%4\n").arg(secs, 0, 'f', 3).arg(bytes).arg(calls).arg(hwm)
                   .arg(r.summary.value(QStringLiteral("ingest_ms")).toDouble() / 1000, 0, 'f', 3);
    } catch (const CaseError &e) {
        QTextStream(stderr) << "error: " << e.message() << '\n';
        return 1;
    }
    return 0;
}
