#include "CliContext.h"
#include "CommandRegistry.h"
#include "blockers/BlockerAnalysis.h"
#include "blockers/BlockerGraphStore.h"
#include "blockers/BlockerRuleSet.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl blockers CASE [--host NAME] [--no-store] [--rules] [--json]
class BlockersCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("blockers"); }
    QString summary() const override
    {
        return QStringLiteral("What is everyone waiting for, and what is that waiting for: the waits-for graph, its chains and root cause.");
    }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("host"), QStringLiteral("Only this host (default: every host with evidence)."), QStringLiteral("NAME")});
        p.addOption({QStringLiteral("no-store"),
                     QStringLiteral("Analyse in memory without storing the run and its findings (also what happens with a read-only case).")});
        p.addOption({QStringLiteral("rules"), QStringLiteral("List the stack-frame rules in use (bundled and from %1) and exit.")
                                                  .arg(BlockerRuleSet::userDirectory())});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const BlockerRuleSet rules = BlockerRuleSet::standard();
        if (p.isSet(QStringLiteral("rules")))
            return listRules(rules, ctx);
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        const bool store = !p.isSet(QStringLiteral("no-store"));
        std::unique_ptr<CaseFile> cf;
        bool writable = store;
        if (store) {
            try {
                cf = CaseFile::open(path);
            } catch (const CaseError &e) {
                writable = false; // read-only file or media, or a writer holds it: analyse without storing
                ctx.warning(QStringLiteral("cannot open the case for writing (%1): the analysis is not stored").arg(e.message()));
            }
        }
        if (!cf)
            cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        BlockerAnalysis analysis(cf->db(), rules);
        QList<qint64> hostIds = analysis.hostsWithEvidence();
        if (p.isSet(QStringLiteral("host"))) {
            const auto h = HostStore(cf->db()).byName(p.value(QStringLiteral("host")));
            if (!h)
                throw UsageError(QStringLiteral("no host named '%1' in the case").arg(p.value(QStringLiteral("host"))));
            hostIds = {h->id};
        }
        QList<BlockerRun> runs;
        for (qint64 id : hostIds)
            runs.append(writable ? analysis.run(id) : analysis.build(id));
        for (const QString &problem : rules.problems())
            ctx.warning(QStringLiteral("blocker rules: %1").arg(problem));
        if (ctx.json())
            return printJson(runs, writable, ctx);
        return printText(runs, writable, ctx);
    }

private:
    static QJsonObject findingJson(const Finding &f, int rank)
    {
        QJsonArray ev;
        for (const EvidenceRef &e : f.evidence)
            ev.append(QJsonObject{{QStringLiteral("kind"), e.refKind}, {QStringLiteral("id"), e.refId}, {QStringLiteral("label"), e.label},
                                  {QStringLiteral("link"), QStringLiteral("[[%1:%2]]").arg(e.refKind).arg(e.refId)}});
        return QJsonObject{{QStringLiteral("id"), f.id},       {QStringLiteral("kind"), f.kind},     {QStringLiteral("rank"), rank},
                           {QStringLiteral("severity"), f.severity}, {QStringLiteral("title"), f.title}, {QStringLiteral("detail"), f.detail},
                           {QStringLiteral("data"), f.data},   {QStringLiteral("evidence"), ev}};
    }

    static int printJson(const QList<BlockerRun> &runs, bool stored, CliContext &ctx)
    {
        QJsonArray hosts;
        for (const BlockerRun &r : runs) {
            QJsonArray findings;
            for (int i = 0; i < r.findings.size(); ++i)
                findings.append(findingJson(r.findings[i], r.ranks.value(i)));
            const Finding *top = r.topRootCause();
            hosts.append(QJsonObject{{QStringLiteral("host"), r.hostName},
                                     {QStringLiteral("run_id"), r.id},
                                     {QStringLiteral("stored"), stored},
                                     {QStringLiteral("reused"), r.reused},
                                     {QStringLiteral("snapshot_id"), r.snapshotId},
                                     {QStringLiteral("top"), top ? findingJson(*top, 1) : QJsonObject()},
                                     {QStringLiteral("findings"), findings},
                                     {QStringLiteral("graph"), r.graph.toJson()},
                                     {QStringLiteral("rule_problems"), QJsonArray::fromStringList(r.ruleProblems)}});
        }
        ctx.printJson(QJsonObject{{QStringLiteral("hosts"), hosts}});
        return ExitOk;
    }

    static int printText(const QList<BlockerRun> &runs, bool stored, CliContext &ctx)
    {
        QTextStream &o = ctx.out();
        if (runs.isEmpty())
            o << "No host with evidence in this case.\n";
        for (const BlockerRun &r : runs) {
            o << "== " << CliContext::safe(r.hostName) << ": " << r.graph.nodeCount() << " nodes, " << r.graph.edges().size() << " edges";
            if (r.id)
                o << " (run " << r.id << (r.reused ? ", unchanged evidence" : "") << ")";
            else if (!stored)
                o << " (not stored)";
            o << '\n';
            if (r.findings.isEmpty()) {
                o << "Nothing waits on anything the evidence shows.\n";
                continue;
            }
            for (int i = 0; i < r.findings.size(); ++i) {
                const Finding &f = r.findings[i];
                o << '\n';
                if (f.id)
                    o << "#" << f.id << ' ';
                o << '[' << f.severity << "] " << f.kind << '\n' << "  " << CliContext::safe(f.title) << '\n';
                if (r.ranks.value(i) > 0)
                    o << "  chain: " << CliContext::safe(f.data.value(QStringLiteral("chain_text")).toString()) << '\n';
                o << "  " << CliContext::safe(f.detail) << '\n';
            }
        }
        return ExitOk;
    }

    static int listRules(const BlockerRuleSet &rules, CliContext &ctx)
    {
        if (ctx.json()) {
            QJsonArray arr;
            for (const BlockerRule &r : rules.rules())
                arr.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("frames"), QJsonArray::fromStringList(r.frames)},
                                       {QStringLiteral("role"), BlockerRule::roleName(r.role)}, {QStringLiteral("resource"), r.resource},
                                       {QStringLiteral("states"), QJsonArray::fromStringList(r.states)},
                                       {QStringLiteral("explanation"), r.explanation}, {QStringLiteral("next_step"), r.nextStep},
                                       {QStringLiteral("origin"), r.origin}});
            ctx.printJson(QJsonObject{{QStringLiteral("user_directory"), BlockerRuleSet::userDirectory()}, {QStringLiteral("rules"), arr},
                                      {QStringLiteral("problems"), QJsonArray::fromStringList(rules.problems())}});
            return ExitOk;
        }
        QTextStream &o = ctx.out();
        o << "User rules directory: " << CliContext::safe(BlockerRuleSet::userDirectory()) << '\n';
        for (const BlockerRule &r : rules.rules())
            o << CliContext::safe(r.id) << "  " << BlockerRule::roleName(r.role) << ' ' << CliContext::safe(r.resource) << "  ["
              << CliContext::safe(r.frames.join(QStringLiteral(", "))) << "]  (" << CliContext::safe(r.origin) << ")\n";
        for (const QString &problem : rules.problems())
            o << "problem: " << CliContext::safe(problem) << '\n';
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(BlockersCommand)
