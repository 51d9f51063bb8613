#pragma once

#include "PcapRowsModel.h"

// Destinations (address, protocol, port) that were sent packets in every
// conversation and never sent one back: for TCP, SYNs without a SYN-ACK.
class SilentPeersModel : public PcapRowsModel
{
    Q_OBJECT
public:
    enum Column { Capture, Destination, Port, Service, Attempts, Packets, Bytes, Syns, First, Span, ColumnCount };

    explicit SilentPeersModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};
