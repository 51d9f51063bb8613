#pragma once

#include <QAbstractItemModel>
#include "strace/StraceProcessRow.h"

#include <QList>

// The processes strace saw, as a tree: a child under the process whose
// fork/vfork/clone returned its PID, with what it exec'd, how many calls it
// made, when it was first and last seen and how it ended (exit code, killed
// by a signal, or still running when the trace ended).
class StraceProcessTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Pid, Program, Calls, FirstSeen, LastSeen, Ended, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, PidRole };

    struct Node
    {
        qint64 collectionId = 0;
        qint64 pid = 0;
        qint64 parentPid = 0; // 0: unknown
        QString exec;
        std::optional<qint64> firstUs;
        std::optional<qint64> lastUs;
        qint64 calls = 0;
        std::optional<qint64> exitCode;
        QString killedBy;
        bool core = false;
        int parent = -1; // index into nodes, -1 = top level
        QList<int> children;
    };

    explicit StraceProcessTreeModel(QObject *parent = nullptr);
    void setRows(const QList<StraceProcessRow> &rows);
    int processCount() const { return int(m_nodes.size()); }
    // The index of a process (column 0), invalid if not shown.
    QModelIndex indexOfPid(qint64 pid) const;
    static QString ending(const Node &n);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QList<int> &childrenOf(int node) const { return node < 0 ? m_roots : m_nodes[node].children; }
    QList<Node> m_nodes;
    QList<int> m_roots;
};
