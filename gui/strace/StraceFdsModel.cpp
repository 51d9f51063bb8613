#include "StraceFdsModel.h"

#include "StraceText.h"

#include <QFont>
#include <QLocale>

StraceFdsModel::StraceFdsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StraceFdsModel::setRows(const QList<StraceFdRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    for (Row &r : m_rows)
        r.path = StraceText::oneLine(r.path);
    endResetModel();
}

int StraceFdsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StraceFdsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StraceFdsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    if (role == SortRole) {
        switch (index.column()) {
        case Pid: return r.pid;
        case Fd: return r.fd;
        case Path: return r.path;
        case Calls: return r.calls;
        case FirstSeen: return r.firstUs.value_or(-1);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Pid: return r.pid ? QString::number(r.pid) : QStringLiteral("?");
        case Fd: return QString::number(r.fd);
        case Path: return r.path;
        case Calls: return QLocale().toString(r.calls);
        case FirstSeen: return StraceText::time(r.firstUs);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Path)
        return r.inferred ? tr("%1\nFollowed from the calls that opened it (the log was traced without -y).").arg(r.path) : r.path;
    if (role == Qt::FontRole && index.column() == Path && r.inferred) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Pid || index.column() == Fd || index.column() == Calls))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == FirstCallIdRole)
        return r.firstCallId;
    return {};
}

QVariant StraceFdsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid: return tr("PID");
    case Fd: return tr("FD");
    case Path: return tr("Refers to");
    case Calls: return tr("Calls");
    case FirstSeen: return tr("First seen (UTC)");
    }
    return {};
}
