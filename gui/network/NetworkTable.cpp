#include "NetworkTable.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

NetworkTable::NetworkTable(QSortFilterProxyModel *proxy, QWidget *parent) : QTableView(parent)
{
    setModel(proxy);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
}
