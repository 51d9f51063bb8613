#include "CollectorCatalog.h"

#include "file/FileCollectorFactory.h"
#include "pcap/TcpdumpCollectorFactory.h"
#include "procfs/ProcfsCollectorFactory.h"
#include "strace/StraceCollectorFactory.h"

#include <QCommandLineParser>
#include <QMap>

namespace CollectorCatalog {

QList<CollectorFactory> all()
{
    // The order in which a host's collectors run.
    return {straceCollectorFactory(), procfsCollectorFactory(), kernelLogCollectorFactory(), tcpdumpCollectorFactory(),
            fileCollectorFactory()};
}

const CollectorFactory *forCollectionKind(const QList<CollectorFactory> &factories, const QString &collectionKind)
{
    for (const CollectorFactory &f : factories)
        if (f.writes(collectionKind) || f.kind == collectionKind)
            return &f;
    return nullptr;
}

void addOptions(QCommandLineParser &p, const QList<CollectorFactory> &factories)
{
    QMap<QString, QStringList> users; // option name -> the collectors declaring it
    for (const CollectorFactory &f : factories)
        for (const CollectorOption &o : f.options.all())
            users[o.name] << f.kind;
    for (const CollectorFactory &f : factories) {
        for (const CollectorOption &o : f.options.all()) {
            const QStringList &kinds = users[o.name];
            if (kinds.first() != f.kind)
                continue; // declared with the first collector using it
            CollectorOptionSet{o}.addTo(p, kinds.join(QLatin1String(", ")));
        }
    }
}

}
