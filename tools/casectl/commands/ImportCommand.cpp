#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "importers/ImporterCatalog.h"
#include "strace/StraceClock.h"

#include <QJsonArray>
#include <QJsonObject>

// casectl import CASE FILE|DIR... [--host NAME] [--kind K] [--tz ZONE] [--date YYYY-MM-DD] [--observed-until TIME] [--json]
// Dispatches through ImporterCatalog; without --kind each path's kind is
// detected from its first bytes and paths of one kind go in one import.
class ImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("Import evidence files (strace logs, captures...) into a case."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addPositionalArgument(QStringLiteral("FILE|DIR..."), QStringLiteral("Files or directories (e.g. strace -ff output) to import."));
        p.addOption({QStringLiteral("host"), QStringLiteral("Attribute the evidence to this host (created if new)."), QStringLiteral("NAME")});
        p.addOption({QStringLiteral("kind"), QStringLiteral("Kind of evidence (%1); detected when omitted.").arg(kinds().join(QStringLiteral(", "))),
                     QStringLiteral("K")});
        p.addOption({QStringLiteral("tz"), QStringLiteral("Zone of times that carry none (strace -t/-tt): the traced host's zone, "
                                                          "an IANA name or an offset such as +02:00. Default: this machine's zone."),
                     QStringLiteral("ZONE")});
        p.addOption({QStringLiteral("date"), QStringLiteral("The day a log whose times carry no date (strace -t/-tt) starts, "
                                                            "YYYY-MM-DD in --tz. Default: from the file's modification time."),
                     QStringLiteral("DATE")});
        p.addOption({QStringLiteral("observed-until"),
                     QStringLiteral("strace logs copied while strace was still attached: when the calls without an end were "
                                    "last seen still waiting (ISO 8601, e.g. 2026-12-07T13:40:00Z; without an offset in --tz). "
                                    "Default: the log's last timestamp."),
                     QStringLiteral("TIME")});
        addJsonOption(p);
    }

    static QStringList kinds()
    {
        QStringList k;
        for (const auto &imp : ImporterCatalog::all())
            k.append(imp->kind());
        return k;
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString casePath = requiredArg(p, 0, QStringLiteral("CASE"));
        const QStringList paths = p.positionalArguments().mid(1);
        if (paths.isEmpty())
            throw UsageError(QStringLiteral("missing FILE|DIR to import"));
        // Group the paths by importer kind, keeping their order.
        QList<QPair<QString, QStringList>> groups;
        auto add = [&](const QString &kind, const QString &path) {
            for (auto &g : groups)
                if (g.first == kind) {
                    g.second.append(path);
                    return;
                }
            groups.append({kind, {path}});
        };
        if (p.isSet(QStringLiteral("kind"))) {
            const QString kind = p.value(QStringLiteral("kind"));
            if (!ImporterCatalog::byKind(kind))
                throw UsageError(QStringLiteral("unknown --kind %1 (known: %2)").arg(kind, kinds().join(QStringLiteral(", "))));
            for (const QString &path : paths)
                add(kind, path);
        } else {
            for (const QString &path : paths) {
                auto imp = ImporterCatalog::detect(path);
                if (!imp) {
                    ctx.error(QStringLiteral("%1: not a kind of file Casebook recognises (or unreadable); use --kind")
                                  .arg(CliContext::safe(path)));
                    return ExitFailure;
                }
                add(imp->kind(), path);
            }
        }

        QDate startDate;
        if (p.isSet(QStringLiteral("date"))) {
            startDate = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
            if (!startDate.isValid())
                throw UsageError(QStringLiteral("--date: not a date (YYYY-MM-DD): %1").arg(p.value(QStringLiteral("date"))));
        }
        QDateTime observedUntil;
        if (p.isSet(QStringLiteral("observed-until"))) {
            const QString text = p.value(QStringLiteral("observed-until"));
            observedUntil = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (observedUntil.isValid() && observedUntil.timeSpec() == Qt::LocalTime && p.isSet(QStringLiteral("tz"))) {
                const auto zone = StraceClock::parseZone(p.value(QStringLiteral("tz")));
                if (!zone)
                    throw UsageError(QStringLiteral("--tz: not a time zone: %1").arg(p.value(QStringLiteral("tz"))));
                observedUntil = QDateTime(observedUntil.date(), observedUntil.time(), *zone);
            }
            if (!observedUntil.isValid())
                throw UsageError(QStringLiteral("--observed-until: not a time (ISO 8601, e.g. 2026-12-07T13:40:00Z): %1").arg(text));
        }
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadWrite);
        qint64 hostId = 0;
        if (p.isSet(QStringLiteral("host")))
            hostId = HostStore(cf->db()).ensure(p.value(QStringLiteral("host")));

        QJsonArray results;
        bool allOk = true;
        for (const auto &[kind, group] : groups) {
            auto imp = ImporterCatalog::byKind(kind);
            ImportRequest req;
            req.caseFile = cf.get();
            req.hostId = hostId;
            req.paths = group;
            req.timeZone = p.value(QStringLiteral("tz"));
            req.startDate = startDate;
            req.observedUntil = observedUntil;
            const ImportResult r = imp->import(req, CancelToken());
            allOk = allOk && r.ok;
            QJsonObject o = r.summary;
            o.insert(QStringLiteral("kind"), kind);
            o.insert(QStringLiteral("ok"), r.ok);
            o.insert(QStringLiteral("paths"), QJsonArray::fromStringList(group));
            o.insert(QStringLiteral("collection_ids"), [&] {
                QJsonArray a;
                for (qint64 id : r.collectionIds)
                    a.append(id);
                return a;
            }());
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
            if (!r.ok)
                o.insert(QStringLiteral("error"), r.error);
            results.append(o);
            if (!ctx.json()) {
                for (const QString &w : r.warnings)
                    ctx.warning(CliContext::safe(w));
                if (!r.ok)
                    ctx.error(CliContext::safe(r.error));
                QTextStream &out = ctx.out();
                out << "imported " << kind << " (" << group.size() << " path" << (group.size() == 1 ? "" : "s") << ")";
                for (qint64 id : r.collectionIds)
                    out << " collection " << id;
                for (const QString &key : {QStringLiteral("calls"), QStringLiteral("unfinished"), QStringLiteral("processes"),
                                          QStringLiteral("unparsed"), QStringLiteral("findings")})
                    if (r.summary.contains(key))
                        out << ", " << qint64(r.summary.value(key).toDouble()) << ' ' << key;
                out << '\n';
            }
        }
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("imports"), results}, {QStringLiteral("ok"), allOk}});
        return allOk ? ExitOk : ExitFailure;
    }
};

CASECTL_REGISTER_COMMAND(ImportCommand)
