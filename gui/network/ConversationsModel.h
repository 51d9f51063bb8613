#pragma once

#include "PcapRowsModel.h"

// Conversations of the shown capture(s): one row per 5-tuple with packets and
// bytes each way and the TCP handshake outcome. Refused connections are
// tinted amber; unanswered ones (and UDP flows nobody answered) red.
class ConversationsModel : public PcapRowsModel
{
    Q_OBJECT
public:
    enum Column { Capture, Protocol, SideA, SideB, Service, Outcome, PacketsAB, BytesAB, PacketsBA, BytesBA, Start, Duration, Details, ColumnCount };

    explicit ConversationsModel(QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "completed", "refused (RST)", "unanswered (4 SYNs)", "no reply"...
    static QString outcome(const QJsonObject &row);
    // refused/ICMP-unreachable: 1; unanswered/no reply: 2; else 0.
    static int trouble(const QJsonObject &row);

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};
