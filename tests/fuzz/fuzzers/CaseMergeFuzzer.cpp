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

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzScratch &scratch = FuzzScratch::instance();
    const QString target = scratch.freshCase(QStringLiteral("target.casebook"));
    scratch.removeCase(QStringLiteral("source.casebook"));
    const QString source = scratch.write(QStringLiteral("source.casebook"), FuzzInput::view(data, size));
    auto cf = CaseFile::open(target, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
    try {
        CaseMerger(*cf).merge(source);
    } catch (const CaseError &) {
    }
    const VerifyReport report = CaseVerifier(cf->db()).verify();
    if (!report.integrityProblems.isEmpty() || !report.auditProblems.isEmpty() || !report.triggerProblems.isEmpty())
        std::abort(); // the merge broke the target
    return 0;
}
