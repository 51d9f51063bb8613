#include "PcapRowsModel.h"

#include <QBrush>
#include <QColor>

PcapRowsModel::PcapRowsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

bool PcapRowsModel::setRows(const QJsonArray &rows)
{
    if (rows == m_source)
        return false;
    beginResetModel();
    m_source = rows;
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (const QJsonValue &v : rows)
        m_rows.append(v.toObject());
    endResetModel();
    return true;
}

int PcapRowsModel::rowOfId(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].value(QLatin1String("id")).toInteger() == id)
            return r;
    return -1;
}

int PcapRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PcapRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &r = m_rows[index.row()];
    if (role == IdRole)
        return r.value(QLatin1String("id")).toInteger();
    if (role == CaptureIdRole)
        return r.value(QLatin1String("capture_id")).toInteger();
    return cell(r, index.column(), role);
}

QVariant PcapRowsModel::badBrush()
{
    return QBrush(QColor(230, 60, 60, 80));
}

QVariant PcapRowsModel::warnBrush()
{
    return QBrush(QColor(255, 190, 60, 90));
}
