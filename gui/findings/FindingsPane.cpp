#include "FindingsPane.h"

#include "FindingsModel.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "util/FilterLineEdit.h"
#include "util/TimeUtil.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

FindingsPane::FindingsPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new FindingsModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filter = new FilterLineEdit(this);
    filter->setPlaceholderText(tr("Filter findings…"));
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FindingsModel::Severity, Qt::DescendingOrder);
    m_proxy->setSortRole(FindingsModel::SeverityRankRole);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::Title, QHeaderView::Stretch);
    m_detail = new QTextBrowser(this);
    m_detail->setOpenLinks(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(filter);
    layout->addWidget(split, 1);

    connect(filter, &FilterLineEdit::filterChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QAbstractItemView::activated, this, &FindingsPane::activateCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsPane::showDetail);
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const EvidenceLink l = EvidenceLink::fromUrl(url);
        if (l.isValid())
            emit evidenceRequested(l);
    });
    connect(session, &CaseSession::opened, this, &FindingsPane::reload);
    connect(session, &CaseSession::dataChanged, this, &FindingsPane::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_model->setFindings({}, {});
        m_detail->clear();
    });
}

void FindingsPane::reload()
{
    if (!m_session->isOpen())
        return;
    const qint64 current = m_view->currentIndex().data(FindingsModel::FindingIdRole).toLongLong();
    auto &db = m_session->caseFile()->db();
    QHash<qint64, QString> names;
    for (const HostRecord &h : HostStore(db).all())
        names.insert(h.id, h.name);
    m_model->setFindings(FindingStore(db).list(0, {}, FindingStore::Include::All), names);
    m_view->resizeColumnToContents(FindingsModel::Severity);
    if (current)
        selectFinding(current);
}

bool FindingsPane::selectFinding(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, FindingsModel::Title));
    if (!idx.isValid())
        return false;
    m_view->setCurrentIndex(idx);
    m_view->scrollTo(idx);
    return true;
}

void FindingsPane::activateCurrent()
{
    const QModelIndex idx = m_proxy->mapToSource(m_view->currentIndex());
    if (!idx.isValid())
        return;
    const Finding &f = m_model->finding(idx.row());
    if (!f.evidence.isEmpty())
        emit evidenceRequested(EvidenceLink::fromRef(f.evidence.first().refKind, f.evidence.first().refId));
    else if (f.collectionId)
        emit evidenceRequested(EvidenceLink::fromRef(QStringLiteral("collection"), f.collectionId));
}

void FindingsPane::showDetail()
{
    const QModelIndex idx = m_proxy->mapToSource(m_view->currentIndex());
    if (!idx.isValid()) {
        m_detail->clear();
        return;
    }
    const Finding &f = m_model->finding(idx.row());
    // Built as a document of escaped plain text plus links: the finding text
    // comes from analysed host data and is never interpreted as markup.
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · %3</p><pre>%4</pre>")
                       .arg(f.title.toHtmlEscaped(), f.severity.toHtmlEscaped(), f.kind.toHtmlEscaped(),
                            f.detail.toHtmlEscaped());
    if (f.isSuperseded()) {
        const QString when = TimeUtil::isoUtc(f.supersededUs).toHtmlEscaped();
        if (f.supersededBy) {
            const EvidenceLink l = EvidenceLink::fromRef(QStringLiteral("finding"), f.supersededBy);
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("Superseded at %1 by %2.")
                                 .arg(when, QStringLiteral("<a href=\"%1\">%2</a>")
                                                .arg(l.url().toString(QUrl::FullyEncoded).toHtmlEscaped(), l.text().toHtmlEscaped())));
        } else {
            html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Superseded at %1: a later analysis no longer found it.").arg(when));
        }
    }
    if (!f.evidence.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Evidence").toHtmlEscaped());
        for (const EvidenceRef &r : f.evidence) {
            const EvidenceLink l = EvidenceLink::fromRef(r.refKind, r.refId);
            html += QStringLiteral("<li><a href=\"%1\">%2</a> %3</li>")
                        .arg(l.url().toString(QUrl::FullyEncoded).toHtmlEscaped(), l.text().toHtmlEscaped(),
                             r.label.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    m_detail->setHtml(html);
}
