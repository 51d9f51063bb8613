#pragma once

#include <QAbstractTableModel>
#include <QStringList>

// Hosts × stack signatures: how many tasks of each host's latest snapshot
// share each kernel stack. One row per signature, one column per host.
class FleetMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Data
    {
        QStringList hosts;
        QStringList signatures;
        QStringList labels;             // top frames of each signature
        QList<QList<int>> counts;       // [signature][host]
    };
    explicit FleetMatrixModel(QObject *parent = nullptr);
    void setData(const Data &data);
    int count(int signature, int host) const { return m_data.counts[signature][host]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Data m_data;
};
