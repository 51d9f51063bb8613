#include "CollectorFactory.h"

#include "Collector.h"

#include <QCommandLineParser>
#include <stdexcept>

QString CollectorFactory::check(const CollectorSettings &raw) const
{
    const CollectorSettings settings = options.complete(raw);
    if (const QString error = options.check(settings); !error.isEmpty())
        return error;
    if (!options.isRequested(settings))
        return QStringLiteral("%1 needs %2").arg(kind, options.requestingFlags().join(QLatin1String(" or ")));
    if (crossCheck)
        return crossCheck(settings);
    return {};
}

std::unique_ptr<Collector> CollectorFactory::build(const CollectorSettings &raw) const
{
    const CollectorSettings settings = options.complete(raw);
    if (const QString error = check(settings); !error.isEmpty())
        throw std::invalid_argument(error.toStdString());
    std::unique_ptr<Collector> collector = create(settings);
    if (collector)
        collector->setRecordedOptions(options.toJson(settings));
    return collector;
}

bool CollectorFactory::writes(const QString &collectionKindName) const
{
    return collectionKindName == (collectionKind.isEmpty() ? kind : collectionKind);
}

void CollectorFactory::addOptions(QCommandLineParser &p) const
{
    options.addTo(p, kind);
}

std::optional<CollectorSettings> CollectorFactory::settings(const QCommandLineParser &p) const
{
    const CollectorSettings s = options.read(p);
    if (!options.isRequested(s))
        return std::nullopt;
    if (const QString error = check(s); !error.isEmpty())
        throw std::invalid_argument(error.toStdString());
    return s;
}

std::unique_ptr<Collector> CollectorFactory::fromOptions(const QCommandLineParser &p) const
{
    const std::optional<CollectorSettings> s = settings(p);
    return s ? build(*s) : nullptr;
}
