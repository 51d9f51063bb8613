#pragma once

#include <QWidget>

class CaseSession;
class ConversationsModel;
class ConversationFilterProxy;
class SilentPeersModel;
class RpcPage;
class RpcProceduresModel;
class RpcCallsModel;
class RpcCallFilterProxy;
class RpcRegistrationsModel;
class FilterLineEdit;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
struct NetworkData;

// The packet captures of the case: a capture selector (all or one, with
// warnings shown prominently when a capture was cut short or corrupt) and
// four views: Overview (capinfos-like facts), Silent peers (destinations
// that never answered), Conversations (sortable, filterable by address and
// port, handshake outcome coloured) and RPC (per procedure, registrations
// from the portmapper, unanswered calls). Read on the reader thread.
class NetworkPane : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkPane(CaseSession *session, QWidget *parent = nullptr);
    ~NetworkPane() override;

    // Shows one capture (0 = all); false if there is no such capture.
    bool showCapture(qint64 captureId);
    qint64 shownCapture() const { return m_captureId; }
    // Evidence links: selects the row of pcap_conversations.id / pcap_rpc_calls.id
    // (now, or as soon as it is loaded). False if the case has no such row.
    // captureId: the capture it belongs to, when the caller knows it (a
    // resolved link); else it is looked up.
    bool selectConversation(qint64 id, qint64 captureId = 0);
    bool selectRpcCall(qint64 id, qint64 captureId = 0);
    bool isLoading() const { return m_loading; }

    QComboBox *captureBox() const { return m_captureBox; }
    QLabel *warningBanner() const { return m_banner; }
    QTabWidget *views() const { return m_views; }
    QWidget *overviewPage() const { return m_overviewPage; }
    QWidget *silentPage() const { return m_silentPage; }
    QWidget *conversationsPage() const { return m_conversationsPage; }
    QWidget *rpcPage() const;
    QPlainTextEdit *overviewText() const { return m_overview; }
    QLabel *silentHeadline() const { return m_silentHeadline; }
    QLabel *registrationNotes() const;
    FilterLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *unansweredOnlyBox() const;
    ConversationsModel *conversationsModel() const { return m_conversations; }
    ConversationFilterProxy *conversationsProxy() const { return m_conversationsProxy; }
    QTableView *conversationsView() const { return m_conversationsView; }
    SilentPeersModel *silentModel() const { return m_silent; }
    QSortFilterProxyModel *silentProxy() const { return m_silentProxy; }
    QTableView *silentView() const { return m_silentView; }
    RpcProceduresModel *proceduresModel() const;
    QSortFilterProxyModel *proceduresProxy() const;
    RpcCallsModel *callsModel() const;
    RpcCallFilterProxy *callsProxy() const;
    QTableView *callsView() const;
    RpcRegistrationsModel *registrationsModel() const;
    QSortFilterProxyModel *registrationsProxy() const;

public slots:
    void reload();

signals:
    void loaded();

private:
    enum class Pending { None, Conversation, Call };
    void apply(const NetworkData &d);
    void fillCaptureBox(const NetworkData &d);
    void showSummary(const NetworkData &d);
    void applyPending();
    bool showConversationRow(qint64 id);
    qint64 captureOf(bool conversation, qint64 id) const;
    void clear();

    CaseSession *m_session;
    qint64 m_captureId = 0;
    qint64 m_loadedCapture = -1; // what the tables show; -1: nothing loaded yet
    bool m_freshCase = false;    // the first load after opening a case picks the view
    bool m_loading = false;
    Pending m_pendingKind = Pending::None;
    qint64 m_pendingId = 0;

    QComboBox *m_captureBox;
    QLabel *m_captureFacts;
    QLabel *m_banner;
    QTabWidget *m_views;
    QWidget *m_overviewPage;
    QWidget *m_silentPage;
    QWidget *m_conversationsPage;
    RpcPage *m_rpcPage;
    QPlainTextEdit *m_overview;
    QLabel *m_silentHeadline;
    QLabel *m_conversationsCount;
    FilterLineEdit *m_filter;
    ConversationsModel *m_conversations;
    ConversationFilterProxy *m_conversationsProxy;
    QTableView *m_conversationsView;
    SilentPeersModel *m_silent;
    QSortFilterProxyModel *m_silentProxy;
    QTableView *m_silentView;
};
