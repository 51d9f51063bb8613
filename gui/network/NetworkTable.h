#pragma once

#include <QTableView>

class QSortFilterProxyModel;

// The read-only, sortable, row-selecting table every network view uses.
class NetworkTable : public QTableView
{
    Q_OBJECT
public:
    explicit NetworkTable(QSortFilterProxyModel *proxy, QWidget *parent = nullptr);
};
