#include "CaseSummary.h"

#include "CaseFile.h"
#include "SqliteStatement.h"
#include "util/TimeUtil.h"

CaseSummary CaseSummary::of(CaseFile &cf)
{
    CaseSummary s;
    SqliteDatabase &db = cf.db();
    s.info = cf.info();
    s.path = cf.path();
    s.schemaVersion = cf.schemaVersion();
    s.hosts = db.queryInt(QStringLiteral("SELECT count(*) FROM hosts"));
    for (const char *st : {"running", "complete", "partial", "incomplete", "failed"})
        s.collectionsByStatus.insert(QLatin1String(st), 0);
    SqliteStatement q = db.prepare(QStringLiteral("SELECT status, count(*) FROM collections GROUP BY status"));
    while (q.step())
        s.collectionsByStatus.insert(q.text(0), q.int64(1));
    s.artifacts = db.queryInt(QStringLiteral("SELECT count(*) FROM artifacts"));
    s.artifactBytes = db.queryInt(QStringLiteral("SELECT coalesce(sum(size), 0) FROM artifacts"));
    s.findings = db.queryInt(QStringLiteral("SELECT count(*) FROM findings"));
    s.events = db.queryInt(QStringLiteral("SELECT count(*) FROM events"));
    s.notes = db.queryInt(QStringLiteral("SELECT count(*) FROM notes"));
    s.auditEntries = db.queryInt(QStringLiteral("SELECT count(*) FROM audit_log"));
    return s;
}

QJsonObject CaseSummary::toJson() const
{
    QJsonObject collections;
    for (auto it = collectionsByStatus.begin(); it != collectionsByStatus.end(); ++it)
        collections.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("uuid"), info.uuid},
        {QStringLiteral("title"), info.title},
        {QStringLiteral("summary"), info.summary},
        {QStringLiteral("severity"), info.severity},
        {QStringLiteral("status"), info.status},
        {QStringLiteral("incident_start"), TimeUtil::isoUtc(info.incidentStartUs)},
        {QStringLiteral("incident_end"), TimeUtil::isoUtc(info.incidentEndUs)},
        {QStringLiteral("created"), TimeUtil::isoUtc(info.createdUs)},
        {QStringLiteral("modified"), TimeUtil::isoUtc(info.modifiedUs)},
        {QStringLiteral("created_by"), info.createdBy},
        {QStringLiteral("schema"), schemaVersion},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("collections"), collections},
        {QStringLiteral("artifacts"), artifacts},
        {QStringLiteral("artifact_bytes"), artifactBytes},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("events"), events},
        {QStringLiteral("notes"), notes},
        {QStringLiteral("audit_entries"), auditEntries},
    };
}
