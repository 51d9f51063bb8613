#include "NetworkPane.h"

#include "CaptureOverviewText.h"
#include "ConversationFilterProxy.h"
#include "ConversationsModel.h"
#include "NetworkData.h"
#include "NetworkText.h"
#include "RpcCallFilterProxy.h"
#include "RpcCallsModel.h"
#include "RpcProceduresModel.h"
#include "RpcRegistrationsModel.h"
#include "SilentPeersModel.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
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
      m_silentProxy(new QSortFilterProxyModel(this)), m_procedures(new RpcProceduresModel(this)),
      m_proceduresProxy(new QSortFilterProxyModel(this)), m_calls(new RpcCallsModel(this)),
      m_callsProxy(new RpcCallFilterProxy(this)), m_registrations(new RpcRegistrationsModel(this)),
      m_registrationsProxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("NetworkPane"));
    m_conversationsProxy->setSourceModel(m_conversations);
    m_silentProxy->setSourceModel(m_silent);
    m_proceduresProxy->setSourceModel(m_procedures);
    m_callsProxy->setSourceModel(m_calls);
    m_registrationsProxy->setSourceModel(m_registrations);
    for (QSortFilterProxyModel *p : {m_silentProxy, m_proceduresProxy, m_registrationsProxy})
        p->setSortRole(PcapRowsModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *bar = new QHBoxLayout;
    m_captureBox = new QComboBox(this);
    m_captureBox->setMinimumContentsLength(40);
    m_captureBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *captureLabel = new QLabel(tr("Ca&pture:"), this);
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
    m_silentView = makeTable(m_silentProxy);
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
    m_conversationsView = makeTable(m_conversationsProxy);
    m_conversationsView->sortByColumn(ConversationsModel::Outcome, Qt::AscendingOrder);
    l->addLayout(filterBar);
    l->addWidget(m_conversationsView, 1);
    m_views->addTab(m_conversationsPage, tr("Conversations"));

    // RPC
    m_rpcPage = page(m_views, l);
    m_rpcHeadline = plainLabel(m_rpcPage);
    m_proceduresView = makeTable(m_proceduresProxy);
    m_proceduresView->sortByColumn(RpcProceduresModel::Program, Qt::AscendingOrder);
    m_registrationNotes = plainLabel(m_rpcPage);
    m_registrationNotes->setObjectName(QStringLiteral("registrationNotes"));
    m_registrationNotes->setStyleSheet(QStringLiteral("QLabel#registrationNotes { background: #f6c9c9; color: #4a0000;"
                                                      " border: 1px solid #c84040; border-radius: 3px; padding: 4px 6px; }"));
    m_registrationNotes->hide();
    m_registrationsView = makeTable(m_registrationsProxy);
    m_registrationsView->sortByColumn(RpcRegistrationsModel::Port, Qt::AscendingOrder);
    m_unansweredOnly = new QCheckBox(tr("Only calls that were never answered"), m_rpcPage);
    m_unansweredOnly->setChecked(true);
    m_callsView = makeTable(m_callsProxy);
    m_callsView->sortByColumn(RpcCallsModel::Time, Qt::AscendingOrder);
    auto section = [this](const QString &title, QWidget *extra, QWidget *table) {
        auto *w = new QWidget(m_rpcPage);
        auto *v = new QVBoxLayout(w);
        v->setContentsMargins(0, 0, 0, 0);
        auto *head = new QHBoxLayout;
        auto *label = new QLabel(title, w);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        head->addWidget(label);
        head->addStretch(1);
        if (extra)
            head->addWidget(extra);
        v->addLayout(head);
        v->addWidget(table, 1);
        return w;
    };
    auto *rpcSplit = new QSplitter(Qt::Vertical, m_rpcPage);
    rpcSplit->addWidget(section(tr("Procedures"), nullptr, m_proceduresView));
    auto *regs = section(tr("Registered programs (from portmapper/rpcbind replies)"), nullptr, m_registrationsView);
    qobject_cast<QVBoxLayout *>(regs->layout())->insertWidget(1, m_registrationNotes);
    rpcSplit->addWidget(regs);
    rpcSplit->addWidget(section(tr("Calls"), m_unansweredOnly, m_callsView));
    for (QTableView *v : {m_proceduresView, m_callsView}) // numbers last: keep them next to their neighbours
        v->horizontalHeader()->setStretchLastSection(false);
    l->addWidget(m_rpcHeadline);
    l->addWidget(rpcSplit, 1);
    m_views->addTab(m_rpcPage, tr("RPC"));

    connect(m_captureBox, &QComboBox::currentIndexChanged, this, [this] {
        m_captureId = m_captureBox->currentData().toLongLong();
        reload();
    });
    connect(m_filter, &FilterLineEdit::filterChanged, this, [this](const QString &t) {
        m_conversationsProxy->setText(t);
        m_conversationsCount->setText(tr("%1 of %2 conversations").arg(m_conversationsProxy->rowCount()).arg(m_conversations->rowCount()));
    });
    connect(m_unansweredOnly, &QCheckBox::toggled, m_callsProxy, &RpcCallFilterProxy::setUnansweredOnly);
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
    connect(m_callsView, &QAbstractItemView::activated, this, [this](const QModelIndex &i) {
        const QModelIndex src = m_callsProxy->mapToSource(i);
        if (!src.isValid())
            return;
        if (const qint64 conversation = T::integer(m_calls->row(src.row()), "conversation_id"))
            selectConversation(conversation);
    });
    connect(session, &CaseSession::opened, this, [this] {
        m_captureId = 0;
        reload();
    });
    connect(session, &CaseSession::dataChanged, this, &NetworkPane::reload);
    connect(session, &CaseSession::closed, this, &NetworkPane::clear);
    clear();
}

