#pragma once

#include "timeline/TimelineItem.h"

#include <QAbstractScrollArea>
#include <optional>

class TimelineController;

// The zoomable time axis: one lane per host and source, items drawn where
// they are when the window holds few enough, per-pixel density bars when
// zoomed out. Paints only the visible window; asks the controller for data
// whenever the window changes. Mouse: wheel zooms at the pointer, drag pans,
// click selects, double-click opens the evidence. Keys: Left/Right pan,
// +/- zoom, Home fits everything, Enter opens the selected item.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kLabelWidth = 180;
    static constexpr int kAxisHeight = 26;
    static constexpr int kLaneHeight = 26;
    static constexpr qint64 kMinSpanUs = 1000; // 1 ms across the view at most zoom

    explicit TimelineView(TimelineController *controller, QWidget *parent = nullptr);

    qint64 fromUs() const { return m_from; }
    qint64 toUs() const { return m_to; }
    void setWindow(qint64 fromUs, qint64 toUs);
    void zoom(double factor, qint64 aroundUs);
    void zoomIn() { zoom(0.5, (m_from + m_to) / 2); }
    void zoomOut() { zoom(2.0, (m_from + m_to) / 2); }
    void pan(double fraction);
    void fitAll();
    int contentColumns() const;
    // Time at a viewport x, and x of a time.
    qint64 timeAt(int x) const;
    double xOf(qint64 us) const;

    std::optional<TimelineItem> selectedItem() const { return m_selected; }
    void selectItem(const TimelineItem &item);
    // Item drawn nearest to a viewport point (detail mode only).
    std::optional<TimelineItem> itemAt(const QPoint &pos) const;
    // Where an item is drawn (viewport coordinates); null if not visible.
    QPoint positionOf(const TimelineItem &item) const;

    qint64 paintCount() const { return m_paints; }
    double lastPaintMs() const { return m_lastPaintMs; }
    bool lastPaintHadData() const { return m_lastPaintHadData; }

signals:
    void itemSelected(const TimelineItem &item);
    void itemActivated(const TimelineItem &item);
    void placeMarkerRequested(qint64 atUs);
    void addNoteRequested(qint64 atUs);
    void windowChanged(qint64 fromUs, qint64 toUs);
    void painted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void onOverview();
    void requestData();
    void updateScrollBars();
    int laneTop(int lane) const;
    QColor colorFor(const QString &source, const QString &kind) const;
    void paintAxis(QPainter &p, const QRect &r);
    void paintLanes(QPainter &p, const QRect &r);

    TimelineController *m_controller;
    qint64 m_from = 0;
    qint64 m_to = 0;
    bool m_fitted = false;
    bool m_updatingScroll = false;
    QPoint m_pressPos;
    qint64 m_pressFrom = 0;
    bool m_dragging = false;
    std::optional<TimelineItem> m_selected;
    qint64 m_paints = 0;
    double m_lastPaintMs = 0;
    bool m_lastPaintHadData = false;
    bool m_requestQueued = false;
};
