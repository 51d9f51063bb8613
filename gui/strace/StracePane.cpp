#include "StracePane.h"

#include "StraceCallsModel.h"
#include "StraceErrorsModel.h"
#include "StraceFdsModel.h"
#include "StraceProcessTreeModel.h"
#include "StraceSummaryModel.h"
#include "StraceText.h"
#include "StraceViewData.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "strace/StraceQuery.h"
#include "util/BackgroundReader.h"
#include "util/FilterLineEdit.h"
#include "util/TableFit.h"

#include <QComboBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
const QString kLoadChannel = QStringLiteral("strace");
const QString kCheckChannel = QStringLiteral("strace-check");
const QString kGrepChannel = QStringLiteral("strace-grep");
const QString kCallChannel = QStringLiteral("strace-call");
const QString kFdsChannel = QStringLiteral("strace-fds");
constexpr int kMaxColumnWidth = 360;

QSortFilterProxyModel *sortProxy(QAbstractItemModel *source, int sortRole, QObject *parent)
{
    auto *p = new QSortFilterProxyModel(parent);
    p->setSourceModel(source);
    p->setSortRole(sortRole);
    p->setSortCaseSensitivity(Qt::CaseInsensitive);
    return p;
}

// Columns as wide as their text, but none wider than kMaxColumnWidth except
// the last, which takes the rest.
void fitColumns(QTableView *v)
{
    v->resizeColumnsToContents();
    const int last = v->model()->columnCount() - 1;
    for (int c = 0; c < last; ++c)
        if (v->columnWidth(c) > kMaxColumnWidth)
            v->setColumnWidth(c, kMaxColumnWidth);
}

QWidget *page(QWidget *parent, std::initializer_list<QWidget *> top, QWidget *main)
{
    auto *w = new QWidget(parent);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 4, 0, 0);
    if (top.size()) {
        auto *bar = new QHBoxLayout;
        for (QWidget *t : top)
            bar->addWidget(t, qobject_cast<QLabel *>(t) ? 1 : 0);
        l->addLayout(bar);
    }
    l->addWidget(main, 1);
    return w;
}
} // namespace

