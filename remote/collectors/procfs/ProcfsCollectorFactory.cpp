#include "ProcfsCollectorFactory.h"

#include "KernelLogCollector.h"
#include "ProcfsCollector.h"

#include <QCoreApplication>

using Type = CollectorOption::Type;

CollectorFactory procfsCollectorFactory()
{
    const ProcfsCollector::Options defaults;
    CollectorFactory f;
    f.kind = QStringLiteral("procfs");
    f.description = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Procfs snapshots: every task with state, wchan, kernel stack, fds; host load, PSI, memory, "
                                   "cgroups, mounts, sockets, services (D-state triage)."));
    f.options = {
        {.name = QStringLiteral("procfs"), .type = Type::Flag, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Procfs snapshots")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Take procfs snapshots.")), .defaultValue = false, .requests = true},
        {.name = QStringLiteral("samples"), .type = Type::Integer, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Samples")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Procfs samples to take in one session.")), .valueName = QStringLiteral("N"),
         .defaultValue = defaults.samples, .minimum = 1, .maximum = 1000},
        {.name = QStringLiteral("interval"), .type = Type::Duration, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Interval")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Seconds between procfs samples.")), .valueName = QStringLiteral("S"),
         .defaultValue = defaults.intervalS, .minimum = 0, .maximum = 3600, .decimals = 2},
        {.name = QStringLiteral("services"), .type = Type::NameList, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Services")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Comma-separated services whose state to record (empty: none).")), .valueName = QStringLiteral("LIST"),
         .defaultValue = defaults.services, .emptyAllowed = true},
    };
    f.create = [](const CollectorSettings &s) -> std::unique_ptr<Collector> {
        ProcfsCollector::Options o;
        o.samples = int(s.integer(QStringLiteral("samples")));
        o.intervalS = s.seconds(QStringLiteral("interval"));
        o.services = s.list(QStringLiteral("services"));
        return std::make_unique<ProcfsCollector>(o);
    };
    return f;
}

CollectorFactory kernelLogCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("kernel-log");
    f.description = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Kernel log (dmesg or journalctl -k) with wall-clock times; hung tasks, OOM kills, NFS/lockd, "
                                   "lockups, RCU stalls, oops/panic as events."));
    f.options = {
        {.name = QStringLiteral("kernel-log"), .type = Type::Flag, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Kernel log")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Collect the kernel log.")), .defaultValue = false, .requests = true},
    };
    f.create = [](const CollectorSettings &) -> std::unique_ptr<Collector> { return std::make_unique<KernelLogCollector>(); };
    return f;
}
