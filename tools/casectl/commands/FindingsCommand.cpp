#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl findings CASE [--host NAME] [--kind KIND] [--all] [--json]
class FindingsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("findings"); }
    QString summary() const override { return QStringLiteral("List the analyses' findings with the evidence they rest on."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("host"), QStringLiteral("Only findings about this host."), QStringLiteral("NAME")});
        p.addOption({QStringLiteral("kind"), QStringLiteral("Only findings of this kind (d-state-group, blocker-candidate...)."),
                     QStringLiteral("KIND")});
        p.addOption({QStringLiteral("all"), QStringLiteral("Also the findings a later analysis superseded (they are never deleted: "
                                                           "notes and reports may cite them).")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        auto cf = CaseFile::open(requiredArg(p, 0, QStringLiteral("CASE")), CaseFile::Access::ReadOnly);
        HostStore hosts(cf->db());
        qint64 hostId = 0;
        if (p.isSet(QStringLiteral("host"))) {
            const auto h = hosts.byName(p.value(QStringLiteral("host")));
            if (!h)
                throw UsageError(QStringLiteral("no host named '%1' in the case").arg(p.value(QStringLiteral("host"))));
            hostId = h->id;
        }
        const QList<Finding> list = FindingStore(cf->db()).list(hostId, p.value(QStringLiteral("kind")),
                                                                p.isSet(QStringLiteral("all")) ? FindingStore::Include::All
                                                                                               : FindingStore::Include::Current);
        QHash<qint64, QString> hostNames;
        for (const HostRecord &h : hosts.all())
            hostNames.insert(h.id, h.name);
        if (ctx.json()) {
            QJsonArray arr;
            for (const Finding &f : list) {
                QJsonArray ev;
                for (const EvidenceRef &e : f.evidence)
                    ev.append(QJsonObject{{QStringLiteral("kind"), e.refKind}, {QStringLiteral("id"), e.refId},
                                          {QStringLiteral("label"), e.label}});
                arr.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("host"), hostNames.value(f.hostId)},
                                       {QStringLiteral("collection_id"), f.collectionId}, {QStringLiteral("kind"), f.kind},
                                       {QStringLiteral("severity"), f.severity}, {QStringLiteral("title"), f.title},
                                       {QStringLiteral("detail"), f.detail}, {QStringLiteral("at"), TimeUtil::isoUtc(f.atUs)},
                                       {QStringLiteral("data"), f.data}, {QStringLiteral("evidence"), ev},
                                       {QStringLiteral("superseded_at"),
                                        f.isSuperseded() ? QJsonValue(TimeUtil::isoUtc(f.supersededUs)) : QJsonValue()},
                                       {QStringLiteral("superseded_by"), f.supersededBy ? QJsonValue(f.supersededBy) : QJsonValue()}});
            }
            ctx.printJson(QJsonObject{{QStringLiteral("count"), int(list.size())}, {QStringLiteral("findings"), arr}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        if (list.isEmpty())
            o << "No findings.\n";
        for (const Finding &f : list) {
            o << '#' << f.id;
            if (f.isSuperseded())
                o << " superseded " << TimeUtil::isoUtc(f.supersededUs)
                  << (f.supersededBy ? QStringLiteral(" by #%1").arg(f.supersededBy) : QStringLiteral(" (no longer found)"));
            o << " [" << f.severity << "] " << f.kind << "  " << CliContext::safe(hostNames.value(f.hostId)) << "  "
              << TimeUtil::isoUtc(f.atUs) << '\n'
              << "  " << CliContext::safe(f.title) << '\n';
            if (!f.detail.isEmpty())
                o << "  " << CliContext::safe(f.detail) << '\n';
            QMap<QString, int> kinds;
            for (const EvidenceRef &e : f.evidence)
                ++kinds[e.refKind];
            QStringList ev;
            for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
                ev.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
            if (!ev.isEmpty())
                o << "  evidence: " << ev.join(QStringLiteral(", ")) << '\n';
        }
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(FindingsCommand)
