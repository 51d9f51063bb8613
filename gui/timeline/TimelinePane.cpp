#include "TimelinePane.h"

#include "MarkerDialog.h"
#include "TimelineController.h"
#include "TimelineView.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "timeline/MarkerStore.h"
#include "timeline/TimelineQuery.h"
#include "util/HumanDuration.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"
#include "util/PaneLoader.h"
#include "util/TimeUtil.h"

#include <QCoreApplication>
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

TimelinePane::TimelinePane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_controller(new TimelineController(session, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    m_filter = new FilterLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter the timeline by text or kind…"));
    m_sourcesButton = new QToolButton(this);
    m_sourcesButton->setText(tr("So&urces"));
    m_sourcesButton->setPopupMode(QToolButton::InstantPopup);
    m_sourcesMenu = new QMenu(m_sourcesButton);
    m_sourcesButton->setMenu(m_sourcesMenu);
    m_hostsButton = new QToolButton(this);
    m_hostsButton->setText(tr("H&osts"));
    m_hostsButton->setPopupMode(QToolButton::InstantPopup);
    m_hostsMenu = new QMenu(m_hostsButton);
    m_hostsButton->setMenu(m_hostsMenu);
    m_view = new TimelineView(m_controller, this);

    auto makeButton = [this](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_view, slot);
        return b;
    };
    auto *zoomIn = makeButton(tr("+"), tr("Zoom in (+)"), &TimelineView::zoomIn);
    auto *zoomOut = makeButton(tr("−"), tr("Zoom out (-)"), &TimelineView::zoomOut);
    auto *fit = makeButton(tr("Fit"), tr("Show everything (Home)"), &TimelineView::fitAll);
    auto *marker = new QToolButton(this);
    marker->setText(tr("&Marker…"));
    marker->setToolTip(tr("Place a marker (detection, diagnosis, repair, key moment) at the centre of the view"));
    connect(marker, &QToolButton::clicked, this,
            [this] { placeMarkerInteractively((m_view->fromUs() + m_view->toUs()) / 2); });
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_sourcesButton);
    bar->addWidget(m_hostsButton);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(fit);
    bar->addWidget(marker);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_selection = new QLabel(this);
    m_selection->setTextFormat(Qt::PlainText);
    m_selection->setWordWrap(true);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_selection);
    layout->addWidget(m_status);

    // Zoom shortcuts (standard keys) while the timeline has focus.
    auto *zi = new QAction(tr("Zoom In"), this);
    zi->setShortcuts(QKeySequence::ZoomIn);
    zi->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(zi, &QAction::triggered, m_view, &TimelineView::zoomIn);
    auto *zo = new QAction(tr("Zoom Out"), this);
    zo->setShortcuts(QKeySequence::ZoomOut);
    zo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(zo, &QAction::triggered, m_view, &TimelineView::zoomOut);
    addActions({zi, zo});

    m_hostsLoader = new PaneLoader(
        session, QStringLiteral("timeline-hosts"),
        [](CaseFile &cf) { return cf.db().queryText(QStringLiteral("SELECT count(*) || ':' || coalesce(max(id), 0) FROM hosts")); },
        std::function<QList<HostRecord>(CaseFile &, const CancelToken &)>(
            [](CaseFile &cf, const CancelToken &) { return HostStore(cf.db()).all(); }),
        this, std::function<void(const QList<HostRecord> &)>([this](const QList<HostRecord> &hosts) {
            m_hosts = hosts;
            rebuildFilterMenus();
        }));
    connect(session, &CaseSession::closed, this, [this] { m_hosts.clear(); });
    connect(m_filter, &FilterLineEdit::filterChanged, this, &TimelinePane::applyFilter);
    connect(m_controller, &TimelineController::overviewReady, this, &TimelinePane::rebuildFilterMenus);
    connect(m_controller, &TimelineController::overviewReady, this, &TimelinePane::updateStatus);
    connect(m_controller, &TimelineController::windowReady, this, &TimelinePane::updateStatus);
    connect(m_controller, &TimelineController::busyChanged, this, &TimelinePane::updateStatus);
    connect(m_view, &TimelineView::itemSelected, this, &TimelinePane::showSelected);
    connect(m_view, &TimelineView::itemActivated, this, [this](const TimelineItem &it) {
        if (!it.refKind.isEmpty() && it.refId)
            emit evidenceRequested(EvidenceLink::fromRef(it.refKind, it.refId));
        else
            emit evidenceRequested(EvidenceLink::fromRef(it.origin, it.id));
    });
    connect(m_view, &TimelineView::placeMarkerRequested, this, &TimelinePane::placeMarkerInteractively);
    connect(m_view, &TimelineView::addNoteRequested, this, &TimelinePane::addNoteRequested);
    connect(m_view, &TimelineView::windowChanged, this, &TimelinePane::updateStatus);
}

