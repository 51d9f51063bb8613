// libFuzzer target: opening arbitrary bytes as a case file. CaseFile::open
// validates (SQLite header, application_id, schema version, integrity check),
// migrates older schemas and recovers interrupted collections; then the case
// is read as `casectl info` and `casectl verify` read it. Every refusal must be
// a CaseError; anything else (a crash, another exception, a hang) is a bug.
// Seeds: small real cases (tests/data/fuzz/case, see make-case-seeds.sh).
#include "FuzzInput.h"
#include "FuzzScratch.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseSummary.h"
#include "casefile/CaseVerifier.h"
#include "casefile/NoteStore.h"
#include "util/CaseError.h"

#include <cstdint>

namespace {
void readCase(CaseFile &cf)
{
    cf.info();
    CaseSummary::of(cf);
    NoteStore(cf.db()).all();
    CaseVerifier(cf.db()).verify();
}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzScratch &scratch = FuzzScratch::instance();
    scratch.removeCase(QStringLiteral("open.casebook"));
    const QString path = scratch.write(QStringLiteral("open.casebook"), FuzzInput::view(data, size));
    for (CaseFile::Access access : {CaseFile::Access::ReadOnly, CaseFile::Access::ReadWrite}) {
        try {
            auto cf = CaseFile::open(path, access, CaseFileValidator::Integrity::Always);
            readCase(*cf);
        } catch (const CaseError &) {
        }
    }
    return 0;
}
