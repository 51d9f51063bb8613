#pragma once

#include "Collector.h"

#include <QList>

// Every collector Casebook ships. Add a collector by adding its factory in
// CollectorCatalog.cpp.
namespace CollectorCatalog {
QList<CollectorFactory> all();
}
