#pragma once

#include "PcapRowsModel.h"

// ONC RPC per program/version/procedure: calls, replies, unanswered, errors
// and reply latency. Procedures with unanswered calls are tinted red.
class RpcProceduresModel : public PcapRowsModel
{
    Q_OBJECT
public:
    enum Column { Capture, Program, Procedure, Transport, Calls, Replies, Unanswered, Errors, Retransmits, LatencyAvg, LatencyMax, ColumnCount };

    explicit RpcProceduresModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};
