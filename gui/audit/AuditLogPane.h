#pragma once

#include "casefile/AuditChainCheck.h"

#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class AuditLogModel;
class QSortFilterProxyModel;
class QTableView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class PaneLoader;
struct VerifyReport;

// Read-only view of the case's audit log (chain of custody) with a filter,
// the result of the hash-chain check and the chain's head, and "Verify Case":
// Loaded on the reader thread: the whole chain is checked once when the case
// opens, and after that only the entries appended since (they must extend the
// head already checked; a shorter chain is checked whole again).
// the whole verification of casectl verify, run off the GUI thread, with the
// same findings.
class AuditLogPane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    AuditLogPane(CaseSession *session, QWidget *parent = nullptr);
    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLabel *chainLabel() const { return m_chain; }
    QPlainTextEdit *verifyResult() const { return m_result; }
    PaneLoader *loader() const { return m_loader; }
    // How many entries were hashed since the case opened: each once (the
    // whole chain on opening, then only what was appended).
    qint64 hashedEntries() const { return m_hashed; }

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
    PaneLoader *m_loader;
    AuditChainCheck::Position m_position; // how far the chain is checked (GUI thread's copy)
    qint64 m_brokenAt = 0;
    QString m_problem;
    qint64 m_hashed = 0;
};
