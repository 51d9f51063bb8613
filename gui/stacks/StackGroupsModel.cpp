#include "StackGroupsModel.h"

#include "StackDiffModel.h"

StackGroupsModel::StackGroupsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StackGroupsModel::setGroups(QList<StackGroup> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

int StackGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int StackGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StackGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StackGroup &g = m_groups[index.row()];
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Count: return role == SortRole ? QVariant(g.count) : QVariant(QString::number(g.count));
        case Comms: {
            QStringList parts;
            for (auto it = g.comms.begin(); it != g.comms.end() && parts.size() < 4; ++it)
                parts << QStringLiteral("%1×%2").arg(QString(it.key()).replace(QLatin1Char('\n'), QStringLiteral("\\n"))).arg(it.value());
            return parts.join(QStringLiteral(", "));
        }
        case Wchan: return g.topWchan();
        case Frames: {
            QStringList shown;
            for (const QString &f : g.frames.mid(0, 4))
                shown << StackDiffModel::displayFrame(f);
            return g.frames.isEmpty() ? g.signature : shown.join(QStringLiteral(" ← "));
        }
        }
    }
    if (role == Qt::ToolTipRole)
        return g.frames.isEmpty() ? g.signature : g.frames.join(QLatin1Char('\n'));
    if (role == SignatureRole)
        return g.signature;
    return {};
}

QVariant StackGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Count: return tr("Tasks");
    case Comms: return tr("Commands");
    case Wchan: return tr("Wait channel");
    case Frames: return tr("Stack (innermost first)");
    }
    return {};
}
