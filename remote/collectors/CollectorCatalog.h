#pragma once

#include "Collector.h"

#include <QList>

class QCommandLineParser;

// Every collector Casebook ships. Add a collector by adding its factory in
// CollectorCatalog.cpp.
namespace CollectorCatalog {
QList<CollectorFactory> all();
// The factory that writes collections of this kind (e.g. "pcap" -> tcpdump), or nullptr.
const CollectorFactory *forCollectionKind(const QList<CollectorFactory> &factories, const QString &collectionKind);
// Declares every collector's casectl options once; an option several
// collectors share (--duration) is declared once, its help naming them all.
void addOptions(QCommandLineParser &p, const QList<CollectorFactory> &factories);
}
