#pragma once

#include <QWidget>

class CaseSession;
class FindingsModel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
struct EvidenceLink;

// The findings of every analysis, with the evidence each rests on. Activating
// a finding (double-click, Enter) or one of its evidence links asks the window
// to show that evidence in the right pane.
class FindingsPane : public QWidget
{
    Q_OBJECT
public:
    FindingsPane(CaseSession *session, QWidget *parent = nullptr);
    FindingsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // Selects a finding; false if it is not in the case.
    bool selectFinding(qint64 id);
    // Jumps to the first evidence of the current finding.
    void activateCurrent();

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
};
