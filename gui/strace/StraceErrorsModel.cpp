#include "StraceErrorsModel.h"

#include "StraceText.h"

#include <QLocale>

StraceErrorsModel::StraceErrorsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StraceErrorsModel::setRows(const QList<StraceErrorRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    for (Row &r : m_rows) {
        r.errnoName = StraceText::oneLine(r.errnoName, 40);
        r.text = StraceText::oneLine(r.text, 200);
        r.syscall = StraceText::oneLine(r.syscall, 60);
    }
    endResetModel();
}

int StraceErrorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StraceErrorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StraceErrorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Errno: return r.errnoName;
        case Syscall: return r.syscall;
        case Count: return role == SortRole ? QVariant(r.count) : QVariant(QLocale().toString(r.count));
        case Meaning: return r.text;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == Count)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == Errno)
        return tr("Double-click to search every call that failed with %1").arg(r.errnoName);
    if (role == FirstCallIdRole)
        return r.firstCallId;
    return {};
}

QVariant StraceErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Errno: return tr("Error");
    case Syscall: return tr("Syscall");
    case Count: return tr("Failed calls");
    case Meaning: return tr("Meaning");
    }
    return {};
}
