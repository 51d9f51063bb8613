#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "report/StatusUpdateStore.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

class StatusCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override { return QStringLiteral("List or add public status updates of the incident."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("add"), QStringLiteral("'add' to post a new update."), QStringLiteral("[add TEXT]"));
        p.addOption({QStringLiteral("at"), QStringLiteral("Time of the update (ISO 8601, UTC if no zone; default now)."), QStringLiteral("TIME")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const QStringList args = p.positionalArguments();
        if (args.size() > 1) {
            if (args.at(1) != QLatin1String("add") || args.size() != 3)
                throw UsageError(QStringLiteral("usage: casectl status CASE add \"TEXT\""));
            qint64 at = 0;
            if (p.isSet(QStringLiteral("at"))) {
                at = TimeUtil::parseIso(p.value(QStringLiteral("at")));
                if (at == 0)
                    throw UsageError(QStringLiteral("--at needs an ISO 8601 time"));
            }
            auto cf = CaseFile::open(path);
            const qint64 id = StatusUpdateStore(cf->db()).add(args.at(2), at);
            if (ctx.json())
                ctx.printJson(QJsonObject{{QStringLiteral("id"), id}});
            else
                ctx.out() << "added status update " << id << '\n';
            return ExitOk;
        }
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        const QList<StatusUpdate> all = StatusUpdateStore(cf->db()).all();
        if (ctx.json()) {
            QJsonArray arr;
            for (const StatusUpdate &u : all)
                arr.append(QJsonObject{{QStringLiteral("id"), u.id}, {QStringLiteral("at"), TimeUtil::isoUtc(u.atUs)},
                                       {QStringLiteral("at_us"), u.atUs}, {QStringLiteral("text"), u.text},
                                       {QStringLiteral("author"), u.author}});
            ctx.printJson(arr);
            return ExitOk;
        }
        for (const StatusUpdate &u : all)
            ctx.out() << TimeUtil::isoUtc(u.atUs) << "  " << CliContext::safe(u.text) << '\n';
        if (all.isEmpty())
            ctx.out() << "no status updates\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(StatusCommand)