StracePane::StracePane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_hung(new StraceCallsModel(StraceCallsModel::Kind::Hung, this)),
      m_summary(new StraceSummaryModel(this)), m_slowest(new StraceCallsModel(StraceCallsModel::Kind::Completed, this)),
      m_errors(new StraceErrorsModel(this)), m_processes(new StraceProcessTreeModel(this)), m_fds(new StraceFdsModel(this)),
      m_search(new StraceCallsModel(StraceCallsModel::Kind::Completed, this))
{
    setObjectName(QStringLiteral("StracePane"));
    m_proxies = {sortProxy(m_hung, StraceCallsModel::SortRole, this),
                 sortProxy(m_summary, StraceSummaryModel::SortRole, this),
                 sortProxy(m_slowest, StraceCallsModel::SortRole, this),
                 sortProxy(m_errors, StraceErrorsModel::SortRole, this),
                 sortProxy(m_processes, StraceProcessTreeModel::SortRole, this),
                 sortProxy(m_fds, StraceFdsModel::SortRole, this),
                 sortProxy(m_search, StraceCallsModel::SortRole, this)};
    m_proxies[Fds]->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxies[Fds]->setFilterKeyColumn(StraceFdsModel::Path);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *bar = new QHBoxLayout;
    m_trace = new QComboBox(this);
    m_trace->setMinimumContentsLength(48);
    m_trace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *traceLabel = new QLabel(tr("&Log:"), this);
    traceLabel->setBuddy(m_trace);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    bar->addWidget(traceLabel);
    bar->addWidget(m_trace);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);

    QTableView *hung = makeTable(m_proxies[Hung], StraceCallsModel::Duration, Qt::DescendingOrder);
    m_hungNote = new QLabel(this);
    m_hungNote->setTextFormat(Qt::PlainText);
    m_hungNote->setWordWrap(true);
    m_views->addTab(page(m_views, {m_hungNote}, hung), tr("Hung calls"));

    QTableView *summary = makeTable(m_proxies[Summary], StraceSummaryModel::Total, Qt::DescendingOrder);
    summary->horizontalHeader()->setStretchLastSection(false);
    m_summaryScope = new QComboBox(this);
    m_summaryScope->addItem(tr("All processes together"), false);
    m_summaryScope->addItem(tr("Each process separately"), true);
    m_summaryTotals = new QLabel(this);
    m_summaryTotals->setTextFormat(Qt::PlainText);
    m_views->addTab(page(m_views, {m_summaryScope, m_summaryTotals}, summary), tr("Summary"));

    QTableView *slowest = makeTable(m_proxies[Slowest], StraceCallsModel::Duration, Qt::DescendingOrder);
    auto *slowNote = new QLabel(tr("The %n longest completed call(s), as strace -T measured them.", nullptr,
                                   StraceViewData::kSlowest), this);
    m_views->addTab(page(m_views, {slowNote}, slowest), tr("Slowest"));

    QTableView *errors = makeTable(m_proxies[Errors], StraceErrorsModel::Count, Qt::DescendingOrder);
    auto *errNote = new QLabel(tr("Failed calls by error and syscall. Double-click a row to search those calls."), this);
    m_views->addTab(page(m_views, {errNote}, errors), tr("Errors"));

    auto *tree = new QTreeView(this);
    tree->setModel(m_proxies[Processes]);
    tree->setSortingEnabled(true);
    tree->sortByColumn(StraceProcessTreeModel::Pid, Qt::AscendingOrder);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    auto *procNote = new QLabel(tr("Children under the process whose fork/clone returned their PID."), this);
    m_views->addTab(page(m_views, {procNote}, tree), tr("Processes"));

    QTableView *fds = makeTable(m_proxies[Fds], StraceFdsModel::Pid, Qt::AscendingOrder);
    m_fdFilter = new FilterLineEdit(this);
    m_fdFilter->setPlaceholderText(tr("Filter by path, socket or connection…"));
    auto *fdNote = new QLabel(tr("What each descriptor was: as strace -y/-yy printed it, or (in italics) followed from the log's own open/dup/socket/close calls. Double-click to search its calls."), this);
    m_views->addTab(page(m_views, {m_fdFilter, fdNote}, fds), tr("File descriptors"));

    QTableView *searchView = makeTable(m_proxies[Search], StraceCallsModel::Started, Qt::AscendingOrder);
    m_searchEdit = new FilterLineEdit(this);
    m_searchEdit->setPlaceholderText(tr("Search every call for text (like grep -F, case-sensitive)…"));
    m_searchEdit->setMinimumWidth(360);
    m_searchStatus = new QLabel(tr("Type text to search the calls' names, arguments, paths, results and errors."), this);
    m_searchStatus->setTextFormat(Qt::PlainText);
    m_views->addTab(page(m_views, {m_searchEdit, m_searchStatus}, searchView), tr("Search"));

    m_itemViews = {hung, summary, slowest, errors, tree, fds, searchView};

    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a call to see it in full."));
    m_detail->setMaximumBlockCount(200);
    m_detail->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_views);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    split->setSizes({700, fontMetrics().lineSpacing() * 5});
    layout->addWidget(split, 1);

    for (View v : {Hung, Slowest, Search}) {
        auto *t = static_cast<QTableView *>(m_itemViews[v]);
        connect(t->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &cur) { showDetail(cur); });
        connect(t, &QAbstractItemView::activated, this, &StracePane::activateCall); // double-click, Enter
    }
    connect(m_views, &QTabWidget::currentChanged, this, [this](int i) {
        if (i == Hung || i == Slowest || i == Search)
            showDetail(m_itemViews[i]->currentIndex());
    });
    connect(errors, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &i) {
        const QModelIndex s = m_proxies[Errors]->mapToSource(i);
        if (!s.isValid())
            return;
        m_views->setCurrentIndex(Search);
        search(m_errors->row(s.row()).errnoName);
    });
    connect(fds, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &i) {
        const QModelIndex s = m_proxies[Fds]->mapToSource(i);
        if (!s.isValid() || m_fds->row(s.row()).path.isEmpty())
            return;
        m_views->setCurrentIndex(Search);
        search(m_fds->row(s.row()).path);
    });
    connect(m_fdFilter, &FilterLineEdit::filterChanged, this,
            [this](const QString &t) { m_proxies[Fds]->setFilterFixedString(t.trimmed()); });
    connect(m_searchEdit, &FilterLineEdit::filterChanged, this, &StracePane::search);
    connect(m_summaryScope, &QComboBox::currentIndexChanged, this, [this] {
        const bool per = m_summaryScope->currentData().toBool();
        m_summary->setRows(per ? m_summaryPerProcess : m_summaryOverall, per);
        auto *t = static_cast<QTableView *>(m_itemViews[Summary]);
        t->setColumnHidden(StraceSummaryModel::Pid, !per);
        fitColumns(t);
    });
    static_cast<QTableView *>(m_itemViews[Summary])->setColumnHidden(StraceSummaryModel::Pid, true);
    connect(m_trace, &QComboBox::currentIndexChanged, this, [this] {
        load();
        if (!m_searchEdit->text().isEmpty())
            search(m_searchEdit->text());
    });

    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kReloadIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (m_recheck) {
            m_recheck = false;
            checkForChanges();
        }
    });
    connect(session, &CaseSession::opened, this, &StracePane::reload);
    connect(session, &CaseSession::dataChanged, this, &StracePane::checkForChanges);
    connect(session, &CaseSession::closed, this, [this] {
        for (const QString &c : {kLoadChannel, kCheckChannel, kGrepChannel, kCallChannel, kFdsChannel})
            m_session->reader()->cancel(c);
        const QSignalBlocker b(m_trace);
        m_trace->clear();
        m_fingerprint.clear();
        m_hasData = m_loading = m_loadingFds = m_searching = m_recheck = false;
        m_throttle.stop();
        m_pendingCall = 0;
        m_summaryOverall = m_summaryPerProcess = {};
        for (StraceCallsModel *m : {m_hung, m_slowest, m_search})
            m->setCalls({});
        m_summary->setRows({}, m_summaryScope->currentData().toBool());
        m_errors->setRows({});
        m_processes->setRows({});
        m_fds->setRows({});
        m_detail->clear();
        m_status->clear();
        updateTabTitles();
    });
    updateTabTitles();
}

