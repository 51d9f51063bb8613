#include "CaseVerifier.h"

#include "ArtifactReader.h"
#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/CancelToken.h"
#include "util/CaseError.h"
#include "util/Sha256.h"

namespace {
// One read transaction, so artifacts, chunks and the audit log are read as of one moment.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(SqliteDatabase &db) : m_db(db), m_owner(!db.inTransaction())
    {
        if (m_owner)
            m_db.exec(QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot()
    {
        if (m_owner) {
            try {
                m_db.exec(QStringLiteral("COMMIT"));
            } catch (...) {
            }
        }
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    SqliteDatabase &m_db;
    bool m_owner;
};

void throwIfCancelled(const CancelToken *cancel)
{
    if (cancel && cancel->isCancelled())
        throw CaseError(QStringLiteral("verification cancelled"));
}

const char *const kAuditTriggers[] = {"audit_log_no_update", "audit_log_no_delete"};
}

CaseVerifier::Report CaseVerifier::verify(const std::optional<AuditHead> &expectHead, const CancelToken *cancel)
{
    ReadSnapshot snapshot(m_db);
    Report report;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral("PRAGMA integrity_check(50)"));
        while (st.step()) {
            if (st.text(0) != QLatin1String("ok"))
                report.integrityProblems << st.text(0);
        }
    }
    report.auditProblems = AuditChainCheck(m_db).run();
    report.triggerProblems = triggerProblems();
    report.head = AuditHead::of(m_db);
    if (expectHead) {
        report.expectedHead = expectHead;
        report.headProblem = headProblem(report.head, *expectHead);
    }
    QMap<qint64, QList<ArtifactRecords::Record>> records = ArtifactRecords::fromAuditLog(m_db);
    for (const ArtifactInfo &a : ArtifactReader(m_db).list()) {
        throwIfCancelled(cancel);
        report.artifacts.append(check(a, records.take(a.id), cancel));
    }
    // What the audit log recorded and the artifacts table no longer has.
    for (auto it = records.constBegin(); it != records.constEnd(); ++it) {
        const ArtifactRecords::Record &last = it.value().constLast();
        ArtifactCheck c;
        c.id = it.key();
        c.result = ArtifactCheck::Result::Missing;
        c.isRecorded = last.hashed();
        c.recorded = last.sha256;
        c.recordedSize = last.size;
        c.recordedBy = last.auditEntry;
        c.problems << (last.hashed() ? QStringLiteral("audit entry %1 recorded it (SHA-256 %2, %3 bytes) but the case no longer has it: "
                                                      "it was deleted or its row renumbered")
                                           .arg(QString::number(last.auditEntry), last.sha256, QString::number(last.size))
                                     : QStringLiteral("audit entry %1 recorded it but the case no longer has it: "
                                                      "it was deleted or its row renumbered").arg(last.auditEntry));
        report.artifacts.append(c);
    }
    return report;
}

CaseVerifier::ArtifactCheck CaseVerifier::checkArtifact(const ArtifactInfo &artifact, const CancelToken *cancel)
{
    ReadSnapshot snapshot(m_db);
    return check(artifact, ArtifactRecords::forArtifact(m_db, artifact.id), cancel);
}

CaseVerifier::ArtifactCheck CaseVerifier::check(const ArtifactInfo &a, const QList<ArtifactRecords::Record> &records,
                                                const CancelToken *cancel)
{
    ArtifactCheck c;
    c.id = a.id;
    c.name = a.name;
    c.expected = a.sha256;
    c.expectedSize = a.size;
    Sha256 h;
    ArtifactReader(m_db).forEachChunk(a.id, [&](QByteArrayView chunk) {
        h.addData(chunk);
        c.actualSize += chunk.size();
        return !(cancel && cancel->isCancelled());
    });
    throwIfCancelled(cancel);
    c.actual = h.hexResult();

    // The last hash recorded is in force; only a redacted copy may record another one later.
    const ArtifactRecords::Record *inForce = nullptr;
    for (const ArtifactRecords::Record &r : records) {
        if (!r.hashed())
            continue;
        if (inForce && r.action != QLatin1String("export-redacted") && r.sha256 != inForce->sha256)
            c.problems << QStringLiteral("audit entry %1 recorded SHA-256 %2 for it after entry %3 had recorded %4")
                              .arg(QString::number(r.auditEntry), r.sha256, QString::number(inForce->auditEntry), inForce->sha256);
        inForce = &r;
    }
    auto sized = [](const QString &sha, qint64 size) {
        return size >= 0 ? QStringLiteral("%1 (%2 bytes)").arg(sha.isEmpty() ? QStringLiteral("(none)") : sha, QString::number(size))
                         : sha + QStringLiteral(" (size not recorded)");
    };
    const bool rowMatchesBytes = a.sha256 == c.actual && a.size == c.actualSize;
    if (inForce) {
        c.isRecorded = true;
        c.recorded = inForce->sha256;
        c.recordedSize = inForce->size;
        c.recordedBy = inForce->auditEntry;
        const bool sizeKnown = c.recordedSize >= 0;
        const bool bytesDiffer = c.actual != c.recorded || (sizeKnown && c.actualSize != c.recordedSize);
        const bool rowDiffers = a.sha256 != c.recorded || (sizeKnown && a.size != c.recordedSize);
        if (bytesDiffer)
            c.problems << QStringLiteral("its bytes hash to %1, audit entry %2 recorded %3")
                              .arg(sized(c.actual, c.actualSize), QString::number(c.recordedBy), sized(c.recorded, c.recordedSize));
        if (bytesDiffer && rowDiffers && rowMatchesBytes)
            c.problems << QStringLiteral("its artifacts row was rewritten to match them");
        else if (rowDiffers)
            c.problems << QStringLiteral("its artifacts row says %1, audit entry %2 recorded %3")
                              .arg(sized(a.sha256, a.size), QString::number(c.recordedBy), sized(c.recorded, c.recordedSize));
    } else if (!a.sha256.isEmpty() ? !rowMatchesBytes : a.size != c.actualSize) {
        c.problems << QStringLiteral("its bytes hash to %1, its artifacts row says %2")
                          .arg(sized(c.actual, c.actualSize), sized(a.sha256, a.size));
    }
    if (!c.problems.isEmpty())
        c.result = ArtifactCheck::Result::Mismatch;
    else if (!a.complete || a.sha256.isEmpty())
        c.result = ArtifactCheck::Result::Incomplete;
    else
        c.result = ArtifactCheck::Result::Ok;
    return c;
}

QStringList CaseVerifier::triggerProblems()
{
    QStringList problems;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name = ?"));
    for (const char *name : kAuditTriggers) {
        st.bind(1, QString::fromLatin1(name));
        const bool present = st.step() && st.text(0).contains(QLatin1String("RAISE(ABORT"), Qt::CaseInsensitive);
        st.reset();
        if (!present)
            problems << QStringLiteral("the audit log's append-only trigger %1 was removed or changed").arg(QLatin1String(name));
    }
    return problems;
}

QString CaseVerifier::headProblem(const AuditHead &now, const AuditHead &expected)
{
    if (now.entries < expected.entries)
        return QStringLiteral("the audit chain has %1 entries, fewer than the %2 of the recorded head %3: "
                              "entries were cut off its end").arg(now.entries).arg(expected.entries).arg(expected.hash);
    const QString there = AuditHead::hashOfEntry(m_db, expected.entries);
    if (!expected.matches(there))
        return QStringLiteral("audit entry %1 hashes to %2, not to the recorded head %3: the chain was rewritten up to there")
            .arg(QString::number(expected.entries), there, expected.hash);
    return {};
}
