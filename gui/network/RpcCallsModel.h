#pragma once

#include "PcapRowsModel.h"

// Individual ONC RPC calls (pcap_rpc_calls): who called which procedure,
// when, and whether and how fast it was answered. Unanswered calls are red.
class RpcCallsModel : public PcapRowsModel
{
    Q_OBJECT
public:
    enum Column { Capture, Time, Client, Server, Program, Procedure, Xid, Status, Latency, Retransmits, ColumnCount };

    explicit RpcCallsModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static bool isUnanswered(const QJsonObject &row);

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};