StracePane::~StracePane() = default;

QTableView *StracePane::makeTable(QSortFilterProxyModel *proxy, int sortColumn, Qt::SortOrder order)
{
    auto *v = new QTableView(this);
    v->setModel(proxy);
    v->setSortingEnabled(true);
    v->sortByColumn(sortColumn, order);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->horizontalHeader()->setResizeContentsPrecision(kColumnFitRows);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setStretchLastSection(true);
    v->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return v;
}

QSortFilterProxyModel *StracePane::proxy(View view) const
{
    return m_proxies.value(view);
}

QAbstractItemView *StracePane::view(View view) const
{
    return m_itemViews.value(view);
}

void StracePane::reload()
{
    m_fingerprint.clear();
    load();
}

void StracePane::load()
{
    if (!m_session->isOpen())
        return;
    const qint64 collection = m_trace->currentData().toLongLong();
    m_loading = true;
    m_session->reader()->cancel(kCheckChannel);
    m_status->setText(tr("Loading strace evidence…"));
    m_session->reader()->run<StraceViewData>(
        kLoadChannel,
        [collection](CaseFile &cf, const CancelToken &cancel) { return StraceViewData::load(cf.db(), collection, cancel); },
        this, [this](const StraceViewData &d) { apply(d); },
        [this](const QString &e) {
            m_loading = false;
            m_status->setText(tr("Could not read the strace evidence: %1").arg(e));
            emit loaded();
        });
}

void StracePane::checkForChanges()
{
    // Called on every commit anywhere in the case: only a cheap look at the
    // traces, and a full reload only when the strace evidence changed.
    if (!m_session->isOpen())
        return;
    if (m_loading) {
        m_recheck = true; // look again once this load is in
        return;
    }
    m_session->reader()->run<QString>(
        kCheckChannel,
        [](CaseFile &cf, const CancelToken &) { return StraceViewData::fingerprint(StraceQuery(cf.db()).traces()); }, this,
        [this](const QString &f) {
            if (f == m_fingerprint)
                return;
            if (m_throttle.isActive()) {
                m_recheck = true; // reloaded a moment ago: look again when the interval is over
                return;
            }
            m_throttle.start();
            load();
        });
}

