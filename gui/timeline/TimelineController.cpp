#include "TimelineController.h"

#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "timeline/TimelineQuery.h"
#include "util/BackgroundReader.h"

namespace {
const QString kOverviewChannel = QStringLiteral("timeline-overview");
const QString kWindowChannel = QStringLiteral("timeline-window");

struct WindowResult
{
    bool detailed = false;
    QList<TimelineItem> items;
    TimelineHistogram histogram;
};
}

TimelineController::TimelineController(CaseSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session, &CaseSession::opened, this, &TimelineController::reload);
    connect(session, &CaseSession::dataChanged, this, &TimelineController::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_overviewReady = false;
        m_lanes.clear();
        m_overview = {};
        m_resolutionUs = 0;
        m_refining = false;
        m_items.clear();
        m_window = {};
        m_extentFrom = m_extentTo = 0;
        emit overviewReady();
        emit windowReady();
    });
}

void TimelineController::setPending(bool overview, bool window)
{
    const bool was = isBusy();
    m_pendingOverview = overview;
    m_pendingWindow = window;
    if (was != isBusy())
        emit busyChanged(isBusy());
}

void TimelineController::setFilter(const TimelineFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    startOverview();
}

void TimelineController::reload()
{
    if (!m_session->isOpen())
        return;
    // While commits keep arriving (a long import), let the running overview
    // finish and run once more, instead of restarting it every second.
    if (m_pendingOverview) {
        m_reloadQueued = true;
        return;
    }
    startOverview();
}

void TimelineController::startOverview()
{
    if (!m_session->isOpen())
        return;
    const TimelineFilter f = m_filter;
    m_reloadQueued = false;
    setPending(true, m_pendingWindow);
    // Without text the stored counts answer: the per-hour ones first (the
    // first paint), then the per-minute ones. A resampled stored bucket may be
    // spread over a few columns (a flat bar) before a window query is needed.
    const bool stored = TimelineQuery::servesFilter(f);
    if (stored && m_overviewReady && !m_refining && m_overviewFilter == f) {
        // A refresh (evidence committed): straight to the per-minute counts,
        // so the view does not turn coarse for a moment on every commit.
        startFineOverview(f);
        return;
    }
    m_session->reader()->run<TimelineQuery::Overview>(
        kOverviewChannel,
        [f, stored](CaseFile &cf, const CancelToken &cancel) {
            TimelineQuery q(cf.db());
            return stored ? q.summaryOverview(f, TimelineQuery::kHourUs, kOverviewBuckets, cancel)
                          : q.overview(f, kOverviewBuckets, cancel);
        },
        this,
        [this, f, stored](const TimelineQuery::Overview &ov) {
            // Coarse until the finer step (or the queued reload) replaces it.
            m_refining = stored;
            if (stored && !m_reloadQueued)
                startFineOverview(f);
            else
                setPending(false, m_pendingWindow);
            applyOverview(ov, stored ? 4 : 1, f);
        },
        [this](const QString &error) {
            m_refining = false;
            setPending(false, m_pendingWindow);
            emit failed(error);
        });
}

void TimelineController::startFineOverview(const TimelineFilter &f)
{
    m_session->reader()->run<TimelineQuery::Overview>(
        kOverviewChannel,
        [f](CaseFile &cf, const CancelToken &cancel) {
            return TimelineQuery(cf.db()).summaryOverview(f, TimelineQuery::kMinuteUs, kOverviewBuckets, cancel);
        },
        this,
        [this, f](const TimelineQuery::Overview &ov) {
            m_refining = false;
            setPending(false, m_pendingWindow);
            applyOverview(ov, 4, f);
        },
        [this](const QString &error) {
            m_refining = false;
            setPending(false, m_pendingWindow);
            emit failed(error);
        });
}

void TimelineController::applyOverview(const TimelineQuery::Overview &ov, int spread, const TimelineFilter &filter)
{
    m_overviewFilter = filter;
    if (m_reloadQueued && !m_pendingOverview) {
        m_reloadQueued = false;
        QMetaObject::invokeMethod(this, &TimelineController::reload, Qt::QueuedConnection);
    }
    m_overviewReady = true;
    m_extentFrom = ov.fromUs;
    m_extentTo = ov.toUs;
    m_lanes = ov.lanes;
    m_overview = ov.histogram;
    m_resolutionUs = ov.resolutionUs;
    m_spread = spread;
    emit overviewReady();
    if (m_reqColumns > 0)
        requestWindow(m_reqFrom, m_reqTo, m_reqColumns);
}

int TimelineController::laneOf(qint64 hostId, const QString &source) const
{
    for (int i = 0; i < m_lanes.size(); ++i)
        if (m_lanes[i].hostId == hostId && m_lanes[i].source == source)
            return i;
    return -1;
}

void TimelineController::requestWindow(qint64 fromUs, qint64 toUs, int columns)
{
    m_reqFrom = fromUs;
    m_reqTo = toUs;
    m_reqColumns = std::max(columns, 1);
    if (!m_overviewReady || toUs <= fromUs)
        return;
    const quint64 estimate = m_overview.estimate(fromUs, toUs);
    const double windowColumnUs = double(toUs - fromUs) / m_reqColumns;

    // Zoomed out far enough for the overview, or a finer one is on its way
    // (this request is repeated when it arrives).
    if (estimate > quint64(kDetailLimit) && (m_refining || windowColumnUs * m_spread >= double(m_resolutionUs))) {
        // Zoomed out: the overview is fine enough; no query needed.
        m_session->reader()->cancel(kWindowChannel);
        setPending(m_pendingOverview, false);
        m_detailed = false;
        m_items.clear();
        m_window = m_overview.resample(fromUs, toUs, m_reqColumns);
        m_windowFrom = fromUs;
        m_windowTo = toUs;
        emit windowReady();
        return;
    }
    const TimelineFilter f = m_filter;
    const QList<TimelineLane> lanes = m_lanes;
    const int buckets = m_reqColumns;
    const bool tryDetail = estimate <= quint64(kDetailLimit) * 4;
    setPending(m_pendingOverview, true);
    m_session->reader()->run<WindowResult>(
        kWindowChannel,
        [=](CaseFile &cf, const CancelToken &cancel) {
            TimelineQuery q(cf.db());
            WindowResult r;
            if (tryDetail) {
                r.items = q.items(fromUs, toUs, f, kDetailLimit + 1);
                if (r.items.size() <= kDetailLimit) {
                    r.detailed = true;
                    return r;
                }
                r.items.clear();
            }
            r.histogram = q.histogram(lanes, fromUs, toUs, buckets, f, cancel);
            return r;
        },
        this,
        [this, fromUs, toUs](const WindowResult &r) {
            setPending(m_pendingOverview, false);
            m_detailed = r.detailed;
            m_items = r.items;
            m_window = r.histogram;
            m_windowFrom = fromUs;
            m_windowTo = toUs;
            emit windowReady();
        },
        [this](const QString &error) {
            setPending(m_pendingOverview, false);
            emit failed(error);
        });
}
