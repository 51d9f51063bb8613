#include "FileCollectorFactory.h"

#include "FileCollector.h"

#include <QCoreApplication>

using Type = CollectorOption::Type;

CollectorFactory fileCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("file");
    f.description = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Pull files verbatim (regular files only), e.g. /var/log/kern.log"));
    f.options = {
        {.name = QStringLiteral("pull"), .type = Type::PathList, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Files")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Pull this remote file into the case.")), .valueName = QStringLiteral("PATH"), .requests = true},
        {.name = QStringLiteral("pull-max"), .type = Type::Size, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Size limit per file")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Bytes kept per pulled file (or with K/M/G).")), .valueName = QStringLiteral("BYTES"),
         .defaultValue = QVariant::fromValue(qint64(1) << 30), .minimum = 1, .maximum = double(qint64(1) << 40)},
    };
    f.create = [](const CollectorSettings &s) -> std::unique_ptr<Collector> {
        return std::make_unique<FileCollector>(s.list(QStringLiteral("pull")), s.integer(QStringLiteral("pull-max")));
    };
    return f;
}
