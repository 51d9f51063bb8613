#include "AuditLogModel.h"

#include "util/TimeUtil.h"

#include <QJsonDocument>

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void AuditLogModel::setEntries(QList<AuditLog::Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void AuditLogModel::appendEntries(const QList<AuditLog::Entry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.append(entries);
    endInsertRows();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditLog::Entry &e = m_entries[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time: return TimeUtil::isoUtc(e.atUs);
        case Actor: return e.actor;
        case Action: return e.action;
        case Target: return e.target;
        case Details: {
            QString d = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
            if (role == Qt::DisplayRole && d.size() > 200)
                d = d.left(200) + QChar(0x2026);
            return d;
        }
        }
    }
    if (role == Qt::UserRole)
        return e.id;
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time (UTC)");
    case Actor: return tr("Actor");
    case Action: return tr("Action");
    case Target: return tr("Target");
    case Details: return tr("Details");
    }
    return {};
}
