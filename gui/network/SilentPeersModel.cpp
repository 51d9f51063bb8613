#include "SilentPeersModel.h"

#include "NetworkText.h"
#include "util/TimeUtil.h"

using T = NetworkText;

SilentPeersModel::SilentPeersModel(QObject *parent) : PcapRowsModel(parent)
{
}

int SilentPeersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilentPeersModel::cell(const QJsonObject &r, int column, int role) const
{
    const bool tcp = T::text(r, "protocol") == QLatin1String("tcp");
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Destination: return T::text(r, "address");
        case Capture:
            if (role == SortRole)
                return T::integer(r, "capture_id");
            return QStringLiteral("#%1").arg(T::integer(r, "capture_id"));
        case Port:
            if (role == SortRole)
                return T::integer(r, "port");
            return QStringLiteral("%1/%2").arg(T::integer(r, "port")).arg(T::text(r, "protocol"));
        case Service: return T::service(T::integer(r, "port"), T::text(r, "protocol"));
        case Attempts: return role == SortRole ? QVariant(T::integer(r, "conversations")) : QVariant(QString::number(T::integer(r, "conversations")));
        case Packets: return role == SortRole ? QVariant(T::integer(r, "packets")) : QVariant(QString::number(T::integer(r, "packets")));
        case Bytes:
            if (role == SortRole)
                return T::integer(r, "bytes");
            return role == Qt::ToolTipRole ? tr("%1 bytes on the wire").arg(T::integer(r, "bytes")) : T::bytes(T::integer(r, "bytes"));
        case Syns: {
            const qint64 syns = T::integer(r, "syn_count");
            const qint64 retries = qMax<qint64>(0, syns - T::integer(r, "conversations"));
            if (role == SortRole)
                return tcp ? syns : -1;
            if (!tcp)
                return role == Qt::ToolTipRole ? tr("Not TCP: datagrams sent, nothing came back.") : QStringLiteral("–");
            if (role == Qt::ToolTipRole)
                return tr("%1 SYNs in %2 connection attempt(s): the client retried %3 time(s) and never got a SYN-ACK or a RST.")
                    .arg(syns).arg(T::integer(r, "conversations")).arg(retries);
            return tr("%1 (%n retries)", nullptr, int(retries)).arg(syns);
        }
        case First:
            if (role == SortRole)
                return T::integer(r, "first_us");
            return role == Qt::ToolTipRole ? TimeUtil::isoUtc(T::integer(r, "first_us")) : T::clock(T::integer(r, "first_us"));
        case Span: {
            const qint64 d = T::integer(r, "last_us") - T::integer(r, "first_us");
            return role == SortRole ? QVariant(d) : QVariant(T::duration(d));
        }
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && column >= Attempts && column <= Syns)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && (column == Destination || column == Port))
        return badBrush();
    return {};
}

QVariant SilentPeersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Destination: return tr("Destination");
    case Port: return tr("Port");
    case Service: return tr("Service");
    case Attempts: return tr("Attempts");
    case Packets: return tr("Packets sent");
    case Bytes: return tr("Bytes sent");
    case Syns: return tr("SYNs");
    case First: return tr("First (UTC)");
    case Span: return tr("Kept trying for");
    case Capture: return tr("Capture");
    }
    return {};
}
