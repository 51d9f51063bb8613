#pragma once

#include "report/ActionItemStore.h"
#include "report/StatusUpdateStore.h"

#include <QDialog>

class CaseSession;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QDateEdit;
class QCheckBox;

// Case ▸ Status Updates… and Action Items…: what casectl status and casectl
// action write, which the report quotes. Read on the reader thread; every
// change is a write on the session's writer (audited by the stores).
class StatusActionsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { StatusPage, ActionsPage };
    StatusActionsDialog(CaseSession *session, Page page, QWidget *parent = nullptr);

    QTableWidget *statusTable() const { return m_statusTable; }
    QTableWidget *actionsTable() const { return m_actionsTable; }
    QPlainTextEdit *statusText() const { return m_statusText; }
    QLineEdit *actionText() const { return m_actionText; }
    QLineEdit *actionOwner() const { return m_actionOwner; }
    QTabWidget *pages() const { return m_pages; }

    // The actions of the buttons (tests call them).
    void postStatus();
    void addAction();
    void setActionStatus(const QString &status); // on the selected item: done, dropped, open
    void reload();

signals:
    void reloaded();
    void written();

private:
    struct Data
    {
        QList<StatusUpdate> updates;
        QList<ActionItem> actions;
    };
    void showData(const Data &d);

    CaseSession *m_session;
    QTabWidget *m_pages;
    QTableWidget *m_statusTable;
    QPlainTextEdit *m_statusText;
    QCheckBox *m_statusHasTime;
    QDateTimeEdit *m_statusAt;
    QTableWidget *m_actionsTable;
    QLineEdit *m_actionText;
    QLineEdit *m_actionOwner;
    QCheckBox *m_actionHasDue;
    QDateEdit *m_actionDue;
    QList<QPushButton *> m_writeButtons;
};
