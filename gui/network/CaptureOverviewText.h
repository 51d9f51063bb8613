#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The capinfos-like facts of one capture as plain text: source, format,
// packets and bytes, first/last packet and duration, interfaces, protocol
// counts, busiest service ports, warnings and the findings drawn from it.
class CaptureOverviewText
{
    Q_DECLARE_TR_FUNCTIONS(CaptureOverviewText)

public:
    // ports and findings may hold rows of other captures; only this one's are used.
    static QString build(const QJsonObject &capture, const QString &hostName, const QJsonArray &ports, const QJsonArray &findings);
    // "capture 2 was cut short" style headline for the warning banner; "" when clean.
    static QString problem(const QJsonObject &capture);
};
