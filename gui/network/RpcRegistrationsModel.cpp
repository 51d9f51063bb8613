#include "RpcRegistrationsModel.h"

#include "NetworkText.h"

#include <QSet>

using T = NetworkText;

RpcRegistrationsModel::RpcRegistrationsModel(QObject *parent) : PcapRowsModel(parent)
{
}

int RpcRegistrationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RpcRegistrationsModel::cell(const QJsonObject &r, int column, int role) const
{
    const qint64 port = T::integer(r, "port");
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Capture:
            if (role == SortRole)
                return T::integer(r, "capture_id");
            return QStringLiteral("#%1").arg(T::integer(r, "capture_id"));
        case Server: return T::text(r, "server");
        case Program:
            if (role == SortRole)
                return T::integer(r, "program");
            return QStringLiteral("%1 (%2)").arg(T::text(r, "program_name")).arg(T::integer(r, "program"));
        case Version: return role == SortRole ? QVariant(T::integer(r, "version")) : QVariant(QString::number(T::integer(r, "version")));
        case Protocol: return T::text(r, "protocol");
        case Port:
            if (role == SortRole)
                return port;
            return port ? QString::number(port) : tr("NOT REGISTERED");
        case Source: return T::text(r, "source");
        }
        return {};
    }
    if (role == Qt::BackgroundRole && port == 0)
        return badBrush();
    return {};
}

QStringList RpcRegistrationsModel::notes() const
{
    QStringList out;
    QSet<QString> seen;
    for (int i = 0; i < rowCount(); ++i) {
        const QJsonObject &r = row(i);
        if (T::integer(r, "port") != 0)
            continue;
        const qint64 program = T::integer(r, "program");
        const QString server = T::text(r, "server");
        const QString key = server + QLatin1Char('/') + QString::number(program);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const QString name = QStringLiteral("%1 (%2)").arg(T::text(r, "program_name")).arg(program);
        if (program == 100024)
            out << tr("%1 not registered at %2: rpc.statd is not running there, so NFSv3 locks (lockd/NLM) cannot be "
                      "recovered or granted reliably.").arg(name, server);
        else if (program == 100021)
            out << tr("%1 not registered at %2: lockd is not running there; NFSv3 flock/fcntl locks will hang or fail.")
                       .arg(name, server);
        else if (program == 100003 || program == 100005)
            out << tr("%1 not registered at %2: the NFS server side is not running there.").arg(name, server);
        else
            out << tr("%1 not registered at %2: its portmapper says no such service is running.").arg(name, server);
    }
    return out;
}

QVariant RpcRegistrationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Capture: return tr("Capture");
    case Server: return tr("Server");
    case Program: return tr("Program");
    case Version: return tr("Version");
    case Protocol: return tr("Protocol");
    case Port: return tr("Port");
    case Source: return tr("Learnt from");
    }
    return {};
}
