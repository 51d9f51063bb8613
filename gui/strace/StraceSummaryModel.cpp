#include "StraceSummaryModel.h"

#include "StraceText.h"

#include <QLocale>

StraceSummaryModel::StraceSummaryModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void StraceSummaryModel::setRows(const QList<StraceSummaryRow> &rows, bool perProcess)
{
    beginResetModel();
    m_perProcess = perProcess;
    m_rows = rows;
    for (Row &r : m_rows)
        r.syscall = StraceText::oneLine(r.syscall, 60);
    endResetModel();
}

qint64 StraceSummaryModel::totalCalls() const
{
    qint64 n = 0;
    for (const Row &r : m_rows)
        n += r.calls;
    return n;
}

qint64 StraceSummaryModel::totalErrors() const
{
    qint64 n = 0;
    for (const Row &r : m_rows)
        n += r.errors;
    return n;
}

qint64 StraceSummaryModel::totalUs() const
{
    qint64 n = 0;
    for (const Row &r : m_rows)
        n += r.totalUs;
    return n;
}

int StraceSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StraceSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StraceSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    if (role == SortRole) {
        switch (index.column()) {
        case Pid: return r.pid;
        case Syscall: return r.syscall;
        case Calls: return r.calls;
        case Errors: return r.errors;
        case Total: return r.totalUs;
        case Average: return r.avgUs;
        case Max: return r.maxUs;
        case PercentTime: return r.pctTime;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Pid: return r.pid < 0 ? tr("all") : QString::number(r.pid);
        case Syscall: return r.syscall;
        case Calls: return QLocale().toString(r.calls);
        case Errors: return r.errors ? QLocale().toString(r.errors) : QString();
        case Total: return StraceText::duration(r.totalUs);
        case Average: return StraceText::duration(r.avgUs);
        case Max: return StraceText::duration(r.maxUs);
        case PercentTime: return QStringLiteral("%1 %").arg(r.pctTime, 0, 'f', 2);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != Syscall)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QVariant StraceSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && (section == Total || section == Average || section == Max || section == PercentTime))
        return tr("Time inside the call as strace -T measured it (completed calls only).");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid: return tr("PID");
    case Syscall: return tr("Syscall");
    case Calls: return tr("Calls");
    case Errors: return tr("Errors");
    case Total: return tr("Total time");
    case Average: return tr("Average");
    case Max: return tr("Longest");
    case PercentTime: return tr("% time");
    }
    return {};
}
