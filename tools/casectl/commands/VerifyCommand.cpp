#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"

#include <QJsonArray>
#include <QJsonObject>

class VerifyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString summary() const override
    {
        return QStringLiteral("Check the file's integrity, re-hash every artifact and check the audit chain.");
    }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly,
                                 CaseFileValidator::Integrity::Never);
        const CaseVerifier::Report r = CaseVerifier(cf->db()).verify();
        auto resultName = [](CaseVerifier::ArtifactCheck::Result res) {
            switch (res) {
            case CaseVerifier::ArtifactCheck::Result::Ok: return QStringLiteral("ok");
            case CaseVerifier::ArtifactCheck::Result::Mismatch: return QStringLiteral("mismatch");
            case CaseVerifier::ArtifactCheck::Result::Incomplete: return QStringLiteral("incomplete");
            }
            return QString();
        };
        if (ctx.json()) {
            QJsonArray arts;
            for (const auto &a : r.artifacts)
                arts.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name},
                                        {QStringLiteral("result"), resultName(a.result)},
                                        {QStringLiteral("expected_sha256"), a.expected},
                                        {QStringLiteral("actual_sha256"), a.actual},
                                        {QStringLiteral("expected_size"), a.expectedSize},
                                        {QStringLiteral("actual_size"), a.actualSize}});
            ctx.printJson(QJsonObject{{QStringLiteral("ok"), r.ok()},
                                      {QStringLiteral("integrity"), QJsonArray::fromStringList(r.integrityProblems)},
                                      {QStringLiteral("mismatches"), r.mismatches()},
                                      {QStringLiteral("audit_chain"), r.auditProblem.isEmpty() ? QStringLiteral("ok") : r.auditProblem},
                                      {QStringLiteral("artifacts"), arts}});
        } else {
            QTextStream &o = ctx.out();
            o << "integrity: " << (r.integrityProblems.isEmpty() ? QStringLiteral("ok") : r.integrityProblems.join(QStringLiteral("; "))) << '\n';
            int incomplete = 0;
            for (const auto &a : r.artifacts) {
                if (a.result == CaseVerifier::ArtifactCheck::Result::Mismatch)
                    o << "MISMATCH artifact " << a.id << " " << CliContext::safe(a.name) << ": expected " << a.expected
                      << " (" << a.expectedSize << " bytes), found " << a.actual << " (" << a.actualSize << " bytes)\n";
                incomplete += a.result == CaseVerifier::ArtifactCheck::Result::Incomplete;
            }
            o << "artifacts: " << r.artifacts.size() << " checked, " << r.mismatches() << " mismatched, " << incomplete
              << " incomplete\n";
            o << "audit chain: " << (r.auditProblem.isEmpty() ? QStringLiteral("ok") : r.auditProblem) << '\n';
            o << (r.ok() ? "verified\n" : "VERIFICATION FAILED\n");
        }
        return r.ok() ? ExitOk : ExitFailure;
    }
};

CASECTL_REGISTER_COMMAND(VerifyCommand)
