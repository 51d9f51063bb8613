#pragma once

#include "app/EvidenceLink.h"
#include "casefile/HostStore.h"
#include "timeline/TimelineItem.h"

#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class TimelineController;
class TimelineView;
class FilterLineEdit;
class QLabel;
class QToolButton;
class QMenu;

// Timeline pane: filter bar (text, sources, hosts), zoom controls, the view,
// and the selected item's summary. Places markers and notes at a time.
class TimelinePane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    TimelinePane(CaseSession *session, QWidget *parent = nullptr);

    TimelineController *controller() const { return m_controller; }
    TimelineView *view() const { return m_view; }
    FilterLineEdit *filterEdit() const { return m_filter; }
    void setSourceVisible(const QString &source, bool visible);
    // Adds a marker (audited) and refreshes; returns its event id (0 on failure).
    // Stores a marker through the session's writer; markerPlaced(id) follows.
    void placeMarker(qint64 atUs, const QString &kind, const QString &label);
    // Asks the user, then places.
    void placeMarkerInteractively(qint64 atUs);
    // Centres the view on a time at a zoom showing items.
    void reveal(qint64 atUs);

signals:
    void markerPlaced(qint64 markerId);
    void evidenceRequested(const EvidenceLink &link);
    void addNoteRequested(qint64 atUs);

private:
    void applyFilter();
    void rebuildFilterMenus();
    void showSelected(const TimelineItem &item);
    void updateStatus();

    CaseSession *m_session;
    TimelineController *m_controller;
    TimelineView *m_view;
    FilterLineEdit *m_filter;
    QToolButton *m_sourcesButton;
    QToolButton *m_hostsButton;
    QMenu *m_sourcesMenu;
    QMenu *m_hostsMenu;
    QLabel *m_status;
    QLabel *m_selection;
    QSet<QString> m_hiddenSources;
    QSet<qint64> m_hiddenHosts;
    QSet<QString> m_knownSources;
    QList<HostRecord> m_hosts; // for the Hosts filter, read on the reader thread
    class PaneLoader *m_hostsLoader = nullptr;
};
