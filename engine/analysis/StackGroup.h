#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Tasks sharing one kernel stack (offsets ignored unless asked otherwise).
// Tasks whose stack was read but empty form the group "no-stack:empty";
// tasks whose stack could not be read form no group (StackGrouper::notRead).
struct StackGroup
{
    QString signature;           // StackFrames::signature, or "no-stack:empty"
    qint64 stackId = 0;          // procfs_stacks.id when stored
    QStringList frames;          // innermost first
    int count = 0;
    QList<qint64> taskIds;       // procfs_tasks.id
    QList<qint64> tids;
    QMap<QString, int> comms;    // comm -> tasks
    QMap<QString, int> wchans;
    QMap<QString, int> states;   // stat state letter -> tasks

    QString topComm() const;
    QString topWchan() const;
};
