#include "StraceCollectorFactory.h"

#include "StraceCollector.h"

#include <QCoreApplication>

using Type = CollectorOption::Type;

CollectorFactory straceCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("strace");
    f.description = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Trace processes with strace -f -tt -T -yy for a bounded time (--strace-pid or --strace-cmd); "
                                                                     "stopped with SIGTERM at the duration, detaching cleanly."));
    f.options = {
        {.name = QStringLiteral("strace-pid"), .type = Type::PidList, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Processes")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Attach strace to these processes.")), .valueName = QStringLiteral("PID[,PID..]"), .requests = true},
        {.name = QStringLiteral("strace-cmd"), .type = Type::Text, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Command to run")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Run this command under strace (sh -c).")), .valueName = QStringLiteral("COMMAND"), .requests = true},
        {.name = QStringLiteral("duration"), .type = Type::Duration, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Duration")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "How long strace traces and tcpdump captures, in seconds.")), .valueName = QStringLiteral("S"),
         .defaultValue = 10.0, .minimum = 1, .maximum = 86400},
        {.name = QStringLiteral("strace-keep-running"), .type = Type::Flag,
         .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Leave the command's processes running when tracing stops")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "With --strace-cmd: leave what the command started running when tracing "
                                                                     "stops (default: it is ended with SIGTERM, then SIGKILL).")),
         .defaultValue = false},
        {.name = QStringLiteral("strace-max-mb"), .type = Type::Integer, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Log size limit (MiB)")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Stop strace when its log reaches this many MiB.")), .valueName = QStringLiteral("MB"),
         .defaultValue = 256, .minimum = 1, .maximum = 65536},
    };
    f.crossCheck = [](const CollectorSettings &s) -> QString {
        if (!s.pids(QStringLiteral("strace-pid")).isEmpty() && !s.text(QStringLiteral("strace-cmd")).isEmpty())
            return QStringLiteral("give --strace-pid or --strace-cmd, not both");
        if (!s.pids(QStringLiteral("strace-pid")).isEmpty() && s.flag(QStringLiteral("strace-keep-running")))
            return QStringLiteral("--strace-keep-running is for --strace-cmd (attached processes always keep running)");
        return {};
    };
    f.create = [](const CollectorSettings &s) -> std::unique_ptr<Collector> {
        StraceCaptureOptions o;
        o.pids = s.pids(QStringLiteral("strace-pid"));
        o.command = s.text(QStringLiteral("strace-cmd"));
        o.keepRunning = s.flag(QStringLiteral("strace-keep-running"));
        o.durationSeconds = int(s.seconds(QStringLiteral("duration")));
        o.maxBytes = s.integer(QStringLiteral("strace-max-mb")) << 20;
        return std::make_unique<StraceCollector>(o);
    };
    return f;
}
