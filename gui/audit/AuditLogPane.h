#pragma once

#include <QWidget>

class CaseSession;
class AuditLogModel;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

// Read-only view of the case's audit log (chain of custody) with a filter and
// the result of the hash-chain check.
class AuditLogPane : public QWidget
{
    Q_OBJECT
public:
    AuditLogPane(CaseSession *session, QWidget *parent = nullptr);
    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

public slots:
    void reload();

private:
    CaseSession *m_session;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_chain;
};
