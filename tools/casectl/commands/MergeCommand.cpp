#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "sharing/CaseMerger.h"

class MergeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("merge"); }
    QString summary() const override { return QStringLiteral("Merge another case's evidence, findings and notes into a case."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file to merge into."));
        p.addPositionalArgument(QStringLiteral("OTHER"), QStringLiteral("Case file to merge from (not modified)."));
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const QString other = requiredArg(p, 1, QStringLiteral("OTHER"));
        auto cf = CaseFile::open(path);
        const CaseMerger::Result r = CaseMerger(*cf).merge(other);
        if (ctx.json()) {
            ctx.printJson(r.toJson());
            return ExitOk;
        }
        ctx.out() << "merged " << CliContext::safe(other) << ": " << r.inserted() << " rows added\n";
        for (auto it = r.tables.constBegin(); it != r.tables.constEnd(); ++it)
            if (it->inserted || it->existing)
                ctx.out() << "  " << it.key().leftJustified(22) << ' ' << it->inserted << " added, " << it->existing << " already present\n";
        for (auto it = r.tables.constBegin(); it != r.tables.constEnd(); ++it)
            if (it->orphans)
                ctx.out() << "  " << it.key().leftJustified(22) << ' ' << it->orphans << " not merged: the row they belong to is missing in OTHER\n";
        if (r.unmappedReferences)
            ctx.out() << "  " << r.unmappedReferences << " evidence references of unknown kind or to missing rows\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(MergeCommand)
