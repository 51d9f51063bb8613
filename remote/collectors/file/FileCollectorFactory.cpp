#include "FileCollectorFactory.h"

#include "FileCollector.h"

#include <stdexcept>

CollectorFactory fileCollectorFactory()
{
    CollectorFactory f;
    f.kind = QStringLiteral("file");
    f.description = QStringLiteral("Pull files verbatim (regular files only), e.g. /var/log/kern.log");
    f.addOptions = [](QCommandLineParser &p) {
        p.addOption({QStringLiteral("pull"), QStringLiteral("Pull this remote file into the case (repeatable)."), QStringLiteral("PATH")});
        p.addOption({QStringLiteral("pull-max"), QStringLiteral("Bytes kept per pulled file (default 1 GiB)."), QStringLiteral("BYTES")});
    };
    f.fromOptions = [](const QCommandLineParser &p) -> std::unique_ptr<Collector> {
        const QStringList paths = p.values(QStringLiteral("pull"));
        if (paths.isEmpty())
            return nullptr;
        for (const QString &path : paths) {
            if (!path.startsWith(QLatin1Char('/')))
                throw std::invalid_argument("--pull needs absolute paths");
        }
        qint64 maxBytes = 1LL << 30;
        if (p.isSet(QStringLiteral("pull-max"))) {
            bool ok = false;
            maxBytes = p.value(QStringLiteral("pull-max")).toLongLong(&ok);
            if (!ok || maxBytes <= 0)
                throw std::invalid_argument("--pull-max needs a positive number of bytes");
        }
        return std::make_unique<FileCollector>(paths, maxBytes);
    };
    return f;
}
