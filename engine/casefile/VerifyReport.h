#pragma once

#include "ArtifactCheck.h"
#include "AuditChainCheck.h"
#include "AuditHead.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

// What CaseVerifier found. findings() words every failure the same way for
// casectl verify, the workbench and tests.
struct VerifyReport
{
    QStringList integrityProblems;          // PRAGMA integrity_check
    QList<ArtifactCheck> artifacts;         // every artifact, and those recorded but missing
    QList<AuditChainCheck::Problem> auditProblems;
    QStringList triggerProblems;            // the audit log's append-only triggers
    AuditHead head;                         // the chain as it ends now
    std::optional<AuditHead> expectedHead;  // --expect-head
    QString headProblem;                    // the chain does not extend expectedHead

    int count(ArtifactCheck::Result r) const;
    int mismatches() const { return count(ArtifactCheck::Result::Mismatch); }
    int missing() const { return count(ArtifactCheck::Result::Missing); }
    // Ids of artifacts checked against their artifacts row only (no hash in the audit log).
    QList<qint64> unrecorded() const;
    // Their ids, comma-separated, the first `most` of them ("…" after).
    QString unrecordedList(int most = 20) const;
    // Entries appended after expectedHead (0 without one).
    qint64 appendedSinceExpected() const;

    bool ok() const;
    QStringList findings() const;
    // "audit chain: N entries, head HASH" (and how it relates to expectedHead).
    QString headLine() const;
    QJsonObject toJson() const;
};
