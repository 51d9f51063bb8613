#pragma once

#include <QAbstractTableModel>
#include "strace/StraceErrorRow.h"

#include <QList>

// Failed calls grouped by errno and syscall (StraceQuery::errors()).
class StraceErrorsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Errno, Syscall, Count, Meaning, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FirstCallIdRole };

    using Row = StraceErrorRow;

    explicit StraceErrorsModel(QObject *parent = nullptr);
    void setRows(const QList<StraceErrorRow> &rows);
    const Row &row(int r) const { return m_rows[r]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};
