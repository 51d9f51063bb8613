#pragma once

#include "CollectorOption.h"
#include "CollectorSettings.h"

#include <QJsonObject>
#include <QList>
#include <initializer_list>

class QCommandLineParser;

// The declared options of one collector (or of the host connection) and what
// is generated from them: casectl options and their reading, defaults,
// checks, casectl arguments for typed values, and the JSON kept with a
// collection.
class CollectorOptionSet
{
public:
    CollectorOptionSet() = default;
    CollectorOptionSet(std::initializer_list<CollectorOption> options) : m_options(options) {}

    const QList<CollectorOption> &all() const { return m_options; }
    const CollectorOption *find(const QString &name) const;
    bool isEmpty() const { return m_options.isEmpty(); }

    CollectorSettings defaults() const;
    // Every declared option present (defaults filled in), values normalised
    // to their types; names not declared are dropped.
    CollectorSettings complete(const CollectorSettings &settings) const;
    // The first option whose value is not acceptable, as a message naming its
    // casectl flag; empty when all are.
    QString check(const CollectorSettings &settings) const;
    // Whether any requesting option (CollectorOption::requests) is given.
    bool isRequested(const CollectorSettings &settings) const;
    QStringList requestingFlags() const;

    // casectl arguments in declaration order; defaults are left out.
    QStringList arguments(const CollectorSettings &settings) const;
    // Only the options given (not at their defaults).
    QJsonObject toJson(const CollectorSettings &settings) const;
    // Unknown names and values of the wrong JSON type are ignored.
    CollectorSettings fromJson(const QJsonObject &json) const;

    // Declares the options on p; one already declared (by another collector
    // sharing it, like --duration) is skipped. tag names the collector in the
    // help.
    void addTo(QCommandLineParser &p, const QString &tag = {}) const;
    // The typed values given on p (defaults for the rest). Throws
    // std::invalid_argument for a value the option does not take.
    CollectorSettings read(const QCommandLineParser &p) const;

private:
    QList<CollectorOption> m_options;
};
