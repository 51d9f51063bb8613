#include "RpcCallFilterProxy.h"

#include "RpcCallsModel.h"

RpcCallFilterProxy::RpcCallFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PcapRowsModel::SortRole);
}

void RpcCallFilterProxy::setUnansweredOnly(bool only)
{
    if (only == m_unansweredOnly)
        return;
    m_unansweredOnly = only;
    invalidateFilter();
}

bool RpcCallFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    auto *m = qobject_cast<RpcCallsModel *>(sourceModel());
    if (!m || parent.isValid() || !m_unansweredOnly)
        return true;
    return RpcCallsModel::isUnanswered(m->row(row));
}
