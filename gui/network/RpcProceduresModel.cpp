#include "RpcProceduresModel.h"

#include "NetworkText.h"

using T = NetworkText;

RpcProceduresModel::RpcProceduresModel(QObject *parent) : PcapRowsModel(parent)
{
}

int RpcProceduresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RpcProceduresModel::cell(const QJsonObject &r, int column, int role) const
{
    const auto num = [&](const char *key) -> QVariant {
        const qint64 v = T::integer(r, key);
        return role == SortRole ? QVariant(v) : QVariant(QString::number(v));
    };
    const auto latency = [&](const char *key) -> QVariant {
        const QJsonValue v = r.value(QLatin1String(key));
        if (role == SortRole)
            return v.isNull() ? qint64(-1) : v.toInteger();
        if (role == Qt::ToolTipRole)
            return tr("min %1 ms, avg %2 ms, max %3 ms")
                .arg(T::millis(r.value(QLatin1String("latency_min_us"))), T::millis(r.value(QLatin1String("latency_avg_us"))),
                     T::millis(r.value(QLatin1String("latency_max_us"))));
        return T::millis(v);
    };
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Capture:
            if (role == SortRole)
                return T::integer(r, "capture_id");
            return QStringLiteral("#%1").arg(T::integer(r, "capture_id"));
        case Program:
            if (role == SortRole)
                return T::integer(r, "program") * 100 + T::integer(r, "version");
            return T::rpcProgram(r);
        case Procedure: return T::text(r, "procedure_name");
        case Transport: return T::text(r, "transport");
        case Calls: return num("calls");
        case Replies: return num("replies");
        case Unanswered: return num("unanswered");
        case Errors: return num("errors");
        case Retransmits: return num("retransmits");
        case LatencyAvg: return latency("latency_avg_us");
        case LatencyMax: return latency("latency_max_us");
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && column >= Calls)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole) {
        if (T::integer(r, "unanswered") > 0)
            return badBrush();
        if (T::integer(r, "errors") > 0)
            return warnBrush();
    }
    return {};
}

QVariant RpcProceduresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Capture: return tr("Capture");
    case Program: return tr("Program");
    case Procedure: return tr("Procedure");
    case Transport: return tr("Via");
    case Calls: return tr("Calls");
    case Replies: return tr("Replies");
    case Unanswered: return tr("Unanswered");
    case Errors: return tr("Errors");
    case Retransmits: return tr("Retransmits");
    case LatencyAvg: return tr("Avg ms");
    case LatencyMax: return tr("Max ms");
    }
    return {};
}