NetworkPane::~NetworkPane() = default;

QTableView *NetworkPane::makeTable(QSortFilterProxyModel *proxy)
{
    auto *v = new QTableView(this);
    v->setModel(proxy);
    v->setSortingEnabled(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->setWordWrap(false);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}

void NetworkPane::clear()
{
    QSignalBlocker block(m_captureBox);
    m_captureBox->clear();
    m_captureBox->addItem(tr("All captures"), qint64(0));
    m_captureId = 0;
    m_captureFacts->clear();
    m_banner->hide();
    m_overview->setPlainText(tr("No packet captures in this case.\n\nImport a pcap or pcapng file (Case ▸ Import…, or drop it on the "
                                "window), or capture on a host with tcpdump (casectl collect CASE HOST --tcpdump IFACE)."));
    m_conversations->setRows({});
    m_silent->setRows({});
    m_procedures->setRows({});
    m_calls->setRows({});
    m_registrations->setRows({});
    m_silentHeadline->setText(tr("No captures."));
    m_rpcHeadline->clear();
    m_registrationNotes->hide();
    m_conversationsCount->clear();
    m_pendingKind = Pending::None;
}

void NetworkPane::reload()
{
    if (!m_session->isOpen())
        return;
    m_loading = true;
    const qint64 wanted = m_captureId;
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
    const qint64 keepCall = m_callsView->currentIndex().data(PcapRowsModel::IdRole).toLongLong();
    fillCaptureBox(d);
    if (d.captures.isEmpty()) {
        const Pending kind = m_pendingKind;
        clear();
        m_pendingKind = kind;
        return;
    }
    // Only tables whose rows changed are reset (a note saved elsewhere leaves them, scroll position and all).
    const bool conversations = m_conversations->setRows(d.conversations);
    const bool calls = m_calls->setRows(d.rpcCalls);
    const QList<std::pair<bool, QTableView *>> changed{{conversations, m_conversationsView},
                                                       {m_silent->setRows(d.silentPeers), m_silentView},
                                                       {m_procedures->setRows(d.rpcProcedures), m_proceduresView},
                                                       {calls, m_callsView},
                                                       {m_registrations->setRows(d.rpcRegistrations), m_registrationsView}};
    // The capture column only matters when several captures are shown together.
    const bool several = !d.captureId && d.captures.size() > 1;
    m_conversationsView->setColumnHidden(ConversationsModel::Capture, !several);
    m_silentView->setColumnHidden(SilentPeersModel::Capture, !several);
    showSummary(d);
    for (const auto &[reset, view] : changed)
        if (reset)
            view->resizeColumnsToContents();
    if (conversations && keepConversation)
        showConversationRow(keepConversation);
    if (calls && keepCall)
        showCallRow(keepCall);
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
                                     l.toString(m_silent->rowCount()), l.toString(m_calls->rowCount())));

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

    qint64 unanswered = 0;
    for (int r = 0; r < m_calls->rowCount(); ++r)
        unanswered += RpcCallsModel::isUnanswered(m_calls->row(r)) ? 1 : 0;
    m_views->setTabText(m_views->indexOf(m_rpcPage), unanswered ? tr("RPC (%1 unanswered)").arg(unanswered) : tr("RPC"));
    m_rpcHeadline->setText(m_procedures->rowCount() == 0
                               ? tr("No ONC RPC (NFS, mountd, lockd, statd, portmapper) seen in this traffic.")
                               : tr("%1 RPC calls to %2 procedure(s); %3 never answered.")
                                     .arg(l.toString(m_calls->rowCount()), l.toString(m_procedures->rowCount()), l.toString(unanswered)));
    const QStringList notes = m_registrations->notes();
    m_registrationNotes->setText(notes.join(QLatin1Char('\n')));
    m_registrationNotes->setVisible(!notes.isEmpty());
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

bool NetworkPane::selectConversation(qint64 id)
{
    const qint64 capture = captureOf(true, id);
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

bool NetworkPane::selectRpcCall(qint64 id)
{
    const qint64 capture = captureOf(false, id);
    if (!capture)
        return false;
    m_views->setCurrentWidget(m_rpcPage);
    if (!m_loading && (!m_captureId || m_captureId == capture) && showCallRow(id))
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
        showCallRow(m_pendingId);
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

bool NetworkPane::showCallRow(qint64 id)
{
    const int row = m_calls->rowOfId(id);
    if (row < 0)
        return false;
    QModelIndex idx = m_callsProxy->mapFromSource(m_calls->index(row, RpcCallsModel::Procedure));
    if (!idx.isValid()) { // an answered call while only unanswered ones are shown
        m_unansweredOnly->setChecked(false);
        idx = m_callsProxy->mapFromSource(m_calls->index(row, RpcCallsModel::Procedure));
    }
    if (!idx.isValid())
        return false;
    m_callsView->setCurrentIndex(idx);
    m_callsView->scrollTo(idx, QAbstractItemView::PositionAtCenter);
    return true;
}
