#include "ProcessesModel.h"

#include <QBrush>
#include <QColor>

ProcessesModel::ProcessesModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ProcessesModel::setTasks(QList<ProcTask> tasks)
{
    beginResetModel();
    m_tasks = std::move(tasks);
    endResetModel();
}

int ProcessesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int ProcessesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessesModel::displayState(const ProcTask &t)
{
    // A zombie thread that stat still reports as D is shown as Z (D).
    return t.isZombieInDisguise() ? QStringLiteral("Z (D)") : t.state;
}

QVariant ProcessesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcTask &t = m_tasks[index.row()];
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Pid: return role == SortRole ? QVariant(t.pid) : QVariant(QString::number(t.pid));
        case Tid: return role == SortRole ? QVariant(t.tid) : QVariant(QString::number(t.tid));
        case State: return displayState(t);
        // Untrusted names: shown as plain text, newlines made visible.
        case Comm: return QString(t.comm).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        case Wchan: return t.wchan;
        case User: return t.user.isEmpty() && t.uid >= 0 ? QString::number(t.uid) : t.user;
        case PidNs: return role == SortRole ? QVariant(t.pidns) : QVariant(t.pidns ? QString::number(t.pidns) : QString());
        case Cgroup: return t.cgroup;
        case Stack:
            if (role == Qt::ToolTipRole && !t.stackRaw.isEmpty())
                return t.stackRaw.join(QLatin1Char('\n'));
            return t.stackStatus == QLatin1String("ok") ? t.stackRaw.value(0) : t.stackStatus;
        }
    }
    if (role == Qt::BackgroundRole) {
        if (t.isZombieInDisguise() || t.state == QLatin1String("Z"))
            return QBrush(QColor(255, 190, 60, 90));
        if (t.state == QLatin1String("D"))
            return QBrush(QColor(230, 60, 60, 80));
    }
    if (role == TaskIdRole)
        return t.id;
    return {};
}

QVariant ProcessesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid: return tr("PID");
    case Tid: return tr("TID");
    case State: return tr("State");
    case Comm: return tr("Command");
    case Wchan: return tr("Wait channel");
    case User: return tr("User");
    case PidNs: return tr("PID ns");
    case Cgroup: return tr("Cgroup");
    case Stack: return tr("Top of stack");
    }
    return {};
}
