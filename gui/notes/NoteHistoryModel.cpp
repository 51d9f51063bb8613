#include "NoteHistoryModel.h"

#include "util/TimeUtil.h"

#include <algorithm>

NoteHistoryModel::NoteHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void NoteHistoryModel::setVersions(QList<NoteHistory::Version> oldestFirst)
{
    beginResetModel();
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    m_versions = std::move(oldestFirst);
    endResetModel();
}

int NoteHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int NoteHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoteHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoteHistory::Version &v = m_versions[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When: return TimeUtil::fromUs(v.atUs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Who: return v.actor;
        case Change:
            if (v.action == QLatin1String("created"))
                return tr("created");
            if (v.action == QLatin1String("deleted"))
                return tr("deleted");
            return tr("edited");
        case Lines: return tr("+%1 −%2").arg(v.linesAdded).arg(v.linesRemoved);
        case Title: return v.title;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 by %2, audit log entry %3").arg(TimeUtil::isoUtc(v.atUs), v.actor).arg(v.auditId);
    } else if (role == Qt::TextAlignmentRole && index.column() == Lines) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant NoteHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return tr("When (UTC)");
    case Who: return tr("Who");
    case Change: return tr("Change");
    case Lines: return tr("Lines");
    case Title: return tr("Title");
    }
    return {};
}
