#pragma once

#include <QJsonArray>
#include <QWidget>

class RpcProceduresModel;
class RpcCallsModel;
class RpcCallFilterProxy;
class RpcRegistrationsModel;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

// The network pane's RPC view: per-procedure counts and latency, the programs
// portmapper/rpcbind reported (with a plain note for each one reported not
// registered, e.g. status (100024): rpc.statd is not running), and the calls,
// by default only those never answered.
class RpcPage : public QWidget
{
    Q_OBJECT
public:
    explicit RpcPage(QWidget *parent = nullptr);

    // Returns true when the calls changed (their table was reset).
    bool setRows(const QJsonArray &procedures, const QJsonArray &calls, const QJsonArray &registrations);
    // Selects the call with this pcap_rpc_calls.id, showing answered calls if needed.
    bool showCall(qint64 id);
    qint64 currentCall() const;
    // The capture column, for when several captures are shown together.
    void setCaptureColumnVisible(bool visible);
    int unansweredCalls() const;

    QLabel *registrationNotes() const { return m_notes; }
    QCheckBox *unansweredOnlyBox() const { return m_unansweredOnly; }
    RpcProceduresModel *proceduresModel() const { return m_procedures; }
    QSortFilterProxyModel *proceduresProxy() const { return m_proceduresProxy; }
    RpcCallsModel *callsModel() const { return m_calls; }
    RpcCallFilterProxy *callsProxy() const { return m_callsProxy; }
    QTableView *callsView() const { return m_callsView; }
    RpcRegistrationsModel *registrationsModel() const { return m_registrations; }
    QSortFilterProxyModel *registrationsProxy() const { return m_registrationsProxy; }

signals:
    // A call was activated: show the conversation it travelled in.
    void conversationRequested(qint64 conversationId);

private:
    void updateText();

    RpcProceduresModel *m_procedures;
    QSortFilterProxyModel *m_proceduresProxy;
    RpcCallsModel *m_calls;
    RpcCallFilterProxy *m_callsProxy;
    RpcRegistrationsModel *m_registrations;
    QSortFilterProxyModel *m_registrationsProxy;
    QLabel *m_headline;
    QLabel *m_notes;
    QCheckBox *m_unansweredOnly;
    QTableView *m_proceduresView;
    QTableView *m_callsView;
    QTableView *m_registrationsView;
};
