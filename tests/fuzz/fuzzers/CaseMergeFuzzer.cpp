// libFuzzer target: merging a hostile case (arbitrary bytes, seeded with small
// real cases) into a fresh one with CaseMerger: the source is validated and
// migrated on a copy, then every shared table is mapped and copied. Refusals
// must be CaseErrors, and a failed merge must leave the target a sound case.
#include "FuzzInput.h"
#include "FuzzScratch.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "sharing/CaseMerger.h"
#include "util/CaseError.h"

#include <QFile>
#include <cstdint>
#include <cstdlib>

namespace {
void removeCase(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

const QString &templateCase()
{
    static const QString path = [] {
        const QString p = FuzzScratch::instance().path(QStringLiteral("template.casebook"));
        removeCase(p);
        CaseFile::create(p, QStringLiteral("merge target"));
        return p;
    }();
    return path;
}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzScratch &scratch = FuzzScratch::instance();
    const QString target = scratch.path(QStringLiteral("target.casebook"));
    const QString source = scratch.path(QStringLiteral("source.casebook"));
    removeCase(target);
    removeCase(source);
    if (!QFile::copy(templateCase(), target))
        std::abort();
    scratch.write(QStringLiteral("source.casebook"), FuzzInput::view(data, size));
    auto cf = CaseFile::open(target, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
    try {
        CaseMerger(*cf).merge(source);
    } catch (const CaseError &) {
    }
    const CaseVerifier::Report report = CaseVerifier(cf->db()).verify();
    if (!report.integrityProblems.isEmpty() || !report.auditProblem.isEmpty())
        std::abort(); // the merge broke the target
    return 0;
}
