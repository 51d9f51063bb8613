#include "RpcPage.h"

#include "NetworkTable.h"
#include "NetworkText.h"
#include "PcapRowsModel.h"
#include "RpcCallFilterProxy.h"
#include "RpcCallsModel.h"
#include "RpcProceduresModel.h"
#include "RpcRegistrationsModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

RpcPage::RpcPage(QWidget *parent)
    : QWidget(parent), m_procedures(new RpcProceduresModel(this)), m_proceduresProxy(new QSortFilterProxyModel(this)),
      m_calls(new RpcCallsModel(this)), m_callsProxy(new RpcCallFilterProxy(this)),
      m_registrations(new RpcRegistrationsModel(this)), m_registrationsProxy(new QSortFilterProxyModel(this))
{
    m_proceduresProxy->setSourceModel(m_procedures);
    m_callsProxy->setSourceModel(m_calls);
    m_registrationsProxy->setSourceModel(m_registrations);
    m_proceduresProxy->setSortRole(PcapRowsModel::SortRole);
    m_registrationsProxy->setSortRole(PcapRowsModel::SortRole);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(4, 4, 4, 4);
    m_headline = new QLabel(this);
    m_headline->setTextFormat(Qt::PlainText);
    m_proceduresView = new NetworkTable(m_proceduresProxy, this);
    m_proceduresView->sortByColumn(RpcProceduresModel::Program, Qt::AscendingOrder);
    m_notes = new QLabel(this);
    m_notes->setTextFormat(Qt::PlainText); // server addresses and names come from the capture
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setObjectName(QStringLiteral("registrationNotes"));
    m_notes->setStyleSheet(QStringLiteral("QLabel#registrationNotes { background: #f6c9c9; color: #4a0000;"
                                          " border: 1px solid #c84040; border-radius: 3px; padding: 4px 6px; }"));
    m_notes->hide();
    m_registrationsView = new NetworkTable(m_registrationsProxy, this);
    m_registrationsView->sortByColumn(RpcRegistrationsModel::Port, Qt::AscendingOrder);
    m_unansweredOnly = new QCheckBox(tr("Only calls that were never answered"), this);
    m_unansweredOnly->setChecked(true);
    auto *callsTable = new NetworkTable(m_callsProxy, this);
    callsTable->setLinkKind(QStringLiteral("rpc-call"));
    m_callsView = callsTable;
    m_callsView->sortByColumn(RpcCallsModel::Time, Qt::AscendingOrder);
    for (QTableView *v : {m_proceduresView, m_callsView}) // numbers last: keep them next to their neighbours
        v->horizontalHeader()->setStretchLastSection(false);

    auto section = [this](const QString &title, QWidget *extra, QWidget *below, QWidget *table) {
        auto *w = new QWidget(this);
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
        if (below)
            v->addWidget(below);
        v->addWidget(table, 1);
        return w;
    };
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(section(tr("Procedures"), nullptr, nullptr, m_proceduresView));
    split->addWidget(section(tr("Registered programs (from portmapper/rpcbind replies)"), nullptr, m_notes, m_registrationsView));
    split->addWidget(section(tr("Calls"), m_unansweredOnly, nullptr, m_callsView));
    l->addWidget(m_headline);
    l->addWidget(split, 1);

    connect(m_unansweredOnly, &QCheckBox::toggled, m_callsProxy, &RpcCallFilterProxy::setUnansweredOnly);
    connect(m_callsView, &QAbstractItemView::activated, this, [this](const QModelIndex &i) {
        const QModelIndex src = m_callsProxy->mapToSource(i);
        if (!src.isValid())
            return;
        if (const qint64 conversation = NetworkText::integer(m_calls->row(src.row()), "conversation_id"))
            emit conversationRequested(conversation);
    });
    updateText();
}

bool RpcPage::setRows(const QJsonArray &procedures, const QJsonArray &calls, const QJsonArray &registrations)
{
    const qint64 keep = currentCall();
    if (m_procedures->setRows(procedures))
        m_proceduresView->resizeColumnsToContents();
    if (m_registrations->setRows(registrations))
        m_registrationsView->resizeColumnsToContents();
    const bool callsChanged = m_calls->setRows(calls);
    if (callsChanged) {
        m_callsView->resizeColumnsToContents();
        if (keep)
            showCall(keep);
    }
    updateText();
    return callsChanged;
}

void RpcPage::setCaptureColumnVisible(bool visible)
{
    m_proceduresView->setColumnHidden(RpcProceduresModel::Capture, !visible);
    m_callsView->setColumnHidden(RpcCallsModel::Capture, !visible);
    m_registrationsView->setColumnHidden(RpcRegistrationsModel::Capture, !visible);
}

int RpcPage::unansweredCalls() const
{
    int n = 0;
    for (int r = 0; r < m_calls->rowCount(); ++r)
        n += RpcCallsModel::isUnanswered(m_calls->row(r)) ? 1 : 0;
    return n;
}

void RpcPage::updateText()
{
    const QLocale l;
    m_headline->setText(m_procedures->rowCount() == 0
                            ? tr("No ONC RPC (NFS, mountd, lockd, statd, portmapper) seen in this traffic.")
                            : tr("%1 RPC calls to %2 procedure(s); %3 never answered.")
                                  .arg(l.toString(m_calls->rowCount()), l.toString(m_procedures->rowCount()),
                                       l.toString(unansweredCalls())));
    const QStringList notes = m_registrations->notes();
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
}

qint64 RpcPage::currentCall() const
{
    return m_callsView->currentIndex().data(PcapRowsModel::IdRole).toLongLong();
}

bool RpcPage::showCall(qint64 id)
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
