#pragma once

#include <QAbstractTableModel>
#include "strace/StraceSummaryRow.h"

#include <QList>

// What strace -c shows, from StraceQuery::summary(): per syscall (and per
// process when perProcess) calls, errors, total/average/longest time and
// the share of the time. Durations are those strace measured (-T).
class StraceSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, Syscall, Calls, Errors, Total, Average, Max, PercentTime, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    using Row = StraceSummaryRow;

    explicit StraceSummaryModel(QObject *parent = nullptr);
    void setRows(const QList<StraceSummaryRow> &rows, bool perProcess);
    bool isPerProcess() const { return m_perProcess; }
    const Row &row(int r) const { return m_rows[r]; }
    qint64 totalCalls() const;
    qint64 totalErrors() const;
    qint64 totalUs() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    bool m_perProcess = false;
};
