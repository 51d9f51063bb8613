#pragma once

#include <QAbstractTableModel>
#include "strace/StraceFdRow.h"

#include <QList>

// File descriptors and what they were (a path, a socket, a TCP connection),
// as strace -y/-yy said or as followed from the log's own open/dup/socket/
// close calls (marked so), per process (StraceQuery::fds()).
class StraceFdsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, Fd, Path, Calls, FirstSeen, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FirstCallIdRole };

    using Row = StraceFdRow;

    explicit StraceFdsModel(QObject *parent = nullptr);
    void setRows(const QList<StraceFdRow> &rows);
    const Row &row(int r) const { return m_rows[r]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};