void TimelinePane::rebuildFilterMenus()
{
    m_sourcesMenu->clear();
    m_hostsMenu->clear();
    if (!m_session->isOpen())
        return;
    // Sources come from the overview's lanes (computed off the GUI thread),
    // plus the hidden ones and the kinds a case always has.
    for (const TimelineLane &l : m_controller->lanes())
        m_knownSources.insert(l.source);
    for (const char *always : {"finding", "collection", "note", "marker"})
        m_knownSources.insert(QLatin1String(always));
    QStringList sources(m_knownSources.begin(), m_knownSources.end());
    sources.sort();
    for (const QString &s : sources) {
        QAction *a = m_sourcesMenu->addAction(s);
        a->setCheckable(true);
        a->setChecked(!m_hiddenSources.contains(s));
        connect(a, &QAction::toggled, this, [this, s](bool on) { setSourceVisible(s, on); });
    }
    QAction *caseWide = m_hostsMenu->addAction(tr("(case-wide)"));
    caseWide->setCheckable(true);
    caseWide->setChecked(!m_hiddenHosts.contains(0));
    connect(caseWide, &QAction::toggled, this, [this](bool on) {
        if (on)
            m_hiddenHosts.remove(0);
        else
            m_hiddenHosts.insert(0);
        applyFilter();
    });
    for (const HostRecord &h : std::as_const(m_hosts)) {
        QAction *a = m_hostsMenu->addAction(h.name);
        a->setCheckable(true);
        a->setChecked(!m_hiddenHosts.contains(h.id));
        const qint64 id = h.id;
        connect(a, &QAction::toggled, this, [this, id](bool on) {
            if (on)
                m_hiddenHosts.remove(id);
            else
                m_hiddenHosts.insert(id);
            applyFilter();
        });
    }
}

void TimelinePane::setSourceVisible(const QString &source, bool visible)
{
    if (visible)
        m_hiddenSources.remove(source);
    else
        m_hiddenSources.insert(source);
    applyFilter();
}

void TimelinePane::applyFilter()
{
    TimelineFilter f;
    f.text = m_filter->text();
    if (!m_hiddenSources.isEmpty() && m_session->isOpen()) {
        for (const QString &s : std::as_const(m_knownSources))
            if (!m_hiddenSources.contains(s))
                f.sources.insert(s);
        if (f.sources.isEmpty())
            f.sources.insert(QStringLiteral("\x01none"));
    }
    if (!m_hiddenHosts.isEmpty() && m_session->isOpen()) {
        if (!m_hiddenHosts.contains(0))
            f.hostIds.insert(0);
        for (const HostRecord &h : std::as_const(m_hosts))
            if (!m_hiddenHosts.contains(h.id))
                f.hostIds.insert(h.id);
        if (f.hostIds.isEmpty())
            f.hostIds.insert(-1);
    }
    m_controller->setFilter(f);
}

void TimelinePane::updateStatus()
{
    if (!m_session->isOpen()) {
        m_status->clear();
        return;
    }
    QString s;
    if (!m_controller->hasOverview())
        s = tr("Reading the timeline…");
    else if (m_controller->totalItems() == 0)
        s = tr("No timed items match.");
    else {
        // The span as people read it ("16 d 12 h", "3 min 20 s"), never 1.428e+06 s.
        s = tr("%1 items in %2 lanes · view %3 · %4")
                .arg(QLocale().toString(qulonglong(m_controller->totalItems())))
                .arg(m_controller->lanes().size())
                .arg(HumanDuration::fromUs(m_view->toUs() - m_view->fromUs()))
                .arg(m_controller->isDetailed() ? tr("%n items shown", nullptr, int(m_controller->items().size()))
                                                : tr("aggregated (zoom in for items)"));
    }
    if (m_controller->isBusy())
        s += tr(" · loading…");
    m_status->setText(s);
}

void TimelinePane::showSelected(const TimelineItem &item)
{
    m_selection->setText(tr("%1 · %2 · %3 — %4  (Enter or double-click opens the evidence)")
                             .arg(TimeUtil::isoUtc(item.atUs), item.source, item.kind, item.summary.left(500)));
}

void TimelinePane::placeMarker(qint64 atUs, const QString &kind, const QString &label)
{
    if (!m_session->isOpen() || !m_session->isWritable())
        return;
    m_session->write<qint64>(
        [atUs, kind, label](CaseFile &cf) { return MarkerStore(cf.db()).add(atUs, kind, label); }, this,
        [this](const qint64 &id) { emit markerPlaced(id); },
        [this](const QString &error) { QMessageBox::warning(this, tr("Place Marker"), error); });
}

void TimelinePane::placeMarkerInteractively(qint64 atUs)
{
    if (!m_session->isOpen())
        return;
    MarkerDialog dlg(atUs, this);
    if (dlg.exec() == QDialog::Accepted)
        placeMarker(dlg.atUs(), dlg.kind(), dlg.label());
}

void TimelinePane::reveal(qint64 atUs)
{
    const qint64 span = std::min<qint64>(m_view->toUs() - m_view->fromUs(), 60LL * 1000000);
    m_view->setWindow(atUs - span / 2, atUs + span / 2);
}

WorkbenchPane::Info TimelinePane::paneInfo() const
{
    return {QStringLiteral("timeline"), QCoreApplication::translate("MainWindow", "&Timeline"), QCoreApplication::translate("MainWindow", "&Timeline"), QKeySequence(Qt::CTRL | Qt::Key_1), Placement::Tab, {}};
}

bool TimelinePane::showLink(const ResolvedLink &)
{
    return false;
}

PaneLoader *TimelinePane::paneLoader() const
{
    return m_hostsLoader;
}
