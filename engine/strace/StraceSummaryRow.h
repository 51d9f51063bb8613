#pragma once

#include <QJsonObject>
#include <QString>

// One line of a strace -c like summary: a syscall overall (pid -1) or of one process.
struct StraceSummaryRow
{
    qint64 pid = -1;
    QString syscall;
    qint64 calls = 0;
    qint64 errors = 0;
    qint64 totalUs = 0;
    qint64 avgUs = 0;
    qint64 maxUs = 0;
    double pctTime = 0;

    QJsonObject toJson() const;
};
