#pragma once

#include "CaseInfo.h"

#include <QJsonObject>
#include <QMap>

class CaseFile;

// Counts and metadata describing a case at a glance (casectl info, the GUI's
// case overview).
struct CaseSummary
{
    CaseInfo info;
    QString path;
    int schemaVersion = 0;
    qint64 hosts = 0;
    QMap<QString, qint64> collectionsByStatus; // running/complete/incomplete/failed
    qint64 artifacts = 0;
    qint64 artifactBytes = 0;
    qint64 findings = 0;
    qint64 events = 0;
    qint64 notes = 0;
    qint64 auditEntries = 0;

    static CaseSummary of(CaseFile &caseFile);
    QJsonObject toJson() const;
};
