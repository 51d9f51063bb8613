#pragma once

#include <QSortFilterProxyModel>

// RPC calls, optionally only the ones that were never answered.
class RpcCallFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RpcCallFilterProxy(QObject *parent = nullptr);
    void setUnansweredOnly(bool only);
    bool unansweredOnly() const { return m_unansweredOnly; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    bool m_unansweredOnly = true;
};
