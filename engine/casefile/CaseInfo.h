#pragma once

#include <QString>
#include <QStringList>

// Case metadata: one row of case_info.
struct CaseInfo
{
    QString uuid;
    QString title;
    QString summary;
    QString severity = QStringLiteral("unknown"); // unknown, sev1..sev5
    QString status = QStringLiteral("open");      // open, investigating, mitigated, resolved, closed
    qint64 incidentStartUs = 0;                   // 0 = not set
    qint64 incidentEndUs = 0;
    qint64 createdUs = 0;
    qint64 modifiedUs = 0;
    QString createdBy;

    static QStringList severities();
    static QStringList statuses();
};

inline QStringList CaseInfo::severities()
{
    return {QStringLiteral("unknown"), QStringLiteral("sev1"), QStringLiteral("sev2"), QStringLiteral("sev3"),
            QStringLiteral("sev4"), QStringLiteral("sev5")};
}

inline QStringList CaseInfo::statuses()
{
    return {QStringLiteral("open"), QStringLiteral("investigating"), QStringLiteral("mitigated"),
            QStringLiteral("resolved"), QStringLiteral("closed")};
}
