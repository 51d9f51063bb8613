#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"

#include <QJsonObject>

class VerifyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString summary() const override
    {
        return QStringLiteral("Check the file's integrity, every artifact against the hashes the audit log recorded, "
                              "and the audit chain; print the chain's head.");
    }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("expect-head"),
                     QStringLiteral("Fail unless the audit chain still extends this head, as an earlier verify printed it "
                                    "(N:HASH; HASH may be shortened to 16 or more hex digits)."),
                     QStringLiteral("N:HASH")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        std::optional<AuditHead> expect;
        if (p.isSet(QStringLiteral("expect-head"))) {
            expect = AuditHead::parse(p.value(QStringLiteral("expect-head")));
            if (!expect)
                throw UsageError(QStringLiteral("--expect-head takes N:HASH (entries, then at least 16 hex digits of the head hash)"));
        }
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        const CaseVerifier::Report r = CaseVerifier(cf->db()).verify(expect);
        if (ctx.json()) {
            ctx.printJson(r.toJson());
            return r.ok() ? ExitOk : ExitFailure;
        }
        QTextStream &o = ctx.out();
        o << "integrity: " << (r.integrityProblems.isEmpty() ? QStringLiteral("ok") : r.integrityProblems.join(QStringLiteral("; "))) << '\n';
        for (const auto &a : r.artifacts) {
            if (a.result == ArtifactCheck::Result::Mismatch)
                o << "MISMATCH " << CliContext::safe(a.describe()) << '\n';
            else if (a.result == ArtifactCheck::Result::Missing)
                o << "MISSING " << CliContext::safe(a.describe()) << '\n';
        }
        o << "artifacts: " << r.artifacts.size() - r.missing() << " checked, " << r.mismatches() << " mismatched, "
          << r.missing() << " missing, " << r.count(ArtifactCheck::Result::Incomplete) << " incomplete\n";
        if (const qsizetype n = r.unrecorded().size())
            o << "note: " << n << " artifact(s) have no hash in the audit log and were checked against "
              << "their artifacts rows only: " << r.unrecordedList() << '\n';
        for (const auto &problem : r.auditProblems)
            o << "BROKEN " << problem.message << '\n';
        for (const QString &problem : r.triggerProblems)
            o << "BROKEN " << problem << '\n';
        o << CliContext::safe(r.headLine()) << '\n';
        if (!r.headProblem.isEmpty())
            o << "HEAD " << CliContext::safe(r.headProblem) << '\n';
        if (r.auditProblems.isEmpty() && r.triggerProblems.isEmpty())
            o << "audit chain intact; note its head elsewhere to check later that the chain still extends it: "
              << "casectl verify CASE --expect-head " << CliContext::safe(r.head.toString()) << '\n';
        else
            o << "audit chain BROKEN\n";
        o << (r.ok() ? "verified\n" : "VERIFICATION FAILED\n");
        return r.ok() ? ExitOk : ExitFailure;
    }
};

CASECTL_REGISTER_COMMAND(VerifyCommand)
