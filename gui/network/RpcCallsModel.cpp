#include "RpcCallsModel.h"

#include "NetworkText.h"
#include "util/TimeUtil.h"

using T = NetworkText;

RpcCallsModel::RpcCallsModel(QObject *parent) : PcapRowsModel(parent)
{
}

int RpcCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RpcCallsModel::isUnanswered(const QJsonObject &r)
{
    const QJsonValue v = r.value(QLatin1String("reply_us"));
    return v.isNull() || v.isUndefined();
}

QVariant RpcCallsModel::cell(const QJsonObject &r, int column, int role) const
{
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Capture:
            if (role == SortRole)
                return T::integer(r, "capture_id");
            return QStringLiteral("#%1").arg(T::integer(r, "capture_id"));
        case Time:
            if (role == SortRole)
                return T::integer(r, "call_us");
            return role == Qt::ToolTipRole ? TimeUtil::isoUtc(T::integer(r, "call_us")) : T::clock(T::integer(r, "call_us"));
        case Client: return T::text(r, "client");
        case Server: return T::text(r, "server");
        case Program:
            if (role == SortRole)
                return T::integer(r, "program") * 100 + T::integer(r, "version");
            return T::rpcProgram(r);
        case Procedure: {
            const QString ops = T::text(r, "operations");
            const QString name = T::text(r, "procedure_name");
            return ops.isEmpty() || role == SortRole ? name : QStringLiteral("%1 (%2)").arg(name, ops);
        }
        case Xid:
            if (role == SortRole)
                return T::integer(r, "xid");
            return QStringLiteral("0x%1").arg(quint32(T::integer(r, "xid")), 8, 16, QLatin1Char('0'));
        case Status:
            if (isUnanswered(r) && role != SortRole)
                return tr("no reply");
            return T::text(r, "status");
        case Latency:
            if (role == SortRole)
                return isUnanswered(r) ? qint64(-1) : T::integer(r, "latency_us");
            return isUnanswered(r) ? QStringLiteral("–") : T::duration(T::integer(r, "latency_us"));
        case Retransmits:
            return role == SortRole ? QVariant(T::integer(r, "retransmits")) : QVariant(QString::number(T::integer(r, "retransmits")));
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (column == Latency || column == Retransmits))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole) {
        if (isUnanswered(r))
            return badBrush();
        if (T::text(r, "status") != QLatin1String("success"))
            return warnBrush();
    }
    return {};
}

QVariant RpcCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Capture: return tr("Capture");
    case Time: return tr("Called (UTC)");
    case Client: return tr("Client");
    case Server: return tr("Server");
    case Program: return tr("Program");
    case Procedure: return tr("Procedure");
    case Xid: return tr("XID");
    case Status: return tr("Status");
    case Latency: return tr("Latency");
    case Retransmits: return tr("Retransmits");
    }
    return {};
}