void StracePane::apply(const StraceViewData &d)
{
    if (d.cancelled)
        return;
    m_loading = false;
    m_hasData = true;
    m_fingerprint = StraceViewData::fingerprint(d.traces);
    fillTraceBox(d.traces, d.collectionId);
    m_hung->setCalls(d.hung);
    m_slowest->setCalls(d.slowest);
    m_summaryOverall = d.summary;
    m_summaryPerProcess = d.summaryPerProcess;
    const bool per = m_summaryScope->currentData().toBool();
    m_summary->setRows(per ? m_summaryPerProcess : m_summaryOverall, per);
    m_errors->setRows(d.errors);
    m_processes->setRows(d.processes);
    loadFds(d.collectionId);
    for (View v : {Hung, Summary, Slowest, Errors})
        fitColumns(static_cast<QTableView *>(m_itemViews[v]));
    auto *tree = static_cast<QTreeView *>(m_itemViews[Processes]);
    tree->expandAll();
    for (int c = 0; c < StraceProcessTreeModel::ColumnCount - 1; ++c) {
        tree->resizeColumnToContents(c);
        tree->setColumnWidth(c, qMin(tree->columnWidth(c), kMaxColumnWidth));
    }

    // The status line: what the selection holds, and whether it is whole.
    qint64 calls = 0, unfinished = 0, unparsed = 0, files = 0;
    bool incomplete = false;
    for (const StraceTraceRow &t : d.traces) {
        if (d.collectionId && t.collectionId != d.collectionId)
            continue;
        ++files;
        calls += t.calls;
        unfinished += t.unfinished;
        unparsed += t.unparsed;
        incomplete = incomplete || !t.isComplete();
    }
    if (d.traces.isEmpty()) {
        m_status->setText(tr("No strace evidence in this case yet: collect with strace or import a strace log."));
    } else {
        QStringList parts;
        parts << tr("%n log file(s)", nullptr, int(files)) << tr("%1 calls").arg(QLocale().toString(calls))
              << tr("%1 never returned").arg(QLocale().toString(unfinished)) << tr("%n process(es)", nullptr, m_processes->processCount());
        if (unparsed)
            parts << tr("%1 lines not understood").arg(QLocale().toString(unparsed));
        if (incomplete)
            parts << tr("incomplete or cut short");
        m_status->setText(parts.join(QStringLiteral(" · ")));
    }
    updateTabTitles();
    updateDescription();
    // The longest wait, in full below the list: what a responder reads first.
    if (m_hung->rowCount() > 0 && !m_itemViews[Hung]->currentIndex().isValid())
        m_itemViews[Hung]->setCurrentIndex(m_proxies[Hung]->index(0, StraceCallsModel::Call));
    emit loaded();
    if (m_recheck && !m_throttle.isActive()) {
        m_recheck = false;
        checkForChanges();
    }
    if (m_pendingCall) {
        const qint64 id = m_pendingCall;
        m_pendingCall = 0;
        showCall(id);
    }
}

void StracePane::loadFds(qint64 collectionId)
{
    m_loadingFds = true;
    m_views->setTabToolTip(Fds, QString());
    m_session->reader()->run<QList<StraceFdRow>>(
        kFdsChannel, [collectionId](CaseFile &cf, const CancelToken &) { return StraceViewData::loadFds(cf.db(), collectionId); },
        this,
        [this](const QList<StraceFdRow> &rows) {
            m_loadingFds = false;
            m_fds->setRows(rows);
            fitColumns(static_cast<QTableView *>(m_itemViews[Fds]));
            updateTabTitles();
            emit loaded();
        },
        [this](const QString &e) {
            m_loadingFds = false;
            m_fds->setRows({});
            updateTabTitles();
            m_views->setTabToolTip(Fds, e);
            emit loaded();
        });
}

void StracePane::fillTraceBox(const QList<StraceTraceRow> &traces, qint64 selected)
{
    const QSignalBlocker b(m_trace);
    m_trace->clear();
    qint64 total = 0;
    QList<qint64> order;
    QHash<qint64, QList<StraceTraceRow>> byCollection;
    for (const StraceTraceRow &t : traces) {
        if (!byCollection.contains(t.collectionId))
            order << t.collectionId;
        byCollection[t.collectionId] << t;
        total += t.calls;
    }
    m_trace->addItem(tr("All strace logs (%n collection(s), %1 calls)", nullptr, int(order.size())).arg(QLocale().toString(total)),
                     qint64(0));
    for (qint64 c : std::as_const(order)) {
        const QList<StraceTraceRow> &ts = byCollection[c];
        qint64 calls = 0, unparsed = 0;
        for (const StraceTraceRow &t : ts) {
            calls += t.calls;
            unparsed += t.unparsed;
        }
        QString name = StraceText::oneLine(ts.first().name, 60);
        if (ts.size() > 1)
            name += tr(" and %n more file(s)", nullptr, int(ts.size() - 1));
        QStringList parts{name};
        const QString host = StraceText::oneLine(ts.first().host, 60);
        if (!host.isEmpty())
            parts << host;
        parts << tr("%1 calls").arg(QLocale().toString(calls));
        if (unparsed)
            parts << tr("%1 unparsed").arg(QLocale().toString(unparsed));
        m_trace->addItem(parts.join(QStringLiteral(" · ")), c);
        m_trace->setItemData(m_trace->count() - 1, tr("Collection %1").arg(c), Qt::ToolTipRole);
    }
    m_trace->setCurrentIndex(qMax(0, m_trace->findData(selected)));
}

