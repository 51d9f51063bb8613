#pragma once

#include "options/CollectorOptionSet.h"

#include <QCommandLineParser> // for the callers of addOptions()/fromOptions()
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class Collector;

// A kind of collector as casectl collect and the GUI's Collect dialog know it:
// its options are declared once (CollectorOptionSet) and casectl's flags and
// help, the dialog's form and the record kept with each collection are
// generated from them.
struct CollectorFactory
{
    QString kind;           // "procfs", "kernel-log", "strace", "tcpdump", "file"
    QString description;    // one line for help and the dialog
    QString collectionKind; // collections.kind it writes, when not `kind` (tcpdump writes "pcap")
    CollectorOptionSet options;
    // Checks across options beyond each option's own (e.g. strace: PIDs or a
    // command, not both); a message naming the flags, or empty.
    std::function<QString(const CollectorSettings &)> crossCheck;
    // Builds the collector from complete, checked settings.
    std::function<std::unique_ptr<Collector>(const CollectorSettings &)> create;

    // Why settings cannot start this collector (an option's value, none of
    // its requesting options given, or crossCheck); empty when they can.
    QString check(const CollectorSettings &settings) const;
    // Completes and checks settings, builds the collector and gives it the
    // settings to record with its collections. Throws std::invalid_argument.
    std::unique_ptr<Collector> build(const CollectorSettings &settings) const;
    bool writes(const QString &collectionKindName) const;

    // casectl: declares the options (see CollectorOptionSet::addTo).
    void addOptions(QCommandLineParser &p) const;
    // casectl: the settings given on p, or nullopt when none of the
    // requesting options is. Throws std::invalid_argument for bad values.
    std::optional<CollectorSettings> settings(const QCommandLineParser &p) const;
    // casectl: the collector p asks for, or nullptr. Throws std::invalid_argument.
    std::unique_ptr<Collector> fromOptions(const QCommandLineParser &p) const;
};
