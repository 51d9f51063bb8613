#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseSummary.h"
#include "util/TimeUtil.h"

class EditCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("edit"); }
    QString summary() const override { return QStringLiteral("Edit case metadata (title, summary, severity, status, incident window)."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("title"), QStringLiteral("New title."), QStringLiteral("TITLE")});
        p.addOption({QStringLiteral("summary"), QStringLiteral("New summary."), QStringLiteral("TEXT")});
        p.addOption({QStringLiteral("severity"), QStringLiteral("unknown, sev1 ... sev5."), QStringLiteral("SEV")});
        p.addOption({QStringLiteral("status"), QStringLiteral("open, investigating, mitigated, resolved, closed."), QStringLiteral("STATUS")});
        p.addOption({QStringLiteral("start"), QStringLiteral("Incident start, ISO 8601 (UTC if no zone); empty clears."), QStringLiteral("TIME")});
        p.addOption({QStringLiteral("end"), QStringLiteral("Incident end, ISO 8601 (UTC if no zone); empty clears."), QStringLiteral("TIME")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")));
        CaseInfo info = cf->info();
        auto time = [&](const QString &opt, qint64 &field) {
            if (!p.isSet(opt))
                return;
            const QString v = p.value(opt);
            if (v.isEmpty()) {
                field = 0;
                return;
            }
            field = TimeUtil::parseIso(v);
            if (!field)
                throw UsageError(QStringLiteral("--%1: not an ISO 8601 time: %2").arg(opt, v));
        };
        if (p.isSet(QStringLiteral("title")))
            info.title = p.value(QStringLiteral("title"));
        if (p.isSet(QStringLiteral("summary")))
            info.summary = p.value(QStringLiteral("summary"));
        if (p.isSet(QStringLiteral("severity")))
            info.severity = p.value(QStringLiteral("severity"));
        if (p.isSet(QStringLiteral("status")))
            info.status = p.value(QStringLiteral("status"));
        time(QStringLiteral("start"), info.incidentStartUs);
        time(QStringLiteral("end"), info.incidentEndUs);
        cf->updateInfo(info);
        if (ctx.json())
            ctx.printJson(CaseSummary::of(*cf).toJson());
        else
            ctx.out() << "updated " << CliContext::safe(cf->path()) << '\n';
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(EditCommand)
