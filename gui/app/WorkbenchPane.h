#pragma once

#include "links/ResolvedLink.h"

#include <QKeySequence>
#include <QList>
#include <QString>

class PaneLoader;
class QWidget;

// A pane of the workbench as the window sees it: where it goes, what it is
// called, which links it shows and how. MainWindow builds its tabs, docks,
// View menu and link registry by iterating the panes PaneCatalog makes; a
// new pane is one line there.
class WorkbenchPane
{
public:
    enum class Placement { Tab, LeftDock, RightDock, BottomDock };

    struct Info
    {
        QString id;            // stable: dock object names ("<id>Dock") and saved window state use it
        QString title;         // tab or dock title, with its mnemonic
        QString menuTitle;     // View menu entry for a tab (empty: none)
        QKeySequence shortcut; // View menu shortcut of a tab
        Placement placement = Placement::Tab;
        QList<LinkKind> linkKinds; // the links it shows
    };

    virtual ~WorkbenchPane() = default;
    virtual QWidget *paneWidget() = 0;
    virtual Info paneInfo() const = 0;
    // Shows what a resolved link points at (the window has already brought
    // the pane to front). False if it cannot.
    virtual bool showLink(const ResolvedLink &) { return false; }
    // Its loader on the reader thread, if it loads from the case.
    virtual PaneLoader *paneLoader() const { return nullptr; }
};
