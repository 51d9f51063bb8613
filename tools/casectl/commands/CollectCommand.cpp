#include "CliContext.h"
#include "CommandRegistry.h"
#include "RemoteOptions.h"
#include "casefile/CaseFile.h"
#include "collection/FleetCollection.h"
#include "collectors/CollectorCatalog.h"
#include "util/CaseError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

// casectl collect CASE HOST... [collector options]: runs every requested
// collector on every host through the one collection orchestrator
// (FleetCollection: at most --jobs hosts at once; per host one connection, its
// record written once, the collectors that watch the same moment in one
// capture window). Progress events go to stderr as they happen (JSON lines
// with --json); each host's result to stdout.
class CollectCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("collect"); }
    QString summary() const override { return QStringLiteral("Collect evidence from hosts (SSH or 'local') into a case."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("HOST"), QStringLiteral("Hosts: local, an ssh_config alias or pattern, [user@]host[:port]."),
                                QStringLiteral("HOST..."));
        RemoteOptions::add(p);
        p.addOption({QStringLiteral("one-by-one"),
                     QStringLiteral("Run a host's collectors one after another instead of together in one capture window.")});
        // Generated from each collector's declared options (CollectorOptionSet).
        CollectorCatalog::addOptions(p, CollectorCatalog::all());
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString casePath = requiredArg(p, 0, QStringLiteral("CASE"));
        const QStringList hosts = RemoteOptions::hosts(p, p.positionalArguments().mid(1));
        FleetCollection::Settings settings;
        settings.casePath = casePath;
        settings.ssh = RemoteOptions::sshOptions(p, ctx);
        settings.jobs = RemoteOptions::jobs(p);
        settings.captureWindow = !p.isSet(QStringLiteral("one-by-one"));
        const QList<CollectorFactory> factories = CollectorCatalog::all();

        // Check the collector options once, before connecting anywhere; every
        // host then builds its own collectors the same way.
        QStringList kinds;
        for (const CollectorFactory &f : factories) {
            try {
                if (f.fromOptions(p))
                    kinds << f.kind;
            } catch (const std::invalid_argument &e) {
                throw UsageError(QString::fromUtf8(e.what()));
            }
        }
        if (kinds.isEmpty()) {
            QStringList available;
            for (const CollectorFactory &f : factories)
                available << QStringLiteral("%1 (%2)").arg(f.kind, f.description);
            throw UsageError(QStringLiteral("no collector requested; available: %1")
                                 .arg(available.isEmpty() ? QStringLiteral("none") : available.join(QLatin1String(", "))));
        }
        // Fail early on a missing or damaged case, before connecting anywhere.
        if (!QFile::exists(casePath))
            throw CaseError(QStringLiteral("%1 does not exist (create it with casectl new)").arg(casePath));
        CaseFile::open(casePath, CaseFile::Access::ReadWrite);
        // Checked just now: the hosts' own connections need not check again.
        settings.integrity = CaseFileValidator::Integrity::Never;

        const FleetCollection::CollectorSet collectorSet = [&p, &factories](const CollectionTarget &) {
            std::vector<std::unique_ptr<Collector>> set;
            for (const CollectorFactory &f : factories)
                if (std::unique_ptr<Collector> c = f.fromOptions(p))
                    set.push_back(std::move(c));
            return set;
        };
        // Progress on stderr: one line per event (JSON lines with --json).
        const FleetCollection::EventSink events = [&ctx](const CollectionEvent &e) {
            std::lock_guard lock(RemoteOptions::outputMutex());
            if (ctx.json()) {
                ctx.err() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << '\n';
            } else if (e.kind == CollectionEvent::Kind::Done || e.kind == CollectionEvent::Kind::HostFinished) {
                return; // the host's result and the summary are printed below
            } else {
                ctx.err() << CliContext::safe(e.host) << ": " << CliContext::safe(e.text()) << '\n';
            }
            ctx.err().flush();
        };
        FleetCollection collection(settings, CollectionTarget::fromHosts(hosts));
        const FleetCollection::HostFinished hostFinished = [&ctx](const FleetHostResult &r) {
            if (!ctx.json())
                printPlain(ctx, r);
        };
        const QList<FleetHostResult> results = collection.run(collectorSet, events, hostFinished);
        bool allOk = true;
        QJsonArray array;
        for (const auto &r : results) {
            allOk = allOk && r.status == FleetHostResult::Status::Ok;
            array.append(r.toJson());
        }
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("case"), casePath}, {QStringLiteral("collectors"), QJsonArray::fromStringList(kinds)},
                                      {QStringLiteral("jobs"), settings.jobs},
                                      {QStringLiteral("capture_window"), settings.captureWindow},
                                      {QStringLiteral("hosts"), array}});
        else
            ctx.err() << RemoteOptions::summary(results) << '\n';
        ctx.err().flush();
        return allOk ? ExitOk : ExitFailure;
    }

private:
    static void printPlain(CliContext &ctx, const FleetHostResult &r)
    {
        std::lock_guard lock(RemoteOptions::outputMutex());
        const QString host = CliContext::safe(r.host);
        QTextStream &o = ctx.out();
        o << host << ": " << FleetHostResult::statusName(r.status);
        if (!r.hostKey.isEmpty())
            o << " (" << r.hostKey.type << ' ' << r.hostKey.sha256 << ')';
        o << ", " << QString::number(double(r.durationMs) / 1000.0, 'f', 1) << " s\n";
        for (const QJsonValue &v : r.details.value(QStringLiteral("collectors")).toArray()) {
            const QJsonObject c = v.toObject();
            QStringList ids;
            for (const QJsonValue &id : c.value(QStringLiteral("collection_ids")).toArray())
                ids << QString::number(id.toInteger());
            const bool ok = c.value(QStringLiteral("ok")).toBool();
            o << "  " << c.value(QStringLiteral("kind")).toString() << ": "
              << (ok ? c.value(QStringLiteral("status")).toString(QStringLiteral("ok")) : QStringLiteral("failed"))
              << (ids.isEmpty() ? QString() : QStringLiteral(", collection ") + ids.join(QLatin1String(", ")))
              << ", " << c.value(QStringLiteral("started")).toString() << " to " << c.value(QStringLiteral("finished")).toString();
            if (!ok)
                o << " (" << CliContext::safe(c.value(QStringLiteral("error")).toString()) << ')';
            else if (c.contains(QStringLiteral("note")))
                o << " (" << CliContext::safe(c.value(QStringLiteral("note")).toString()) << ')';
            o << '\n';
        }
        o.flush();
        if (r.status != FleetHostResult::Status::Ok)
            ctx.err() << host << ": " << FleetHostResult::statusName(r.status) << ": " << CliContext::safe(r.error) << '\n';
        ctx.err().flush();
    }
};

CASECTL_REGISTER_COMMAND(CollectCommand)
