#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// One artifact as verify found it: its bytes now, its artifacts row and what
// the audit log recorded when it was completed.
struct ArtifactCheck
{
    enum class Result {
        Ok,         // bytes, row and audit record agree
        Mismatch,   // something differs (problems says what)
        Incomplete, // never completed: no hash to compare with
        Missing,    // recorded in the audit log, gone from the artifacts table
    };

    qint64 id = 0;
    QString name;
    QString expected; // artifacts.sha256
    qint64 expectedSize = 0;
    QString actual;   // SHA-256 of the bytes now
    qint64 actualSize = 0;
    bool isRecorded = false; // the audit log has a hash for it
    QString recorded;        // SHA-256 the audit log recorded
    qint64 recordedSize = -1; // -1: not recorded (older cases)
    qint64 recordedBy = 0;    // the audit entry that recorded it
    Result result = Result::Ok;
    QStringList problems; // what differs, in words

    static QString resultName(Result r);
    // One line naming the artifact and what verify found.
    QString describe() const;
    QJsonObject toJson() const;
};
