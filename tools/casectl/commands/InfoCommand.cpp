#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseSummary.h"
#include "util/TimeUtil.h"

class InfoCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override { return QStringLiteral("Show a case's metadata and contents at a glance."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        const CaseSummary s = CaseSummary::of(*cf);
        if (ctx.json()) {
            ctx.printJson(s.toJson());
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        auto orNone = [](const QString &v) { return v.isEmpty() ? QStringLiteral("-") : v; };
        o << "Case:        " << CliContext::safe(s.info.title) << '\n'
          << "UUID:        " << s.info.uuid << '\n'
          << "File:        " << CliContext::safe(s.path) << " (schema " << s.schemaVersion << ")\n"
          << "Severity:    " << s.info.severity << "    Status: " << s.info.status << '\n'
          << "Incident:    " << orNone(TimeUtil::isoUtc(s.info.incidentStartUs)) << " .. "
          << orNone(TimeUtil::isoUtc(s.info.incidentEndUs)) << '\n'
          << "Created:     " << TimeUtil::isoUtc(s.info.createdUs) << " by " << CliContext::safe(s.info.createdBy) << '\n';
        if (!s.info.summary.isEmpty())
            o << "Summary:     " << CliContext::safe(s.info.summary) << '\n';
        o << "Hosts:       " << s.hosts << '\n'
          << "Collections: " << s.collectionsByStatus.value(QStringLiteral("complete")) << " complete, "
          << s.collectionsByStatus.value(QStringLiteral("partial")) << " partial, "
          << s.collectionsByStatus.value(QStringLiteral("incomplete")) << " incomplete, "
          << s.collectionsByStatus.value(QStringLiteral("failed")) << " failed, "
          << s.collectionsByStatus.value(QStringLiteral("running")) << " running\n"
          << "Artifacts:   " << s.artifacts << " (" << s.artifactBytes << " bytes)\n"
          << "Findings:    " << s.findings << '\n'
          << "Events:      " << s.events << '\n'
          << "Notes:       " << s.notes << '\n'
          << "Audit log:   " << s.auditEntries << " entries\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(InfoCommand)
