#pragma once

#include <QList>
#include <memory>
#include <vector>

class CaseSession;
class QWidget;
class WorkbenchPane;

// The panes of the workbench, in the order of their tabs (and docks). Adding
// a pane is one line in PaneCatalog.cpp: a widget implementing WorkbenchPane,
// or any pane widget wrapped in a WorkbenchPaneAdapter.
namespace PaneCatalog {
// Creates every pane (widgets parented to parent); adapters go to owned.
QList<WorkbenchPane *> create(CaseSession *session, QWidget *parent, std::vector<std::unique_ptr<WorkbenchPane>> &owned);
}
