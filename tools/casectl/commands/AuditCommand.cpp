#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

class AuditCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override { return QStringLiteral("Show the case's audit log (chain of custody)."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        AuditLog log(cf->db());
        QString problem;
        const qint64 broken = log.verifyChain(&problem);
        const auto entries = log.entries();
        if (ctx.json()) {
            QJsonArray arr;
            for (const auto &e : entries)
                arr.append(QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("at"), TimeUtil::isoUtc(e.atUs)},
                                       {QStringLiteral("actor"), e.actor}, {QStringLiteral("action"), e.action},
                                       {QStringLiteral("target"), e.target}, {QStringLiteral("details"), e.details},
                                       {QStringLiteral("hash"), e.hash}});
            ctx.printJson(QJsonObject{{QStringLiteral("chain"), broken ? problem : QStringLiteral("ok")},
                                      {QStringLiteral("entries"), arr}});
        } else {
            for (const auto &e : entries) {
                QString details = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
                if (details.size() > 160)
                    details = details.left(157) + QStringLiteral("...");
                ctx.out() << e.id << "  " << TimeUtil::isoUtc(e.atUs) << "  " << CliContext::safe(e.actor) << "  "
                          << e.action << "  " << CliContext::safe(e.target) << "  " << CliContext::safe(details) << '\n';
            }
            ctx.out() << "chain: " << (broken ? problem : QStringLiteral("ok")) << '\n';
        }
        return broken ? ExitFailure : ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(AuditCommand)
