#pragma once

#include "BlockerRuleSet.h"
#include "BlockerRun.h"

#include <QList>

class SqliteDatabase;

// "What is everyone waiting for, and what is that waiting for?" for one host:
// reads its latest procfs collection and the other evidence, runs the edge
// sources (EdgeSourceCatalog) into a WaitsForGraph, draws the verdicts
// (BlockerVerdicts) and stores both as a run (BlockerGraphStore).
class BlockerAnalysis
{
public:
    BlockerAnalysis(SqliteDatabase &db, const BlockerRuleSet &rules) : m_db(db), m_rules(rules) {}

    // Builds the run in memory; writes nothing.
    BlockerRun build(qint64 hostId) const;
    // The host's stored run when it was made from the same evidence and
    // rules, else builds and stores a new one (the caller holds write access).
    BlockerRun run(qint64 hostId);
    // What the run would be made from; a stored run with the same stamp is current.
    QString inputStamp(qint64 hostId) const;
    // Hosts with a procfs snapshot, strace trace, capture or kernel log.
    QList<qint64> hostsWithEvidence() const;

private:
    SqliteDatabase &m_db;
    const BlockerRuleSet &m_rules;
};
