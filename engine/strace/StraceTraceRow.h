#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// One strace log of the case (strace_traces with its host and artifact).
struct StraceTraceRow
{
    qint64 traceId = 0;
    qint64 collectionId = 0;
    QString host;
    QString name;
    std::optional<qint64> filePid;
    QString timeStyle; // none, t, tt, ttt, r, mixed
    bool hasDurations = false;
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 calls = 0;
    qint64 unfinished = 0;
    qint64 unparsed = 0;
    std::optional<qint64> firstUs;
    std::optional<qint64> lastUs;
    bool detached = false;
    bool truncatedTail = false;
    QString status; // running, complete, incomplete
    std::optional<qint64> artifactId;
    QString sha256;

    bool isComplete() const { return status == QLatin1String("complete") && !truncatedTail; }
    QJsonObject toJson() const;
};
