// libFuzzer target: the strace importer on `strace -ff` output, with its time
// handling. The first line is the --tz value (zone name or offset), the second
// the --date value (YYYY-MM-DD); the rest holds the trace files, each begun
// by a line "==> NAME <==" (as head(1) prints several files; NAME such as
// trace.1234), or is one file. They are written into a directory (modified at
// a fixed time, the reference for -t/-tt dates), expanded as the importer
// expands paths (directory, then the files given one by one) and imported
// into a fresh case: parsing, -ff pids, clock, tables, analysis.
#include "FuzzInput.h"
#include "FuzzScratch.h"
#include "casefile/CaseFile.h"
#include "strace/StraceImporter.h"
#include "strace/StraceInputFiles.h"
#include "util/CaseError.h"

#include <QFile>
#include <QTimeZone>
#include <cstdint>
#include <cstdlib>

namespace {
// A plain file name from the marker line: [A-Za-z0-9._-], at most 40 characters.
QString fileName(QByteArrayView marker, int index)
{
    QString name;
    for (char c : marker)
        if (name.size() < 40 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            name += QLatin1Char(c);
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name = QStringLiteral("trace.%1").arg(index);
    return name;
}

void writeFile(const QString &path, QByteArrayView bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes.data(), bytes.size()) != bytes.size())
        std::abort();
    f.setFileTime(QDateTime(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::UTC), QFileDevice::FileModificationTime);
}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView rest = FuzzInput::view(data, size);
    const QString zone = QString::fromUtf8(FuzzInput::takeLine(rest));
    const QDate date = QDate::fromString(QString::fromUtf8(FuzzInput::takeLine(rest)), Qt::ISODate);

    const FuzzScratch &scratch = FuzzScratch::instance();
    const QString dir = scratch.freshDir(QStringLiteral("ff"));
    QStringList loose;
    const QList<QByteArrayView> chunks = FuzzInput::split(rest, "==> ");
    for (qsizetype i = 0; i < chunks.size() && loose.size() < 32; ++i) {
        QByteArrayView chunk = chunks.at(i);
        QString name = QStringLiteral("trace");
        if (i > 0) { // "NAME <==\n" then the file
            const QByteArrayView marker = FuzzInput::takeLine(chunk);
            name = fileName(marker.endsWith(" <==") ? marker.chopped(4) : marker, int(i));
        } else if (chunk.isEmpty() && chunks.size() > 1) {
            continue;
        }
        const QString path = dir + QLatin1Char('/') + name;
        if (!loose.contains(path))
            loose.append(path);
        writeFile(path, chunk);
    }
    StraceInputFiles::expand(loose);

    auto cf = CaseFile::open(scratch.freshCase(QStringLiteral("import.casebook")), CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
    ImportRequest req;
    req.caseFile = cf.get();
    req.paths = {dir};
    req.timeZone = zone;
    req.startDate = date;
    try {
        StraceImporter().import(req, {});
    } catch (const CaseError &) {
    }
    return 0;
}
