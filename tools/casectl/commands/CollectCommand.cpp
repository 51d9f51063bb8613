#include "CliContext.h"
#include "CommandRegistry.h"
#include "RemoteOptions.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/HostStore.h"
#include "collectors/CollectorCatalog.h"
#include "fleet/FleetRunner.h"
#include "transport/HostSpec.h"
#include "util/CaseError.h"

#include <QFile>
#include <QJsonArray>

#include <stdexcept>

// casectl collect CASE HOST... [collector options]: runs every requested
// collector on every host (in parallel, one worker thread and one case-file
// connection per host) and records the host key with each collection.
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
        // Generated from each collector's declared options (CollectorOptionSet).
        CollectorCatalog::addOptions(p, CollectorCatalog::all());
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString casePath = requiredArg(p, 0, QStringLiteral("CASE"));
        const QStringList hosts = RemoteOptions::hosts(p, p.positionalArguments().mid(1));
        const SshOptions options = RemoteOptions::sshOptions(p, ctx);
        const int jobs = RemoteOptions::jobs(p);
        const QList<CollectorFactory> factories = CollectorCatalog::all();

        // One collector instance per host: built here, used on that host's thread.
        std::vector<std::vector<std::unique_ptr<Collector>>> perHost(size_t(hosts.size()));
        QStringList kinds;
        for (qsizetype h = 0; h < hosts.size(); ++h) {
            for (const CollectorFactory &f : factories) {
                std::unique_ptr<Collector> c;
                try {
                    c = f.fromOptions(p);
                } catch (const std::invalid_argument &e) {
                    throw UsageError(QString::fromUtf8(e.what()));
                }
                if (!c)
                    continue;
                if (h == 0)
                    kinds << f.kind;
                perHost[size_t(h)].push_back(std::move(c));
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

        const FleetRunner::Job job = [&](Transport &t, FleetHostResult &result, const FleetRunner::Progress &progress,
                                         const CancelToken &cancel) {
            collectHost(casePath, perHost[size_t(result.index)], t, result, progress, cancel);
        };
        FleetRunner::Callbacks callbacks;
        if (!ctx.json()) {
            callbacks.hostProgress = [&ctx](int, const QString &host, const QString &message, int percent) {
                std::lock_guard lock(RemoteOptions::outputMutex());
                ctx.err() << CliContext::safe(host) << ": " << CliContext::safe(message)
                          << (percent >= 0 ? QStringLiteral(" (%1%)").arg(percent) : QString()) << '\n';
                ctx.err().flush();
            };
            callbacks.hostFinished = [&ctx](const FleetHostResult &r) { printPlain(ctx, r); };
        }
        FleetRunner runner(options, jobs);
        const QList<FleetHostResult> results = runner.run(hosts, job, callbacks, CancelToken());
        bool allOk = true;
        QJsonArray array;
        for (const auto &r : results) {
            allOk = allOk && r.status == FleetHostResult::Status::Ok;
            array.append(r.toJson());
        }
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("case"), casePath}, {QStringLiteral("collectors"), QJsonArray::fromStringList(kinds)},
                                      {QStringLiteral("hosts"), array}});
        else
            ctx.err() << RemoteOptions::summary(results) << '\n';
        ctx.err().flush();
        return allOk ? ExitOk : ExitFailure;
    }

private:
    static void collectHost(const QString &casePath, std::vector<std::unique_ptr<Collector>> &collectors, Transport &t,
                            FleetHostResult &result, const FleetRunner::Progress &progress, const CancelToken &cancel)
    {
        auto caseFile = CaseFile::open(casePath, CaseFile::Access::ReadWrite);
        HostStore hostStore(caseFile->db());
        const qint64 hostId = hostStore.ensure(result.host);
        HostRecord record;
        record.id = hostId;
        record.hostkeyType = result.hostKey.type;
        record.hostkeySha256 = result.hostKey.sha256;
        if (result.host != QLatin1String("local")) {
            try {
                const HostSpec spec = HostSpec::parse(result.host);
                record.user = spec.user;
                record.port = spec.port;
            } catch (const std::invalid_argument &) {
            }
        }
        hostStore.update(record);
        result.details.insert(QStringLiteral("host_id"), hostId);

        QJsonArray collectorResults;
        QStringList errors;
        for (auto &collector : collectors) {
            if (cancel.isCancelled())
                break;
            CollectionContext context;
            context.caseFile = caseFile.get();
            context.hostId = hostId;
            context.hostSpec = result.host;
            const QString kind = collector->kind();
            context.progress = [&](const QString &message, int percent) { progress(kind + QStringLiteral(": ") + message, percent); };
            CollectorResult r;
            try {
                r = collector->collect(t, context, cancel);
            } catch (const std::exception &e) {
                r.ok = false;
                r.error = QString::fromUtf8(e.what());
            }
            QJsonObject o = r.summary;
            o.insert(QStringLiteral("kind"), kind);
            o.insert(QStringLiteral("ok"), r.ok);
            QJsonArray ids;
            for (qint64 id : std::as_const(r.collectionIds))
                ids.append(id);
            o.insert(QStringLiteral("collection_ids"), ids);
            // How its (last) collection ended: complete, partial (with what is
            // missing), incomplete, failed.
            if (!r.collectionIds.isEmpty()) {
                if (const auto c = CollectionStore(caseFile->db()).byId(r.collectionIds.last())) {
                    o.insert(QStringLiteral("status"), CollectionRecord::statusName(c->status));
                    if (c->status == CollectionRecord::Status::Partial || c->status == CollectionRecord::Status::Incomplete)
                        o.insert(QStringLiteral("note"), c->error);
                }
            }
            if (!r.ok) {
                o.insert(QStringLiteral("error"), r.error);
                errors << QStringLiteral("%1: %2").arg(kind, r.error);
            }
            collectorResults.append(o);
        }
        result.details.insert(QStringLiteral("collectors"), collectorResults);
        if (!errors.isEmpty()) {
            result.status = FleetHostResult::Status::Failed;
            result.error = errors.join(QLatin1String("; "));
        } else if (cancel.isCancelled()) {
            result.status = FleetHostResult::Status::Cancelled;
            result.error = QStringLiteral("cancelled");
        }
    }

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
              << (ids.isEmpty() ? QString() : QStringLiteral(", collection ") + ids.join(QLatin1String(", ")));
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
