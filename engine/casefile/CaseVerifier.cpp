#include "CaseVerifier.h"

#include "ArtifactReader.h"
#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"

#include "util/Sha256.h"

int CaseVerifier::Report::mismatches() const
{
    int n = 0;
    for (const ArtifactCheck &a : artifacts)
        n += a.result == ArtifactCheck::Result::Mismatch;
    return n;
}

CaseVerifier::Report CaseVerifier::verify()
{
    Report report;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral("PRAGMA integrity_check(50)"));
        while (st.step()) {
            if (st.text(0) != QLatin1String("ok"))
                report.integrityProblems << st.text(0);
        }
    }
    ArtifactReader reader(m_db);
    for (const ArtifactInfo &a : reader.list()) {
        ArtifactCheck check;
        check.id = a.id;
        check.name = a.name;
        check.expected = a.sha256;
        check.expectedSize = a.size;
        Sha256 h;
        reader.forEachChunk(a.id, [&](QByteArrayView chunk) {
            h.addData(chunk);
            check.actualSize += chunk.size();
            return true;
        });
        check.actual = QString::fromLatin1(h.result().toHex());
        if (!a.complete && a.sha256.isEmpty())
            check.result = ArtifactCheck::Result::Incomplete;
        else if (check.actual != check.expected || check.actualSize != check.expectedSize)
            check.result = ArtifactCheck::Result::Mismatch;
        else
            check.result = a.complete ? ArtifactCheck::Result::Ok : ArtifactCheck::Result::Incomplete;
        report.artifacts.append(check);
    }
    AuditLog(m_db).verifyChain(&report.auditProblem);
    return report;
}
