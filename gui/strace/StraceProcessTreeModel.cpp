#include "StraceProcessTreeModel.h"

#include "StraceText.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QLocale>
#include <QSet>

StraceProcessTreeModel::StraceProcessTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
}

void StraceProcessTreeModel::setRows(const QList<StraceProcessRow> &rows)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    QHash<QPair<qint64, qint64>, int> byPid;
    for (const StraceProcessRow &o : rows) {
        Node n;
        n.collectionId = o.collectionId;
        n.pid = o.pid;
        n.parentPid = o.parentPid.value_or(0);
        n.exec = StraceText::oneLine(o.exec.value_or(QString()), 500);
        n.firstUs = o.firstUs;
        n.lastUs = o.lastUs;
        n.calls = o.calls;
        n.exitCode = o.exitCode;
        n.killedBy = StraceText::oneLine(o.killedBy.value_or(QString()), 40);
        n.core = o.coreDumped;
        byPid.insert({n.collectionId, n.pid}, int(m_nodes.size()));
        m_nodes.append(n);
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node &n = m_nodes[i];
        const int p = n.parentPid ? byPid.value({n.collectionId, n.parentPid}, -1) : -1;
        if (p < 0 || p == i)
            continue;
        // A log may claim a loop (pid reuse, a forged line): such a link is dropped.
        QSet<int> seen{i};
        int up = p;
        bool loop = false;
        while (up >= 0) {
            if (seen.contains(up)) {
                loop = true;
                break;
            }
            seen.insert(up);
            up = m_nodes[up].parent;
        }
        if (!loop)
            n.parent = p;
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].parent < 0)
            m_roots.append(i);
        else
            m_nodes[m_nodes[i].parent].children.append(i);
    }
    endResetModel();
}

QModelIndex StraceProcessTreeModel::indexOfPid(qint64 pid) const
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].pid != pid)
            continue;
        const QList<int> &siblings = childrenOf(m_nodes[i].parent);
        return createIndex(int(siblings.indexOf(i)), 0, quintptr(i));
    }
    return {};
}

QString StraceProcessTreeModel::ending(const Node &n)
{
    if (!n.killedBy.isEmpty())
        return n.core ? tr("killed by %1 (core dumped)").arg(n.killedBy) : tr("killed by %1").arg(n.killedBy);
    if (n.exitCode)
        return tr("exited with %1").arg(*n.exitCode);
    return tr("still running when the trace ended");
}

QModelIndex StraceProcessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const QList<int> &kids = childrenOf(parent.isValid() ? int(parent.internalId()) : -1);
    if (row >= kids.size())
        return {};
    return createIndex(row, column, quintptr(kids[row]));
}

QModelIndex StraceProcessTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[int(child.internalId())].parent;
    if (p < 0)
        return {};
    const QList<int> &siblings = childrenOf(m_nodes[p].parent);
    return createIndex(int(siblings.indexOf(p)), 0, quintptr(p));
}

int StraceProcessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) : -1).size());
}

int StraceProcessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StraceProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_nodes[int(index.internalId())];
    if (role == SortRole) {
        switch (index.column()) {
        case Pid: return n.pid;
        case Program: return n.exec;
        case Calls: return n.calls;
        case FirstSeen: return n.firstUs.value_or(-1);
        case LastSeen: return n.lastUs.value_or(-1);
        case Ended: return ending(n);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Pid: return n.pid ? QString::number(n.pid) : tr("? (no pid in the log)");
        case Program: return n.exec.isEmpty() ? tr("(no execve seen)") : n.exec;
        case Calls: return QLocale().toString(n.calls);
        case FirstSeen: return StraceText::time(n.firstUs);
        case LastSeen: return StraceText::time(n.lastUs);
        case Ended: return ending(n);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Program && !n.exec.isEmpty())
        return n.exec;
    if (role == Qt::TextAlignmentRole && index.column() == Calls)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ForegroundRole && index.column() == Ended && !n.killedBy.isEmpty())
        return QBrush(QColor(200, 40, 40));
    if (role == PidRole)
        return n.pid;
    return {};
}

QVariant StraceProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid: return tr("PID");
    case Program: return tr("Executed");
    case Calls: return tr("Calls");
    case FirstSeen: return tr("First seen (UTC)");
    case LastSeen: return tr("Last seen (UTC)");
    case Ended: return tr("Ended");
    }
    return {};
}
