#pragma once

#include "analysis/StackGroup.h"

#include <QAbstractTableModel>

// Stack groups of a snapshot: tasks sharing one kernel stack, largest first.
class StackGroupsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Count, Comms, Wchan, Frames, ColumnCount };
    enum Role { SignatureRole = Qt::UserRole + 1, SortRole };

    explicit StackGroupsModel(QObject *parent = nullptr);
    void setGroups(QList<StackGroup> groups);
    const StackGroup &group(int row) const { return m_groups[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StackGroup> m_groups;
};
