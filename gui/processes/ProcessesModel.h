#pragma once

#include "procfs/ProcTask.h"

#include <QAbstractTableModel>

// The tasks of one procfs snapshot. D (uninterruptible) rows are tinted red,
// Z (zombie, also D-looking zombies) amber.
class ProcessesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, Tid, State, Comm, Wchan, User, PidNs, Cgroup, Stack, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, SortRole };

    explicit ProcessesModel(QObject *parent = nullptr);
    void setTasks(QList<ProcTask> tasks);
    const ProcTask &task(int row) const { return m_tasks[row]; }
    const QList<ProcTask> &tasks() const { return m_tasks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString displayState(const ProcTask &t);

private:
    QList<ProcTask> m_tasks;
};
