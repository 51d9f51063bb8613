#include "FleetMatrixModel.h"

#include <QBrush>
#include <QColor>

FleetMatrixModel::FleetMatrixModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void FleetMatrixModel::setData(const Data &data)
{
    beginResetModel();
    m_data = data;
    endResetModel();
}

int FleetMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.signatures.size());
}

int FleetMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.hosts.size());
}

QVariant FleetMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int n = m_data.counts[index.row()][index.column()];
    if (role == Qt::DisplayRole)
        return n ? QString::number(n) : QString();
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignCenter);
    if (role == Qt::BackgroundRole && n)
        return QBrush(QColor(230, 80, 60, std::min(40 + n * 20, 200)));
    if (role == Qt::ToolTipRole)
        return tr("%1 tasks on %2 share this stack").arg(n).arg(m_data.hosts[index.column()]);
    return {};
}

QVariant FleetMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole)
        return orientation == Qt::Horizontal ? m_data.hosts.value(section) : m_data.labels.value(section);
    if (role == Qt::ToolTipRole && orientation == Qt::Vertical)
        return m_data.signatures.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}
