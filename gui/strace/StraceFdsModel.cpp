#include "StraceFdsModel.h"

#include "StraceText.h"

#include <QJsonObject>
#include <QLocale>

StraceFdsModel::StraceFdsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StraceFdsModel::setRows(const QJsonArray &rows)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        m_rows.append({StraceText::toInt(o.value(QStringLiteral("pid"))), StraceText::toInt(o.value(QStringLiteral("fd"))),
                       StraceText::oneLine(o.value(QStringLiteral("path")).toString()),
                       StraceText::toInt(o.value(QStringLiteral("calls"))), o.value(QStringLiteral("first_us")),
                       StraceText::toInt(o.value(QStringLiteral("first_call_id")))});
    }
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
        case FirstSeen: return r.firstUs.isDouble() ? StraceText::toInt(r.firstUs) : qint64(-1);
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
        return r.path;
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
