#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "util/TimeUtil.h"

#include <QJsonObject>

class NewCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("new"); }
    QString summary() const override { return QStringLiteral("Create a new case file."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Path of the case file to create (*.casebook)."));
        p.addOption({QStringLiteral("title"), QStringLiteral("Case title (required)."), QStringLiteral("TITLE")});
        p.addOption({QStringLiteral("summary"), QStringLiteral("One-paragraph summary."), QStringLiteral("TEXT")});
        p.addOption({QStringLiteral("severity"), QStringLiteral("unknown, sev1 ... sev5."), QStringLiteral("SEV")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        if (!p.isSet(QStringLiteral("title")))
            throw UsageError(QStringLiteral("--title is required"));
        if (p.isSet(QStringLiteral("severity")) && !CaseInfo::severities().contains(p.value(QStringLiteral("severity"))))
            throw UsageError(QStringLiteral("--severity must be one of: %1").arg(CaseInfo::severities().join(QStringLiteral(", "))));
        auto cf = CaseFile::create(path, p.value(QStringLiteral("title")));
        if (p.isSet(QStringLiteral("summary")) || p.isSet(QStringLiteral("severity"))) {
            CaseInfo info = cf->info();
            if (p.isSet(QStringLiteral("summary")))
                info.summary = p.value(QStringLiteral("summary"));
            if (p.isSet(QStringLiteral("severity")))
                info.severity = p.value(QStringLiteral("severity"));
            cf->updateInfo(info);
        }
        const CaseInfo info = cf->info();
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("uuid"), info.uuid},
                                      {QStringLiteral("title"), info.title}, {QStringLiteral("schema"), cf->schemaVersion()}});
        else
            ctx.out() << "created " << CliContext::safe(path) << " (" << info.uuid << ")\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(NewCommand)
