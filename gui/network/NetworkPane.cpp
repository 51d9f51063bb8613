#include "NetworkPane.h"

#include "CaptureOverviewText.h"
#include "ConversationFilterProxy.h"
#include "ConversationsModel.h"
#include "NetworkData.h"
#include "NetworkText.h"
#include "NetworkTable.h"
#include "RpcCallsModel.h"
#include "RpcPage.h"
#include "SilentPeersModel.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using T = NetworkText;

namespace {
QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // text from the case is never rich text
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString sourceName(const QString &source)
{
    const QString s = T::oneLine(source);
    if (s.startsWith(QLatin1Char('/')))
        return QFileInfo(s).fileName();
    return s.size() > 48 ? s.left(47) + QStringLiteral("…") : s;
}

QWidget *page(QWidget *parent, QVBoxLayout *&layout)
{
    auto *w = new QWidget(parent);
    layout = new QVBoxLayout(w);
    layout->setContentsMargins(4, 4, 4, 4);
    return w;
}
}

NetworkPane::NetworkPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_conversations(new ConversationsModel(this)),
      m_conversationsProxy(new ConversationFilterProxy(this)), m_silent(new SilentPeersModel(this)),
      m_silentProxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("NetworkPane"));
    m_conversationsProxy->setSourceModel(m_conversations);
    m_silentProxy->setSourceModel(m_silent);
    m_silentProxy->setSortRole(PcapRowsModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *bar = new QHBoxLayout;
    m_captureBox = new QComboBox(this);
    m_captureBox->setMinimumContentsLength(40);
    m_captureBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *captureLabel = new QLabel(tr("Capt&ure:"), this);
    captureLabel->setBuddy(m_captureBox);
    m_captureFacts = plainLabel(this);
    m_captureFacts->setWordWrap(false);
    bar->addWidget(captureLabel);
    bar->addWidget(m_captureBox);
    bar->addWidget(m_captureFacts, 1);
    layout->addLayout(bar);

    m_banner = plainLabel(this);
    m_banner->setObjectName(QStringLiteral("captureWarnings"));
    m_banner->setStyleSheet(QStringLiteral("QLabel#captureWarnings { background: #fbe3b4; color: #4a3000; border: 1px solid #d89a1c;"
                                           " border-radius: 3px; padding: 4px 6px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    layout->addWidget(m_views, 1);

    QVBoxLayout *l = nullptr;
    // Overview
    m_overviewPage = page(m_views, l);
    m_overview = new QPlainTextEdit(m_overviewPage);
    m_overview->setReadOnly(true);
    m_overview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_overview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    l->addWidget(m_overview);
    m_views->addTab(m_overviewPage, tr("Overview"));

    // Silent peers
    m_silentPage = page(m_views, l);
    m_silentHeadline = plainLabel(m_silentPage);
    m_silentView = new NetworkTable(m_silentProxy, m_silentPage);
    m_silentView->sortByColumn(SilentPeersModel::Packets, Qt::DescendingOrder);
    l->addWidget(m_silentHeadline);
    l->addWidget(m_silentView, 1);
    m_views->addTab(m_silentPage, tr("Silent peers"));

    // Conversations
    m_conversationsPage = page(m_views, l);
    auto *filterBar = new QHBoxLayout;
    m_filter = new FilterLineEdit(m_conversationsPage);
    m_filter->setPlaceholderText(tr("Filter by address, port (2049), address:port, protocol or outcome (refused)…"));
    m_conversationsCount = plainLabel(m_conversationsPage);
    m_conversationsCount->setWordWrap(false);
    filterBar->addWidget(m_filter, 1);
    filterBar->addWidget(m_conversationsCount);
    auto *conversationsTable = new NetworkTable(m_conversationsProxy, m_conversationsPage);
    conversationsTable->setLinkKind(QStringLiteral("conversation"));
    m_conversationsView = conversationsTable;
    m_conversationsView->sortByColumn(ConversationsModel::Outcome, Qt::AscendingOrder);
    l->addLayout(filterBar);
    l->addWidget(m_conversationsView, 1);
    m_views->addTab(m_conversationsPage, tr("Conversations"));

    m_rpcPage = new RpcPage(m_views);
    m_views->addTab(m_rpcPage, tr("RPC"));

    connect(m_captureBox, &QComboBox::currentIndexChanged, this, [this] {
        m_captureId = m_captureBox->currentData().toLongLong();
        reload();
    });
    connect(m_filter, &FilterLineEdit::filterChanged, this, [this](const QString &t) {
        m_conversationsProxy->setText(t);
        m_conversationsCount->setText(tr("%1 of %2 conversations").arg(m_conversationsProxy->rowCount()).arg(m_conversations->rowCount()));
    });
    // Activating a silent peer shows its conversations; an RPC call, the conversation it travelled in.
    connect(m_silentView, &QAbstractItemView::activated, this, [this](const QModelIndex &i) {
        const QModelIndex src = m_silentProxy->mapToSource(i);
        if (!src.isValid())
            return;
        const QJsonObject &r = m_silent->row(src.row());
        const QString address = T::text(r, "address");
        m_filter->setText(T::endpoint(address, T::integer(r, "port"), address.contains(QLatin1Char(':')) ? 6 : 4));
        m_filter->flush();
        m_views->setCurrentWidget(m_conversationsPage);
    });
    connect(m_rpcPage, &RpcPage::conversationRequested, this, [this](qint64 id) {
        // Its capture is looked up on the reader thread (no SQL on the GUI thread).
        m_session->reader()->run<qint64>(
            QStringLiteral("network-conversation-capture"),
            [id](CaseFile &cf, const CancelToken &) {
                SqliteStatement st = cf.db().prepare(QStringLiteral("SELECT capture_id FROM pcap_conversations WHERE id = ?"));
                st.bind(1, id);
                return st.step() ? st.int64(0) : qint64(0);
            },
            this, [this, id](const qint64 &capture) {
                if (capture)
                    selectConversation(id, capture);
            });
    });
    connect(session, &CaseSession::opened, this, [this] {
        m_captureId = 0;
        m_freshCase = true;
        m_views->setCurrentWidget(m_overviewPage);
        reload();
    });
    connect(session, &CaseSession::dataChanged, this, &NetworkPane::reload);
    connect(session, &CaseSession::closed, this, &NetworkPane::clear);
    clear();
}

NetworkPane::~NetworkPane() = default;

void NetworkPane::clear()
{
    QSignalBlocker block(m_captureBox);
    m_captureBox->clear();
    m_captureBox->addItem(tr("All captures"), qint64(0));
    m_captureId = 0;
    m_loadedCapture = -1;
    m_captureFacts->clear();
    m_banner->hide();
    m_overview->setPlainText(tr("No packet captures in this case.\n\nImport a pcap or pcapng file (Case ▸ Import…, or drop it on the "
                                "window), or capture on a host with tcpdump (casectl collect CASE HOST --tcpdump IFACE)."));
    m_conversations->setRows({});
    m_silent->setRows({});
    m_rpcPage->setRows({}, {}, {});
    m_silentHeadline->setText(tr("No captures."));
    m_conversationsCount->clear();
    m_pendingKind = Pending::None;
}

void NetworkPane::reload()
{
    if (!m_session->isOpen())
        return;
    m_loading = true;
    const qint64 wanted = m_captureId;
    if (wanted != m_loadedCapture) // a refresh of what is shown keeps its facts until the new ones arrive
        m_captureFacts->setText(tr("Loading…"));
    m_session->reader()->run<NetworkData>(
        QStringLiteral("network"),
        [wanted](CaseFile &cf, const CancelToken &cancel) { return NetworkData::load(cf, wanted, cancel); }, this,
        [this](const NetworkData &d) {
            m_loading = false;
            apply(d);
            emit loaded();
        },
        [this](const QString &e) {
            m_loading = false;
            m_captureFacts->setText(e);
            emit loaded();
        });
}

bool NetworkPane::showCapture(qint64 captureId)
{
    const int i = m_captureBox->findData(captureId);
    if (i < 0)
        return false;
    if (i == m_captureBox->currentIndex())
        return true;
    m_captureBox->setCurrentIndex(i); // reloads
    return true;
}

void NetworkPane::fillCaptureBox(const NetworkData &d)
{
    QSignalBlocker block(m_captureBox);
    m_captureBox->clear();
    m_captureBox->addItem(tr("All captures (%1)").arg(d.captures.size()), qint64(0));
    for (const QJsonValue &v : d.captures) {
        const QJsonObject c = v.toObject();
        const qint64 id = T::integer(c, "id");
        QString label = tr("#%1 %2 · %3 packets · %4")
                            .arg(QString::number(id), sourceName(T::text(c, "source")), QLocale().toString(T::integer(c, "packets")),
                                 T::duration(T::integer(c, "duration_us")));
        const QString host = d.hostNames.value(T::integer(c, "host_id"));
        if (!host.isEmpty())
            label += tr(" · %1").arg(T::oneLine(host));
        if (!T::text(c, "error").isEmpty())
            label += tr(" · ⚠ corrupt");
        else if (T::integer(c, "truncated"))
            label += tr(" · ⚠ cut short");
        else if (!c.value(QLatin1String("warnings")).toArray().isEmpty())
            label += tr(" · ⚠ warnings");
        m_captureBox->addItem(label, id);
        m_captureBox->setItemData(m_captureBox->count() - 1, T::text(c, "source"), Qt::ToolTipRole);
    }
    m_captureBox->setCurrentIndex(std::max(0, m_captureBox->findData(d.captureId)));
    m_captureId = d.captureId;
}

void NetworkPane::apply(const NetworkData &d)
{
    const qint64 keepConversation = m_conversationsView->currentIndex().data(PcapRowsModel::IdRole).toLongLong();
    fillCaptureBox(d);
    m_loadedCapture = d.captureId;
    if (d.captures.isEmpty()) {
        const Pending kind = m_pendingKind;
        clear();
        m_pendingKind = kind;
        return;
    }
    // Only tables whose rows changed are reset (a note saved elsewhere leaves them, scroll position and all).
    const bool conversations = m_conversations->setRows(d.conversations);
    if (conversations)
        m_conversationsView->resizeColumnsToContents();
    if (m_silent->setRows(d.silentPeers))
        m_silentView->resizeColumnsToContents();
    m_rpcPage->setRows(d.rpcProcedures, d.rpcCalls, d.rpcRegistrations);
    // The capture column only matters when several captures are shown together.
    const bool several = !d.captureId && d.captures.size() > 1;
    m_conversationsView->setColumnHidden(ConversationsModel::Capture, !several);
    m_silentView->setColumnHidden(SilentPeersModel::Capture, !several);
    m_rpcPage->setCaptureColumnVisible(several);
    showSummary(d);
    if (conversations && keepConversation)
        showConversationRow(keepConversation);
    // Silent peers are what a responder needs first (seed 003): lead with them
    // when there are any, unless a link already chose a view.
    if (m_freshCase && m_pendingKind == Pending::None && m_views->currentWidget() == m_overviewPage && m_silent->rowCount() > 0)
        m_views->setCurrentWidget(m_silentPage);
    m_freshCase = false;
    applyPending();
}

void NetworkPane::showSummary(const NetworkData &d)
{
    const QLocale l;
    // Overview text and the warning banner for the captures in view.
    QStringList overview, problems;
    qint64 packets = 0, duration = 0;
    for (const QJsonValue &v : d.captures) {
        const QJsonObject c = v.toObject();
        if (d.captureId && T::integer(c, "id") != d.captureId)
            continue;
        packets += T::integer(c, "packets");
        duration = std::max(duration, T::integer(c, "duration_us"));
        overview << CaptureOverviewText::build(c, d.hostNames.value(T::integer(c, "host_id")), d.ports, d.findings);
        const QString problem = CaptureOverviewText::problem(c);
        if (!problem.isEmpty()) {
            problems << problem;
            for (const QJsonValue &w : c.value(QLatin1String("warnings")).toArray())
                problems << QStringLiteral("  • ") + T::oneLine(w.toString());
        }
    }
    m_overview->setPlainText(overview.join(QStringLiteral("\n\n") + QString(60, QChar(0x2500)) + QStringLiteral("\n\n")));
    m_banner->setText(problems.join(QLatin1Char('\n')));
    m_banner->setVisible(!problems.isEmpty());
    m_captureFacts->setText(tr("%1 packets · %2 conversations · %3 silent peers · %4 RPC calls")
                                .arg(l.toString(packets), l.toString(m_conversations->rowCount()),
                                     l.toString(m_silent->rowCount()), l.toString(m_rpcPage->callsModel()->rowCount())));

    // Silent peers headline: seed 003's "not one packet to the NFS server".
    if (m_silent->rowCount() == 0) {
        m_silentHeadline->setText(tr("Every destination in view answered at least once."));
    } else {
        QStringList who;
        for (int r = 0; r < m_silent->rowCount() && r < 4; ++r) {
            const QJsonObject &s = m_silent->row(r);
            const QString service = T::service(T::integer(s, "port"), T::text(s, "protocol"));
            QString line = tr("%1 port %2/%3%4: %5 packet(s) sent, not one came back")
                               .arg(T::text(s, "address"), QString::number(T::integer(s, "port")), T::text(s, "protocol"),
                                    service.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(service),
                                    QString::number(T::integer(s, "packets")));
            if (T::text(s, "protocol") == QLatin1String("tcp"))
                line += tr(" — %1 SYNs over %2, no SYN-ACK, no RST")
                            .arg(T::integer(s, "syn_count"))
                            .arg(T::duration(T::integer(s, "last_us") - T::integer(s, "first_us")));
            who << QStringLiteral("• ") + line;
        }
        m_silentHeadline->setText(tr("%n destination(s) were sent packets and never answered:", nullptr, m_silent->rowCount())
                                  + QLatin1Char('\n') + who.join(QLatin1Char('\n')));
    }
    m_views->setTabText(m_views->indexOf(m_silentPage), tr("Silent peers (%1)").arg(m_silent->rowCount()));
    m_views->setTabText(m_views->indexOf(m_conversationsPage), tr("Conversations (%1)").arg(m_conversations->rowCount()));
    m_conversationsCount->setText(tr("%1 of %2 conversations").arg(m_conversationsProxy->rowCount()).arg(m_conversations->rowCount()));

    const int unanswered = m_rpcPage->unansweredCalls();
    m_views->setTabText(m_views->indexOf(m_rpcPage), unanswered ? tr("RPC (%1 unanswered)").arg(unanswered) : tr("RPC"));
}

qint64 NetworkPane::captureOf(bool conversation, qint64 id) const
{
    if (!m_session->isOpen())
        return 0;
    try {
        SqliteStatement st = m_session->caseFile()->db().prepare(
            conversation ? QStringLiteral("SELECT capture_id FROM pcap_conversations WHERE id = ?")
                         : QStringLiteral("SELECT capture_id FROM pcap_rpc_calls WHERE id = ?"));
        st.bind(1, id);
        return st.step() ? st.int64(0) : 0;
    } catch (const CaseError &) {
        return 0; // an old case without capture tables
    }
}

bool NetworkPane::selectConversation(qint64 id, qint64 captureId)
{
    const qint64 capture = captureId ? captureId : captureOf(true, id);
    if (!capture)
        return false;
    m_views->setCurrentWidget(m_conversationsPage);
    if (!m_loading && (!m_captureId || m_captureId == capture) && showConversationRow(id))
        return true;
    m_pendingKind = Pending::Conversation;
    m_pendingId = id;
    if (m_captureId && m_captureId != capture)
        m_captureId = 0; // show every capture so the row is there
    if (!m_loading || m_captureBox->currentData().toLongLong() != m_captureId)
        reload();
    return true;
}

bool NetworkPane::selectRpcCall(qint64 id, qint64 captureId)
{
    const qint64 capture = captureId ? captureId : captureOf(false, id);
    if (!capture)
        return false;
    m_views->setCurrentWidget(m_rpcPage);
    if (!m_loading && (!m_captureId || m_captureId == capture) && m_rpcPage->showCall(id))
        return true;
    m_pendingKind = Pending::Call;
    m_pendingId = id;
    if (m_captureId && m_captureId != capture)
        m_captureId = 0;
    if (!m_loading || m_captureBox->currentData().toLongLong() != m_captureId)
        reload();
    return true;
}

void NetworkPane::applyPending()
{
    const Pending kind = m_pendingKind;
    m_pendingKind = Pending::None;
    if (kind == Pending::Conversation)
        showConversationRow(m_pendingId);
    else if (kind == Pending::Call)
        m_rpcPage->showCall(m_pendingId);
}

bool NetworkPane::showConversationRow(qint64 id)
{
    const int row = m_conversations->rowOfId(id);
    if (row < 0)
        return false;
    QModelIndex idx = m_conversationsProxy->mapFromSource(m_conversations->index(row, ConversationsModel::SideB));
    if (!idx.isValid()) { // hidden by the filter: show everything
        m_filter->clear();
        m_filter->flush();
        idx = m_conversationsProxy->mapFromSource(m_conversations->index(row, ConversationsModel::SideB));
    }
    if (!idx.isValid())
        return false;
    m_conversationsView->setCurrentIndex(idx);
    m_conversationsView->scrollTo(idx, QAbstractItemView::PositionAtCenter);
    return true;
}

QWidget *NetworkPane::rpcPage() const { return m_rpcPage; }
QLabel *NetworkPane::registrationNotes() const { return m_rpcPage->registrationNotes(); }
QCheckBox *NetworkPane::unansweredOnlyBox() const { return m_rpcPage->unansweredOnlyBox(); }
RpcProceduresModel *NetworkPane::proceduresModel() const { return m_rpcPage->proceduresModel(); }
QSortFilterProxyModel *NetworkPane::proceduresProxy() const { return m_rpcPage->proceduresProxy(); }
RpcCallsModel *NetworkPane::callsModel() const { return m_rpcPage->callsModel(); }
RpcCallFilterProxy *NetworkPane::callsProxy() const { return m_rpcPage->callsProxy(); }
QTableView *NetworkPane::callsView() const { return m_rpcPage->callsView(); }
RpcRegistrationsModel *NetworkPane::registrationsModel() const { return m_rpcPage->registrationsModel(); }
QSortFilterProxyModel *NetworkPane::registrationsProxy() const { return m_rpcPage->registrationsProxy(); }
