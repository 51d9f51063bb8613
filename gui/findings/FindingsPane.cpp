#include "FindingsPane.h"

#include "FindingsModel.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "casefile/SqliteDatabase.h"
#include "links/LinkBuilder.h"
#include "links/LinkResolver.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"
#include "util/PaneLoader.h"
#include "util/TimeUtil.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
struct Loaded
{
    QList<Finding> findings;
    QHash<qint64, QString> hostNames;
    QHash<qint64, QList<EvidenceLink>> links;
};

// A finding's references as stable links: a stack in the finding's snapshot,
// a task as HOST/SNAPSHOT/TID.
QList<EvidenceLink> stableLinks(SqliteDatabase &db, const Finding &f)
{
    // The finding's snapshot: its snapshot evidence, else that of its first task.
    const LinkResolver resolver(db);
    qint64 snapshot = 0;
    for (const EvidenceRef &r : f.evidence)
        if (r.refKind == LinkKinds::name(LinkKind::Snapshot))
            snapshot = r.refId;
    for (const EvidenceRef &r : f.evidence)
        if (!snapshot && r.refKind == LinkKinds::name(LinkKind::Task)) {
            try {
                snapshot = resolver.resolve(r.refKind, QString::number(r.refId)).snapshotId;
            } catch (const CaseError &) {
            }
        }
    QList<EvidenceLink> out;
    for (const EvidenceRef &r : f.evidence) {
        EvidenceLink l = EvidenceLink::fromRef(r.refKind, r.refId);
        const auto kind = LinkKinds::parse(r.refKind);
        if (kind == LinkKind::Task || kind == LinkKind::Stack) {
            try {
                const ResolvedLink resolved = resolver.resolve(r.refKind, QString::number(r.refId), snapshot);
                const QList<EvidenceLink> parsed = EvidenceLink::parseAll(resolved.canonical);
                if (!parsed.isEmpty())
                    l = parsed.first();
            } catch (const CaseError &) {
                // left as stored: opening it says why it cannot be shown
            }
        }
        out.append(l);
    }
    return out;
}
}

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
    m_loader = new PaneLoader(
        session, QStringLiteral("findings"),
        [](CaseFile &cf) {
            return cf.db().queryText(QStringLiteral(
                "SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || (SELECT count(*) FROM finding_evidence) "
                "|| ':' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM hosts) FROM findings"));
        },
        std::function<Loaded(CaseFile &, const CancelToken &)>([](CaseFile &cf, const CancelToken &cancel) {
            Loaded l;
            for (const HostRecord &h : HostStore(cf.db()).all())
                l.hostNames.insert(h.id, h.name);
            l.findings = FindingStore(cf.db()).list(0, {}, FindingStore::Include::All); // superseded ones greyed, after the current
            for (const Finding &f : std::as_const(l.findings)) {
                if (cancel.isCancelled())
                    break;
                l.links.insert(f.id, stableLinks(cf.db(), f));
            }
            return l;
        }),
        this, std::function<void(const Loaded &)>([this](const Loaded &l) {
            const qint64 current = m_view->currentIndex().data(FindingsModel::FindingIdRole).toLongLong();
            m_links = l.links;
            m_model->setFindings(l.findings, l.hostNames);
            m_view->resizeColumnToContents(FindingsModel::Severity);
            if (current)
                selectFinding(current);
        }));
    connect(session, &CaseSession::closed, this, [this] {
        m_links.clear();
        m_model->setFindings({}, {});
        m_detail->clear();
    });
}

void FindingsPane::reload()
{
    m_loader->reloadNow();
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
    const QList<EvidenceLink> links = m_links.value(f.id);
    if (!links.isEmpty())
        emit evidenceRequested(links.first());
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
        const QList<EvidenceLink> links = m_links.value(f.id);
        for (int i = 0; i < f.evidence.size(); ++i) {
            const EvidenceRef &r = f.evidence[i];
            const EvidenceLink l = i < links.size() ? links[i] : EvidenceLink::fromRef(r.refKind, r.refId);
            html += QStringLiteral("<li><a href=\"%1\">%2</a> %3</li>")
                        .arg(l.url().toString(QUrl::FullyEncoded).toHtmlEscaped(), l.text().toHtmlEscaped(),
                             r.label.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    m_detail->setHtml(html);
}

WorkbenchPane::Info FindingsPane::paneInfo() const
{
    return {QStringLiteral("findings"), QCoreApplication::translate("MainWindow", "F&indings"), {}, {}, Placement::BottomDock, {LinkKind::Finding}};
}

bool FindingsPane::showLink(const ResolvedLink &link)
{
    return selectFinding(link.id);
}

PaneLoader *FindingsPane::paneLoader() const
{
    return m_loader;
}