void StracePane::updateTabTitles()
{
    auto count = [](const QString &title, int n) { return n ? QStringLiteral("%1 (%2)").arg(title).arg(n) : title; };
    m_views->setTabText(Hung, count(tr("Hung calls"), m_hung->rowCount()));
    m_views->setTabText(Summary, tr("Summary"));
    m_views->setTabText(Slowest, tr("Slowest"));
    m_views->setTabText(Errors, count(tr("Errors"), m_errors->rowCount()));
    m_views->setTabText(Processes, count(tr("Processes"), m_processes->processCount()));
    m_views->setTabText(Fds, m_loadingFds ? tr("File descriptors (reading…)") : count(tr("File descriptors"), m_fds->rowCount()));
    m_views->setTabText(Search, m_search->rowCount() ? count(tr("Search"), m_search->rowCount()) : tr("Search"));
}

void StracePane::updateDescription()
{
    if (m_hung->rowCount() == 0)
        m_hungNote->setText(tr("No call was left hanging: every traced call returned before the trace ended."));
    else
        m_hungNote->setText(tr("%n call(s) never returned before the trace ended or strace detached; longest wait first. "
                               "They waited at least as long as shown. Double-click to open the raw log.",
                               nullptr, m_hung->rowCount()));
    m_summaryTotals->setText(tr("%1 calls · %n error(s) · %2 in calls (strace -T)", nullptr, int(m_summary->totalErrors()))
                                 .arg(QLocale().toString(m_summary->totalCalls()), StraceText::duration(m_summary->totalUs())));
}

qint64 StracePane::currentCallId() const
{
    const int v = m_views->currentIndex();
    if (v != Hung && v != Slowest && v != Search)
        return 0;
    return m_itemViews[v]->currentIndex().data(StraceCallsModel::CallIdRole).toLongLong();
}

bool StracePane::showCall(qint64 callId)
{
    if (!m_session->isOpen())
        return false;
    if (m_loading || !m_hasData) {
        m_pendingCall = callId;
        if (!m_loading)
            load();
        return true;
    }
    for (View v : {Hung, Slowest, Search})
        if (selectIn(v, callId))
            return true;
    lookUpCall(callId);
    return true;
}

bool StracePane::selectIn(View view, qint64 callId)
{
    StraceCallsModel *m = view == Hung ? m_hung : view == Slowest ? m_slowest : m_search;
    const int row = m->rowOf(callId);
    if (row < 0)
        return false;
    const QModelIndex idx = m_proxies[view]->mapFromSource(m->index(row, StraceCallsModel::Call));
    if (!idx.isValid())
        return false;
    m_views->setCurrentIndex(view);
    m_itemViews[view]->setCurrentIndex(idx);
    m_itemViews[view]->scrollTo(idx);
    showDetail(idx);
    emit callShown(callId);
    return true;
}

void StracePane::lookUpCall(qint64 callId)
{
    m_session->reader()->run<std::optional<StraceCallRow>>(
        kCallChannel, [callId](CaseFile &cf, const CancelToken &) { return StraceQuery(cf.db()).call(callId); }, this,
        [this, callId](const std::optional<StraceCallRow> &call) {
            if (!call) {
                emit statusMessage(tr("There is no strace call %1 in this case.").arg(callId));
                return;
            }
            m_session->reader()->cancel(kGrepChannel);
            m_searching = false;
            {
                const QSignalBlocker b(m_searchEdit); // no search for the cleared text
                m_searchEdit->clear();
            }
            m_search->setCalls({*call});
            m_searchStatus->setText(tr("Call %1, as the evidence link names it.").arg(callId));
            updateTabTitles();
            selectIn(Search, callId);
        },
        [this](const QString &e) { emit statusMessage(e); });
}

