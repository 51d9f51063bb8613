#include "CollectorCatalog.h"

// Each area declares its factory function in its own header.

Collector::~Collector() = default;

namespace CollectorCatalog {

QList<CollectorFactory> all()
{
    QList<CollectorFactory> list;
    // list.append(procfsCollectorFactory()); etc., one line per collector.
    return list;
}

}
