#include "VerifyReport.h"

#include <QJsonArray>

int VerifyReport::count(ArtifactCheck::Result r) const
{
    int n = 0;
    for (const ArtifactCheck &a : artifacts)
        n += a.result == r;
    return n;
}

QList<qint64> VerifyReport::unrecorded() const
{
    QList<qint64> ids;
    for (const ArtifactCheck &a : artifacts)
        if (!a.isRecorded && a.result != ArtifactCheck::Result::Incomplete)
            ids.append(a.id);
    return ids;
}

QString VerifyReport::unrecordedList(int most) const
{
    const QList<qint64> ids = unrecorded();
    QStringList out;
    for (qsizetype i = 0; i < ids.size() && i < most; ++i)
        out << QString::number(ids.at(i));
    if (ids.size() > most)
        out << QStringLiteral("…");
    return out.join(QStringLiteral(", "));
}

qint64 VerifyReport::appendedSinceExpected() const
{
    return expectedHead && headProblem.isEmpty() ? head.entries - expectedHead->entries : 0;
}

bool VerifyReport::ok() const
{
    return integrityProblems.isEmpty() && mismatches() == 0 && missing() == 0 && auditProblems.isEmpty()
        && triggerProblems.isEmpty() && headProblem.isEmpty();
}

QStringList VerifyReport::findings() const
{
    QStringList out;
    for (const QString &p : integrityProblems)
        out.append(QStringLiteral("integrity: %1").arg(p));
    for (const ArtifactCheck &a : artifacts)
        if (a.result == ArtifactCheck::Result::Mismatch || a.result == ArtifactCheck::Result::Missing)
            out.append(a.describe());
    for (const AuditChainCheck::Problem &p : auditProblems)
        out.append(p.message);
    out.append(triggerProblems);
    if (!headProblem.isEmpty())
        out.append(headProblem);
    return out;
}

QString VerifyReport::headLine() const
{
    QString line = QStringLiteral("audit chain: %1 entries, head %2").arg(head.entries).arg(head.hash);
    if (expectedHead && headProblem.isEmpty())
        line += QStringLiteral(" (extends the recorded head %1:%2, %3 entries appended since)")
                    .arg(expectedHead->entries).arg(expectedHead->hash.left(16)).arg(appendedSinceExpected());
    return line;
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray arts;
    for (const ArtifactCheck &a : artifacts)
        arts.append(a.toJson());
    QJsonArray chain;
    for (const AuditChainCheck::Problem &p : auditProblems)
        chain.append(QJsonObject{{QStringLiteral("entry"), p.id}, {QStringLiteral("problem"), p.message}});
    QJsonObject headJson{{QStringLiteral("entries"), head.entries}, {QStringLiteral("hash"), head.hash},
                         {QStringLiteral("expect"), head.toString()}};
    if (expectedHead) {
        headJson.insert(QStringLiteral("expected"), expectedHead->toString());
        headJson.insert(QStringLiteral("extends_expected"), headProblem.isEmpty());
        if (headProblem.isEmpty())
            headJson.insert(QStringLiteral("appended_since_expected"), appendedSinceExpected());
    }
    QJsonArray unrec;
    for (qint64 id : unrecorded())
        unrec.append(id);
    return {{QStringLiteral("ok"), ok()},
            {QStringLiteral("findings"), QJsonArray::fromStringList(findings())},
            {QStringLiteral("integrity"), QJsonArray::fromStringList(integrityProblems)},
            {QStringLiteral("mismatches"), mismatches()},
            {QStringLiteral("missing"), missing()},
            {QStringLiteral("incomplete"), count(ArtifactCheck::Result::Incomplete)},
            {QStringLiteral("unrecorded"), unrec},
            {QStringLiteral("audit_chain"), auditProblems.isEmpty() ? QStringLiteral("ok") : auditProblems.first().message},
            {QStringLiteral("audit_problems"), chain},
            {QStringLiteral("audit_triggers"), triggerProblems.isEmpty() ? QStringLiteral("ok") : triggerProblems.join(QStringLiteral("; "))},
            {QStringLiteral("audit_head"), headJson},
            {QStringLiteral("artifacts"), arts}};
}
