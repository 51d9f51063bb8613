#include "ProcfsCollectorFactory.h"

#include "KernelLogCollector.h"
#include "ProcfsCollector.h"

#include <stdexcept>

CollectorFactory procfsCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("procfs");
    f.description = QStringLiteral("Procfs snapshots: every task with state, wchan, kernel stack, fds; host load, PSI, memory, "
                                   "cgroups, mounts, sockets, services (D-state triage).");
    f.addOptions = [](QCommandLineParser &p) {
        p.addOption({QStringLiteral("procfs"), QStringLiteral("Take procfs snapshots.")});
        p.addOption({QStringLiteral("samples"), QStringLiteral("Procfs samples to take in one session (default 1)."), QStringLiteral("N")});
        p.addOption({QStringLiteral("interval"), QStringLiteral("Seconds between procfs samples (default 2)."), QStringLiteral("S")});
        p.addOption({QStringLiteral("services"),
                     QStringLiteral("Comma-separated services whose state to record (default rpc-statd,rpcbind,nfs-client.target)."),
                     QStringLiteral("LIST")});
    };
    f.fromOptions = [](const QCommandLineParser &p) -> std::unique_ptr<Collector> {
        if (!p.isSet(QStringLiteral("procfs")))
            return nullptr;
        ProcfsCollector::Options o;
        bool ok = true;
        if (p.isSet(QStringLiteral("samples"))) {
            o.samples = p.value(QStringLiteral("samples")).toInt(&ok);
            if (!ok || o.samples < 1 || o.samples > 1000)
                throw std::invalid_argument("--samples takes a number from 1 to 1000");
        }
        if (p.isSet(QStringLiteral("interval"))) {
            o.intervalS = p.value(QStringLiteral("interval")).toDouble(&ok);
            if (!ok || o.intervalS < 0 || o.intervalS > 3600)
                throw std::invalid_argument("--interval takes seconds from 0 to 3600");
        }
        if (p.isSet(QStringLiteral("services"))) {
            o.services.clear();
            for (const QString &s : p.value(QStringLiteral("services")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                for (QChar c : s)
                    if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('@')))
                        throw std::invalid_argument("--services: names may hold letters, digits, - _ . @ only");
                o.services.append(s.trimmed());
            }
        }
        return std::make_unique<ProcfsCollector>(o);
    };
    return f;
}

CollectorFactory kernelLogCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("kernel-log");
    f.description = QStringLiteral("Kernel log (dmesg or journalctl -k) with wall-clock times; hung tasks, OOM kills, NFS/lockd, "
                                   "lockups, RCU stalls, oops/panic as events.");
    f.addOptions = [](QCommandLineParser &p) {
        p.addOption({QStringLiteral("kernel-log"), QStringLiteral("Collect the kernel log.")});
    };
    f.fromOptions = [](const QCommandLineParser &p) -> std::unique_ptr<Collector> {
        if (!p.isSet(QStringLiteral("kernel-log")))
            return nullptr;
        return std::make_unique<KernelLogCollector>();
    };
    return f;
}
