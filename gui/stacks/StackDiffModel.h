#pragma once

#include "analysis/StackDiff.h"

#include <QAbstractTableModel>

// Two stacks side by side, innermost frame first, the shared outer call path
// aligned at the bottom; frames only one side has are marked.
class StackDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { A, B, ColumnCount };
    enum Role { DiffersRole = Qt::UserRole + 1 };

    explicit StackDiffModel(QObject *parent = nullptr);
    void setResult(const StackDiff::Result &result);
    const StackDiff::Result &result() const { return m_result; }
    int differingRows() const;
    static QString displayFrame(const QString &frame);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString a, b;
        bool differs = false;
    };
    StackDiff::Result m_result;
    QList<Row> m_rows;
};
