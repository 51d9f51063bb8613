#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "report/ActionItemStore.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

class ActionCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("action"); }
    QString summary() const override { return QStringLiteral("List, add or close the report's action items."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("add TEXT | done ID | drop ID | reopen ID"), QStringLiteral("[VERB ARG]"));
        p.addOption({QStringLiteral("owner"), QStringLiteral("Who owns the item."), QStringLiteral("NAME")});
        p.addOption({QStringLiteral("due"), QStringLiteral("Due date (ISO 8601)."), QStringLiteral("DATE")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const QStringList args = p.positionalArguments();
        if (args.size() > 1) {
            if (args.size() != 3)
                throw UsageError(QStringLiteral("usage: casectl action CASE add TEXT | done ID | drop ID | reopen ID"));
            auto cf = CaseFile::open(path);
            ActionItemStore store(cf->db());
            const QString verb = args.at(1);
            if (verb == QLatin1String("add")) {
                ActionItem item;
                item.text = args.at(2);
                item.owner = p.value(QStringLiteral("owner"));
                if (p.isSet(QStringLiteral("due")) && (item.dueUs = TimeUtil::parseIso(p.value(QStringLiteral("due")))) == 0)
                    throw UsageError(QStringLiteral("--due needs an ISO 8601 date"));
                const qint64 id = store.add(item);
                ctx.json() ? ctx.printJson(QJsonObject{{QStringLiteral("id"), id}}) : void(ctx.out() << "added action item " << id << '\n');
                return ExitOk;
            }
            static const QMap<QString, QString> statusOf{{QStringLiteral("done"), QStringLiteral("done")},
                                                         {QStringLiteral("drop"), QStringLiteral("dropped")},
                                                         {QStringLiteral("reopen"), QStringLiteral("open")}};
            if (!statusOf.contains(verb))
                throw UsageError(QStringLiteral("unknown verb '%1' (add, done, drop, reopen)").arg(verb));
            bool ok = false;
            const qint64 id = args.at(2).toLongLong(&ok);
            if (!ok)
                throw UsageError(QStringLiteral("%1 needs a numeric id").arg(verb));
            store.setStatus(id, statusOf.value(verb));
            if (!ctx.json())
                ctx.out() << "action item " << id << ": " << statusOf.value(verb) << '\n';
            return ExitOk;
        }
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        const QList<ActionItem> all = ActionItemStore(cf->db()).all();
        if (ctx.json()) {
            QJsonArray arr;
            for (const ActionItem &a : all)
                arr.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("text"), a.text}, {QStringLiteral("owner"), a.owner},
                                       {QStringLiteral("due"), TimeUtil::isoUtc(a.dueUs)}, {QStringLiteral("status"), a.status}});
            ctx.printJson(arr);
            return ExitOk;
        }
        for (const ActionItem &a : all)
            ctx.out() << a.id << "  [" << a.status << "]  " << CliContext::safe(a.text)
                      << (a.owner.isEmpty() ? QString() : QStringLiteral("  (") + CliContext::safe(a.owner) + QLatin1Char(')')) << '\n';
        if (all.isEmpty())
            ctx.out() << "no action items\n";
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(ActionCommand)
