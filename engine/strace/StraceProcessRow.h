#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// A process strace saw in a collection, with its lineage and how it ended.
struct StraceProcessRow
{
    qint64 collectionId = 0;
    qint64 pid = 0; // 0: the lines that name no process (a log without pids)
    std::optional<qint64> parentPid;
    std::optional<QString> exec;
    std::optional<qint64> firstUs;
    std::optional<qint64> lastUs;
    qint64 calls = 0;
    std::optional<qint64> exitCode;
    std::optional<QString> killedBy;
    bool coreDumped = false;
    std::optional<qint64> traceId;

    bool isUnknown() const { return pid == 0; }
    QJsonObject toJson() const;
};
