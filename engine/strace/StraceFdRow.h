#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// A file descriptor of a process and what it was: a path, a socket, a TCP
// connection, as strace -y/-yy printed it or as followed from the log's own
// calls (inferred), with how many calls used it.
struct StraceFdRow
{
    qint64 pid = 0;
    qint64 fd = 0;
    QString path;
    bool inferred = false;
    qint64 calls = 0;
    std::optional<qint64> firstUs;
    qint64 firstCallId = 0;

    QJsonObject toJson() const;
};
