#pragma once

#include <QJsonObject>
#include <QString>

// Failed calls of one syscall with one errno, counted.
struct StraceErrorRow
{
    QString errnoName; // ENOENT
    QString text;      // No such file or directory
    QString syscall;
    qint64 count = 0;
    qint64 firstCallId = 0;

    QJsonObject toJson() const;
};
