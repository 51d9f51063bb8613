#pragma once

#include <QWidget>

class CaseSession;
class AuditLogModel;
class QSortFilterProxyModel;
class QTableView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
struct VerifyReport;

// Read-only view of the case's audit log (chain of custody) with a filter,
// the result of the hash-chain check and the chain's head, and "Verify Case":
// the whole verification of casectl verify, run off the GUI thread, with the
// same findings.
class AuditLogPane : public QWidget
{
    Q_OBJECT
public:
    AuditLogPane(CaseSession *session, QWidget *parent = nullptr);
    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLabel *chainLabel() const { return m_chain; }
    QPlainTextEdit *verifyResult() const { return m_result; }

    // Plain text of a verification: the findings, or that all is well, and the head.
    static QString verifyText(const VerifyReport &report);

public slots:
    void reload();
    void verifyCase();

signals:
    void caseVerified(bool ok, const QString &text);

private:
    CaseSession *m_session;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_chain;
    QPushButton *m_verify;
    QPlainTextEdit *m_result;
};
