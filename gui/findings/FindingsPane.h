#pragma once

#include "app/EvidenceLink.h"

#include <QHash>
#include <QList>
#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class FindingsModel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class PaneLoader;

// The findings of every analysis, with the evidence each rests on. Activating
// a finding (double-click, Enter) or one of its evidence links asks the window
// to show that evidence in the right pane. Loaded on the reader thread, with
// each evidence reference turned into its stable link (a task as
// HOST/SNAPSHOT/TID, a stack with the finding's snapshot).
class FindingsPane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    FindingsPane(CaseSession *session, QWidget *parent = nullptr);
    FindingsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // Selects a finding; false if it is not in the case.
    bool selectFinding(qint64 id);
    // Jumps to the first evidence of the current finding.
    void activateCurrent();
    // The stable links of a finding's evidence, in order.
    QList<EvidenceLink> linksOf(qint64 findingId) const { return m_links.value(findingId); }
    PaneLoader *loader() const { return m_loader; }

public slots:
    void reload();

signals:
    void evidenceRequested(const EvidenceLink &link);

private:
    void showDetail();

    CaseSession *m_session;
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QTextBrowser *m_detail;
    PaneLoader *m_loader;
    QHash<qint64, QList<EvidenceLink>> m_links;
};
