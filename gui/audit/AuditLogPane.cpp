#include "AuditLogPane.h"

#include "AuditLogModel.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "util/FilterLineEdit.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

AuditLogPane::AuditLogPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new AuditLogModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filter = new FilterLineEdit(this);
    filter->setPlaceholderText(tr("Filter the audit log…"));
    m_chain = new QLabel(this);
    m_chain->setTextFormat(Qt::PlainText);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_chain);
    connect(filter, &FilterLineEdit::filterChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(session, &CaseSession::opened, this, &AuditLogPane::reload);
    connect(session, &CaseSession::dataChanged, this, &AuditLogPane::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_model->setEntries({});
        m_chain->clear();
    });
}

void AuditLogPane::reload()
{
    if (!m_session->isOpen())
        return;
    AuditLog log(m_session->caseFile()->db());
    m_model->setEntries(log.entries());
    QString problem;
    const qint64 bad = log.verifyChain(&problem);
    m_chain->setText(bad == 0 ? tr("%n entries; hash chain intact.", nullptr, int(m_model->rowCount()))
                              : tr("Hash chain broken at entry %1: %2").arg(bad).arg(problem));
    for (int c = 0; c < AuditLogModel::Details; ++c)
        m_view->resizeColumnToContents(c);
    m_view->scrollToBottom();
}