void StracePane::search(const QString &text)
{
    if (m_searchEdit->text() != text) {
        const QSignalBlocker b(m_searchEdit);
        m_searchEdit->setText(text);
    }
    if (!m_session->isOpen())
        return;
    if (text.isEmpty()) {
        m_session->reader()->cancel(kGrepChannel);
        m_searching = false;
        m_search->setCalls({});
        m_searchStatus->setText(tr("Type text to search the calls' names, arguments, paths, results and errors."));
        updateTabTitles();
        emit searched();
        return;
    }
    const qint64 collection = m_trace->currentData().toLongLong();
    m_searching = true;
    m_searchStatus->setText(tr("Searching…"));
    m_session->reader()->run<QList<StraceCallRow>>(
        kGrepChannel,
        [collection, text](CaseFile &cf, const CancelToken &) {
            return StraceQuery(cf.db(), collection).grep(text, kSearchLimit + 1);
        },
        this,
        [this, text](const QList<StraceCallRow> &rows) {
            m_searching = false;
            const bool capped = rows.size() > kSearchLimit;
            const QList<StraceCallRow> shown = rows.mid(0, kSearchLimit);
            m_search->setCalls(shown);
            fitColumns(static_cast<QTableView *>(m_itemViews[Search]));
            const QString quoted = QStringLiteral("“") + StraceText::oneLine(text, 80) + QStringLiteral("”");
            if (capped)
                m_searchStatus->setText(tr("Showing the first %1 calls containing %2; there are more: search for something "
                                           "more specific.").arg(QLocale().toString(kSearchLimit), quoted));
            else
                m_searchStatus->setText(tr("%n call(s) contain %1.", nullptr, int(shown.size())).arg(quoted));
            updateTabTitles();
            emit searched();
        },
        [this](const QString &e) {
            m_searching = false;
            m_searchStatus->setText(tr("Search failed: %1").arg(e));
            emit searched();
        });
}

void StracePane::showDetail(const QModelIndex &proxyIndex)
{
    const int v = m_views->currentIndex();
    if (!proxyIndex.isValid() || (v != Hung && v != Slowest && v != Search)) {
        m_detail->clear();
        return;
    }
    const QModelIndex s = m_proxies[v]->mapToSource(proxyIndex);
    StraceCallsModel *m = v == Hung ? m_hung : v == Slowest ? m_slowest : m_search;
    if (!s.isValid() || s.model() != m)
        return;
    const StraceCallRow &c = m->call(s.row());
    QStringList facts;
    facts << (c.pid ? tr("PID %1").arg(c.pid) : tr("an unknown process (the log names no pids)"));
    if (c.timeUs)
        facts << tr("started %1").arg(StraceText::time(c.timeUs));
    else
        facts << tr("no timestamps in the log");
    if (c.durationUs)
        facts << (c.isUnfinished() ? tr("waited at least %1") : tr("took %1")).arg(StraceText::duration(c.durationUs));
    else if (c.isUnfinished())
        facts << tr("how long it waited is not known");
    facts << StraceCallsModel::outcome(c);
    QString text = StraceText::oneLine(c.formatted(), 20000) + QLatin1Char('\n') + facts.join(QStringLiteral(" · "));
    if (c.fdPath && c.fdInferred)
        text += QLatin1Char('\n') + tr("fd %1 is %2 (followed from the log's own calls; traced without -y)")
                                        .arg(c.fd.value_or(-1))
                                        .arg(StraceText::oneLine(*c.fdPath, 2000));
    QStringList where;
    if (!c.host.isEmpty())
        where << StraceText::oneLine(c.host, 200);
    where << StraceText::oneLine(c.trace, 200) << tr("line %1").arg(c.line);
    m_detail->setPlainText(text + QLatin1Char('\n') + where.join(QStringLiteral(" · ")));
}

void StracePane::activateCall(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const qint64 artifact = proxyIndex.data(StraceCallsModel::ArtifactIdRole).toLongLong();
    if (artifact)
        emit artifactRequested(artifact, proxyIndex.data(StraceCallsModel::LineRole).toLongLong());
    else
        emit statusMessage(tr("The raw log of this call is not in the case."));
}
