#pragma once

#include "timeline/TimelineFilter.h"
#include "timeline/TimelineHistogram.h"
#include "timeline/TimelineItem.h"
#include "timeline/TimelineLane.h"
#include "timeline/TimelineQuery.h"

#include <QElapsedTimer>
#include <QObject>

class CaseSession;

// Feeds the timeline view: keeps the case overview (lanes, extent, a histogram
// of everything, computed on the reader thread) and, for the visible window,
// either the individual items (when few enough) or per-pixel counts (resampled
// from the overview, or queried from SQLite for deep zooms). Jobs are
// numbered; stale answers are dropped.
//
// The overview comes in two steps when the filter has no text: first from the
// stored per-hour counts (a few thousand rows: the first paint), then from the
// stored per-minute counts. With a text filter it is one pass over the events.
class TimelineController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kOverviewBuckets = 1 << 16;
    static constexpr int kDetailLimit = 4000;

    explicit TimelineController(CaseSession *session, QObject *parent = nullptr);

    const TimelineFilter &filter() const { return m_filter; }
    void setFilter(const TimelineFilter &filter);
    // Asks for the data of [fromUs, toUs) at `columns` pixels wide.
    void requestWindow(qint64 fromUs, qint64 toUs, int columns);
    void reload();

    bool hasOverview() const { return m_overviewReady; }
    qint64 extentFrom() const { return m_extentFrom; }
    qint64 extentTo() const { return m_extentTo; }
    const QList<TimelineLane> &lanes() const { return m_lanes; }
    quint64 totalItems() const { return m_overview.total(); }

    // The current window's data: detail (items) or aggregated (histogram).
    bool isDetailed() const { return m_detailed; }
    const QList<TimelineItem> &items() const { return m_items; }
    const TimelineHistogram &windowHistogram() const { return m_window; }
    qint64 windowFrom() const { return m_windowFrom; }
    qint64 windowTo() const { return m_windowTo; }
    int laneOf(qint64 hostId, const QString &source) const;
    bool isBusy() const { return m_pendingOverview || m_pendingWindow; }
    // What one bucket of the overview stands for (0 before the first one).
    qint64 overviewResolutionUs() const { return m_resolutionUs; }
    // True while the overview is the coarse first step and a finer one is coming.
    bool isRefining() const { return m_refining; }

signals:
    void overviewReady();  // lanes/extent changed
    void windowReady();    // items()/windowHistogram() hold the requested window
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    void startOverview();
    void startFineOverview(const TimelineFilter &filter);
    void applyOverview(const TimelineQuery::Overview &ov, int spread, const TimelineFilter &filter);
    void setPending(bool overview, bool window);

    CaseSession *m_session;
    TimelineFilter m_filter;
    bool m_overviewReady = false;
    qint64 m_extentFrom = 0;
    qint64 m_extentTo = 0;
    QList<TimelineLane> m_lanes;
    TimelineHistogram m_overview;
    qint64 m_resolutionUs = 0;
    int m_spread = 1; // columns one overview bucket may be spread over when resampled
    bool m_refining = false;
    TimelineFilter m_overviewFilter; // the filter the current overview was made with
    bool m_detailed = false;
    QList<TimelineItem> m_items;
    TimelineHistogram m_window;
    qint64 m_windowFrom = 0;
    qint64 m_windowTo = 0;
    qint64 m_reqFrom = 0;
    qint64 m_reqTo = 0;
    int m_reqColumns = 0;
    bool m_pendingOverview = false;
    bool m_pendingWindow = false;
    bool m_reloadQueued = false;
};
