#include "ArtifactCheck.h"

#include <QJsonArray>

QString ArtifactCheck::resultName(Result r)
{
    switch (r) {
    case Result::Ok: return QStringLiteral("ok");
    case Result::Mismatch: return QStringLiteral("mismatch");
    case Result::Incomplete: return QStringLiteral("incomplete");
    case Result::Missing: return QStringLiteral("missing");
    }
    return {};
}

QString ArtifactCheck::describe() const
{
    // One arg() call per text: names and hashes from the file may hold "%1" themselves.
    const QString what = name.isEmpty() ? QStringLiteral("artifact %1").arg(id)
                                        : QStringLiteral("artifact %1 (%2)").arg(QString::number(id), name);
    switch (result) {
    case Result::Ok:
        return QStringLiteral("%1 is intact: SHA-256 %2, %3 bytes%4")
            .arg(what, actual, QString::number(actualSize),
                 isRecorded ? QStringLiteral(", as audit entry %1 recorded").arg(recordedBy)
                            : QStringLiteral(" (matches its artifacts row; the audit log holds no hash for it)"));
    case Result::Incomplete:
        return QStringLiteral("%1 is incomplete: it has no recorded hash (%2 bytes now hash to %3)")
            .arg(what, QString::number(actualSize), actual);
    case Result::Missing:
    case Result::Mismatch:
        return QStringLiteral("%1: %2").arg(what, problems.join(QStringLiteral("; ")));
    }
    return what;
}

QJsonObject ArtifactCheck::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("result"), resultName(result)},
                  {QStringLiteral("expected_sha256"), expected},
                  {QStringLiteral("actual_sha256"), actual},
                  {QStringLiteral("expected_size"), expectedSize},
                  {QStringLiteral("actual_size"), actualSize},
                  {QStringLiteral("recorded"), isRecorded}};
    if (isRecorded) {
        o.insert(QStringLiteral("recorded_sha256"), recorded);
        o.insert(QStringLiteral("recorded_size"), recordedSize);
        o.insert(QStringLiteral("recorded_by"), recordedBy);
    }
    if (!problems.isEmpty())
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    return o;
}
