#include "ConversationsModel.h"

#include "NetworkText.h"
#include "util/TimeUtil.h"

using T = NetworkText;

ConversationsModel::ConversationsModel(QObject *parent) : PcapRowsModel(parent)
{
}

int ConversationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConversationsModel::outcome(const QJsonObject &r)
{
    const QString hs = T::text(r, "handshake");
    const qint64 syns = T::integer(r, "syn_count");
    if (hs == QLatin1String("completed"))
        return tr("completed");
    if (hs == QLatin1String("refused"))
        return tr("refused (RST)");
    if (hs == QLatin1String("unanswered"))
        return tr("unanswered (SYN ×%1)").arg(syns);
    if (hs == QLatin1String("incomplete"))
        return tr("incomplete");
    if (hs == QLatin1String("midstream"))
        return tr("mid-stream");
    if (T::integer(r, "icmp_unreachable") > 0)
        return tr("ICMP unreachable");
    if (T::text(r, "protocol") == QLatin1String("udp"))
        return T::integer(r, "packets_ba") == 0 ? tr("no reply") : tr("answered");
    return hs;
}

int ConversationsModel::trouble(const QJsonObject &r)
{
    const QString hs = T::text(r, "handshake");
    if (hs == QLatin1String("unanswered"))
        return 2;
    if (hs == QLatin1String("refused") || T::integer(r, "icmp_unreachable") > 0)
        return 1;
    if (hs.isEmpty() && T::text(r, "protocol") == QLatin1String("udp") && T::integer(r, "packets_ba") == 0)
        return 2;
    return 0;
}

QVariant ConversationsModel::cell(const QJsonObject &r, int column, int role) const
{
    const auto num = [&](const char *key) -> QVariant {
        const qint64 v = T::integer(r, key);
        return role == SortRole ? QVariant(v) : QVariant(QString::number(v));
    };
    const auto size = [&](const char *key) -> QVariant {
        const qint64 v = T::integer(r, key);
        if (role == SortRole)
            return v;
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes on the wire").arg(v);
        return T::bytes(v);
    };
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Protocol: return T::text(r, "protocol");
        case Capture:
            if (role == SortRole)
                return T::integer(r, "capture_id");
            return QStringLiteral("#%1").arg(T::integer(r, "capture_id"));
        case SideA: return T::endpoint(T::text(r, "addr_a"), T::integer(r, "port_a"), T::integer(r, "ip_version"));
        case SideB: return T::endpoint(T::text(r, "addr_b"), T::integer(r, "port_b"), T::integer(r, "ip_version"));
        case Service: return T::service(T::integer(r, "port_b"), T::text(r, "protocol"));
        case PacketsAB: return num("packets_ab");
        case BytesAB: return size("bytes_ab");
        case PacketsBA: return num("packets_ba");
        case BytesBA: return size("bytes_ba");
        case Start:
            if (role == SortRole)
                return T::integer(r, "first_us");
            return role == Qt::ToolTipRole ? TimeUtil::isoUtc(T::integer(r, "first_us")) : T::clock(T::integer(r, "first_us"));
        case Duration: {
            const qint64 d = T::integer(r, "last_us") - T::integer(r, "first_us");
            return role == SortRole ? QVariant(d) : QVariant(T::duration(d));
        }
        case Outcome:
            if (role == SortRole)
                return -trouble(r) * 10 + (T::text(r, "handshake").isEmpty() ? 5 : 0);
            return outcome(r);
        case Details: {
            QStringList d;
            if (T::integer(r, "syn_count") > 1 && T::text(r, "handshake") != QLatin1String("unanswered"))
                d << tr("SYN ×%1").arg(T::integer(r, "syn_count"));
            if (T::integer(r, "rst_ab") + T::integer(r, "rst_ba"))
                d << tr("RST %1/%2").arg(T::integer(r, "rst_ab")).arg(T::integer(r, "rst_ba"));
            if (T::integer(r, "fin_ab") + T::integer(r, "fin_ba"))
                d << tr("FIN %1/%2").arg(T::integer(r, "fin_ab")).arg(T::integer(r, "fin_ba"));
            if (T::integer(r, "retransmissions"))
                d << tr("%n retransmission(s)", nullptr, int(T::integer(r, "retransmissions")));
            if (T::integer(r, "zero_window"))
                d << tr("zero window ×%1").arg(T::integer(r, "zero_window"));
            if (T::integer(r, "icmp_unreachable"))
                d << tr("ICMP unreachable ×%1").arg(T::integer(r, "icmp_unreachable"));
            if (T::integer(r, "rpc"))
                d << tr("RPC");
            return d.join(QStringLiteral(", "));
        }
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && column >= PacketsAB && column <= BytesBA)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::TextAlignmentRole && column == Duration)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole) {
        const int t = trouble(r);
        return t == 2 ? badBrush() : t == 1 ? warnBrush() : QVariant();
    }
    return {};
}

QVariant ConversationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SideA: return tr("The side that sent the first packet seen (normally the client).");
        case SideB: return tr("The other side (normally the server).");
        case Service: return tr("The well-known service of side B's port, if it is one an NFS investigation meets.");
        case Outcome: return tr("TCP: how the handshake went. UDP: whether anything came back.");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Protocol: return tr("Proto");
    case SideA: return tr("A (client)");
    case SideB: return tr("B (server)");
    case Service: return tr("Service");
    case PacketsAB: return tr("Pkts A→B");
    case BytesAB: return tr("Bytes A→B");
    case PacketsBA: return tr("Pkts B→A");
    case BytesBA: return tr("Bytes B→A");
    case Start: return tr("Start (UTC)");
    case Duration: return tr("Duration");
    case Outcome: return tr("Outcome");
    case Details: return tr("Details");
    case Capture: return tr("Capture");
    }
    return {};
}
