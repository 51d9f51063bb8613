#pragma once

#include <QList>
#include <QString>

class SqliteDatabase;

// Integrity check of the SQLite file, re-hash of every artifact against its
// stored SHA-256, and a check of the audit-log hash chain.
class CaseVerifier
{
public:
    struct ArtifactCheck
    {
        qint64 id = 0;
        QString name;
        QString expected;
        QString actual;
        qint64 expectedSize = 0;
        qint64 actualSize = 0;
        enum class Result { Ok, Mismatch, Incomplete } result = Result::Ok;
    };
    struct Report
    {
        QStringList integrityProblems;
        QList<ArtifactCheck> artifacts;
        QString auditProblem;
        int mismatches() const;
        bool ok() const { return integrityProblems.isEmpty() && mismatches() == 0 && auditProblem.isEmpty(); }
    };

    explicit CaseVerifier(SqliteDatabase &db) : m_db(db) {}
    Report verify();

private:
    SqliteDatabase &m_db;
};
