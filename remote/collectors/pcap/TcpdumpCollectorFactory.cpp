#include "TcpdumpCollectorFactory.h"

#include "TcpdumpCollector.h"

#include <QCoreApplication>

using Type = CollectorOption::Type;

CollectorFactory tcpdumpCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("tcpdump");
    f.collectionKind = QStringLiteral("pcap");
    f.description = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Capture packets with tcpdump for a bounded time and size and summarise them (--tcpdump IFACE)."));
    f.options = {
        {.name = QStringLiteral("tcpdump"), .type = Type::Interface, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Interface")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Capture on this interface (e.g. eth0, any).")), .valueName = QStringLiteral("IFACE"), .requests = true},
        {.name = QStringLiteral("filter"), .type = Type::CaptureFilter, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Capture filter")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "A tcpdump filter expression, e.g. port 2049 or port 111 (quotes as in a shell are fine).")),
         .valueName = QStringLiteral("EXPR")},
        {.name = QStringLiteral("duration"), .type = Type::Duration, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Duration")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "How long strace traces and tcpdump captures, in seconds.")), .valueName = QStringLiteral("S"),
         .defaultValue = 10.0, .minimum = 1, .maximum = 86400},
        {.name = QStringLiteral("max-bytes"), .type = Type::Size, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Capture size limit")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Stop capturing at this much data (bytes, or with K/M/G).")), .valueName = QStringLiteral("N"),
         .defaultValue = QVariant::fromValue(qint64(256) << 20), .minimum = 4096, .maximum = double(qint64(64) << 30)},
    };
    f.create = [](const CollectorSettings &s) -> std::unique_ptr<Collector> {
        TcpdumpCollector::Options o;
        o.interface = s.text(QStringLiteral("tcpdump"));
        o.filter = s.text(QStringLiteral("filter"));
        o.durationSeconds = int(s.seconds(QStringLiteral("duration")));
        o.maxBytes = s.integer(QStringLiteral("max-bytes"));
        return std::make_unique<TcpdumpCollector>(o);
    };
    return f;
}
