#pragma once

#include "PcapRowsModel.h"

#include <QStringList>

// Programs a server's portmapper/rpcbind reported (DUMP, GETPORT, GETADDR
// replies). Port 0 means the server said the program is not registered: those
// rows are red, and notes() explains them (seed 004: status not registered).
class RpcRegistrationsModel : public PcapRowsModel
{
    Q_OBJECT
public:
    enum Column { Capture, Server, Program, Version, Protocol, Port, Source, ColumnCount };

    explicit RpcRegistrationsModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // One sentence per (server, program) reported not registered.
    QStringList notes() const;

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};
