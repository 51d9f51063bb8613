#pragma once

#include "ArtifactRecords.h"
#include "VerifyReport.h"

#include <optional>

class CancelToken;
class SqliteDatabase;
struct ArtifactInfo;

// Proves what the case file can prove on its own: the SQLite file is sound,
// every artifact's bytes hash to what the audit log recorded when it was
// completed (and to its artifacts row), no recorded artifact is gone, and the
// audit chain is whole and in order. Given a head recorded elsewhere, it also
// proves the chain still extends it (nothing cut off its end, nothing up to
// it rewritten). docs/case-file.md, "What verify can prove".
class CaseVerifier
{
public:
    using Report = VerifyReport;
    using ArtifactCheck = ::ArtifactCheck;

    explicit CaseVerifier(SqliteDatabase &db) : m_db(db) {}

    // Throws CaseError when cancelled.
    Report verify(const std::optional<AuditHead> &expectHead = std::nullopt, const CancelToken *cancel = nullptr);
    // One artifact: its bytes against its row and its audit records.
    ArtifactCheck checkArtifact(const ArtifactInfo &artifact, const CancelToken *cancel = nullptr);

private:
    ArtifactCheck check(const ArtifactInfo &artifact, const QList<ArtifactRecords::Record> &records, const CancelToken *cancel);
    QStringList triggerProblems();
    QString headProblem(const AuditHead &now, const AuditHead &expected);

    SqliteDatabase &m_db;
};
