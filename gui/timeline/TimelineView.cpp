#include "TimelineView.h"

#include "TimelineController.h"
#include "util/TimeUtil.h"

#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QHash>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace {
constexpr int kScrollResolution = 100000;

qint64 tickStepUs(double usPerPixel, int minPixels)
{
    static const qint64 steps[] = {
        1, 2, 5, 10, 20, 50, 100, 200, 500,
        1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,
        1000000LL, 2000000LL, 5000000LL, 10000000LL, 15000000LL, 30000000LL,
        60000000LL, 120000000LL, 300000000LL, 600000000LL, 900000000LL, 1800000000LL,
        3600000000LL, 7200000000LL, 10800000000LL, 21600000000LL, 43200000000LL,
        86400000000LL, 172800000000LL, 604800000000LL, 2592000000000LL, 31536000000000LL};
    for (qint64 s : steps)
        if (s / usPerPixel >= minPixels)
            return s;
    return steps[std::size(steps) - 1];
}

QString tickLabel(qint64 us, qint64 step)
{
    const QDateTime dt = TimeUtil::fromUs(us);
    if (step >= 86400000000LL)
        return dt.toString(QStringLiteral("yyyy-MM-dd"));
    if (step >= 60000000LL)
        return dt.toString(QStringLiteral("HH:mm"));
    if (step >= 1000000LL)
        return dt.toString(QStringLiteral("HH:mm:ss"));
    if (step >= 1000)
        return dt.toString(QStringLiteral("HH:mm:ss.zzz"));
    return dt.toString(QStringLiteral("ss.zzz")) + QStringLiteral("%1").arg(((us % 1000) + 1000) % 1000, 3, 10, QLatin1Char('0'));
}
}

TimelineView::TimelineView(TimelineController *controller, QWidget *parent)
    : QAbstractScrollArea(parent), m_controller(controller)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    horizontalScrollBar()->setRange(0, 0);
    setMinimumHeight(kAxisHeight + 2 * kLaneHeight + 20);
    setAccessibleName(tr("Timeline"));
    connect(controller, &TimelineController::overviewReady, this, &TimelineView::onOverview);
    connect(controller, &TimelineController::windowReady, viewport(), qOverload<>(&QWidget::update));
}

int TimelineView::contentColumns() const
{
    return std::max(1, viewport()->width() - kLabelWidth);
}

qint64 TimelineView::timeAt(int x) const
{
    const double f = double(x - kLabelWidth) / contentColumns();
    return m_from + qint64(f * double(m_to - m_from));
}

double TimelineView::xOf(qint64 us) const
{
    if (m_to <= m_from)
        return kLabelWidth;
    return kLabelWidth + double(us - m_from) * contentColumns() / double(m_to - m_from);
}

int TimelineView::laneTop(int lane) const
{
    return kAxisHeight + lane * kLaneHeight - verticalScrollBar()->value();
}

void TimelineView::onOverview()
{
    if (!m_controller->hasOverview() || m_controller->extentTo() <= m_controller->extentFrom()) {
        m_fitted = false;
        updateScrollBars();
        viewport()->update();
        return;
    }
    if (!m_fitted) {
        m_fitted = true;
        fitAll();
    } else {
        updateScrollBars();
        requestData();
    }
    viewport()->update();
}

void TimelineView::fitAll()
{
    setWindow(m_controller->extentFrom(), m_controller->extentTo());
}

void TimelineView::setWindow(qint64 fromUs, qint64 toUs)
{
    if (toUs - fromUs < kMinSpanUs) {
        const qint64 mid = fromUs / 2 + toUs / 2;
        fromUs = mid - kMinSpanUs / 2;
        toUs = fromUs + kMinSpanUs;
    }
    // Keep the window within the case's extent (with the view's span).
    const qint64 extFrom = m_controller->extentFrom(), extTo = m_controller->extentTo();
    if (extTo > extFrom) {
        const qint64 span = std::min(toUs - fromUs, (extTo - extFrom) * 4);
        fromUs = std::clamp(fromUs, extFrom - span / 2, std::max(extFrom - span / 2, extTo - span / 2));
        toUs = fromUs + span;
    }
    if (fromUs == m_from && toUs == m_to)
        return;
    m_from = fromUs;
    m_to = toUs;
    updateScrollBars();
    requestData();
    viewport()->update();
    emit windowChanged(m_from, m_to);
}

void TimelineView::zoom(double factor, qint64 aroundUs)
{
    const double span = double(m_to - m_from) * factor;
    const double left = double(aroundUs - m_from) / std::max<double>(1, m_to - m_from);
    const qint64 from = aroundUs - qint64(left * span);
    setWindow(from, from + qint64(span));
}

void TimelineView::pan(double fraction)
{
    const qint64 d = qint64(double(m_to - m_from) * fraction);
    setWindow(m_from + d, m_to + d);
}

void TimelineView::requestData()
{
    // Coalesce bursts of window changes (wheel, drag) into one request per
    // event-loop turn.
    if (m_requestQueued)
        return;
    m_requestQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_requestQueued = false;
        if (m_to > m_from)
            m_controller->requestWindow(m_from, m_to, contentColumns());
    });
}

void TimelineView::updateScrollBars()
{
    m_updatingScroll = true;
    const qint64 extFrom = m_controller->extentFrom(), extTo = m_controller->extentTo();
    QScrollBar *h = horizontalScrollBar();
    if (extTo > extFrom && m_to > m_from) {
        const double ext = double(extTo - extFrom);
        const int page = std::clamp(int(kScrollResolution * double(m_to - m_from) / ext), 1, kScrollResolution);
        h->setRange(0, std::max(0, kScrollResolution - page));
        h->setPageStep(page);
        h->setSingleStep(std::max(1, page / 10));
        h->setValue(std::clamp(int(kScrollResolution * double(m_from - extFrom) / ext), 0, h->maximum()));
    } else {
        h->setRange(0, 0);
    }
    QScrollBar *v = verticalScrollBar();
    const int lanesHeight = int(m_controller->lanes().size()) * kLaneHeight;
    const int avail = viewport()->height() - kAxisHeight;
    v->setRange(0, std::max(0, lanesHeight - avail));
    v->setPageStep(std::max(1, avail));
    v->setSingleStep(kLaneHeight);
    m_updatingScroll = false;
}

void TimelineView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dy);
    if (m_updatingScroll)
        return;
    if (dx != 0) {
        const qint64 extFrom = m_controller->extentFrom(), extTo = m_controller->extentTo();
        const qint64 span = m_to - m_from;
        const qint64 from = extFrom + qint64(double(extTo - extFrom) * horizontalScrollBar()->value() / kScrollResolution);
        m_updatingScroll = true;
        m_from = from;
        m_to = from + span;
        m_updatingScroll = false;
        requestData();
        emit windowChanged(m_from, m_to);
    }
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    requestData();
}

QColor TimelineView::colorFor(const QString &source, const QString &kind) const
{
    if (source == QLatin1String("marker"))
        return QColor(0x8e, 0x44, 0xad);
    if (source == QLatin1String("finding")) {
        if (kind == QLatin1String("critical") || kind == QLatin1String("high"))
            return QColor(0xd0, 0x20, 0x20);
        return QColor(0xe6, 0x7e, 0x22);
    }
    if (source == QLatin1String("kernel-log")) {
        if (kind.contains(QLatin1String("oom")) || kind.contains(QLatin1String("panic")) || kind.contains(QLatin1String("hung")))
            return QColor(0xc0, 0x39, 0x2b);
        return QColor(0xb0, 0x60, 0x50);
    }
    if (source == QLatin1String("note"))
        return QColor(0x27, 0xae, 0x60);
    if (source == QLatin1String("collection"))
        return QColor(0x7f, 0x8c, 0x8d);
    if (source == QLatin1String("procfs"))
        return QColor(0x29, 0x80, 0xb9);
    if (source == QLatin1String("strace"))
        return QColor(0x16, 0xa0, 0x85);
    if (source == QLatin1String("pcap"))
        return QColor(0xa0, 0x6a, 0x2c);
    const uint h = qHash(source) % 360;
    return QColor::fromHsv(int(h), 150, 180);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QElapsedTimer timer;
    timer.start();
    QPainter p(viewport());
    const QRect r = viewport()->rect();
    p.fillRect(r, palette().base());
    paintLanes(p, r);
    paintAxis(p, r);
    p.end();
    ++m_paints;
    m_lastPaintMs = timer.nsecsElapsed() / 1e6;
    m_lastPaintHadData = m_controller->hasOverview() && (m_controller->isDetailed() || !m_controller->windowHistogram().isEmpty());
    emit painted();
}

void TimelineView::paintAxis(QPainter &p, const QRect &r)
{
    const QRect axis(0, 0, r.width(), kAxisHeight);
    p.fillRect(axis, palette().window());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, kAxisHeight - 1, r.width(), kAxisHeight - 1);
    p.setPen(palette().color(QPalette::WindowText));
    if (m_to <= m_from) {
        p.drawText(axis.adjusted(6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   m_controller->hasOverview() ? tr("Nothing timed in this case yet") : tr("Loading…"));
        return;
    }
    const double usPerPx = double(m_to - m_from) / contentColumns();
    const qint64 step = tickStepUs(usPerPx, 110);
    qint64 t = (m_from / step) * step;
    if (t < m_from)
        t += step;
    const QFontMetrics fm(font());
    for (; t < m_to; t += step) {
        const int x = int(xOf(t));
        if (x < kLabelWidth)
            continue;
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(x, kAxisHeight - 6, x, kAxisHeight - 1);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x + 3, 0, 140, kAxisHeight - 4), Qt::AlignVCenter | Qt::AlignLeft, tickLabel(t, step));
    }
    // The date and the span, in the label column.
    p.fillRect(QRect(0, 0, kLabelWidth, kAxisHeight), palette().window());
    const QString left = TimeUtil::fromUs(m_from).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
    p.drawText(QRect(4, 0, kLabelWidth - 8, kAxisHeight), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(left, Qt::ElideRight, kLabelWidth - 8));
}

void TimelineView::paintLanes(QPainter &p, const QRect &r)
{
    const QList<TimelineLane> &lanes = m_controller->lanes();
    const int columns = contentColumns();
    const QColor gridColor = palette().color(QPalette::Midlight);
    const QFontMetrics fm(font());
    // Grid lines at ticks.
    if (m_to > m_from) {
        const qint64 step = tickStepUs(double(m_to - m_from) / columns, 110);
        qint64 t = (m_from / step) * step;
        p.setPen(gridColor);
        for (; t < m_to; t += step) {
            const int x = int(xOf(t));
            if (x >= kLabelWidth)
                p.drawLine(x, kAxisHeight, x, r.height());
        }
    }
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const int top = laneTop(lane);
        if (top + kLaneHeight < kAxisHeight || top > r.height())
            continue;
        if (lane % 2)
            p.fillRect(QRect(kLabelWidth, top, columns, kLaneHeight), palette().color(QPalette::AlternateBase));
        p.setPen(palette().color(QPalette::Midlight));
        p.drawLine(0, top + kLaneHeight - 1, r.width(), top + kLaneHeight - 1);
    }

    // Data.
    if (m_controller->hasOverview() && m_to > m_from) {
        if (m_controller->isDetailed()) {
            for (const TimelineItem &it : m_controller->items()) {
                const int lane = m_controller->laneOf(it.hostId, it.source);
                if (lane < 0)
                    continue;
                const int x = int(xOf(it.atUs));
                if (x < kLabelWidth || x > r.width())
                    continue;
                const int top = laneTop(lane);
                if (top + kLaneHeight < kAxisHeight || top > r.height())
                    continue;
                const QColor c = colorFor(it.source, it.kind);
                const int cy = top + kLaneHeight / 2;
                if (it.source == QLatin1String("marker")) {
                    QPen pen(c, 1, Qt::DashLine);
                    p.setPen(pen);
                    p.drawLine(x, kAxisHeight, x, r.height());
                }
                QPainterPath diamond;
                diamond.moveTo(x, cy - 6);
                diamond.lineTo(x + 5, cy);
                diamond.lineTo(x, cy + 6);
                diamond.lineTo(x - 5, cy);
                diamond.closeSubpath();
                p.setRenderHint(QPainter::Antialiasing, true);
                p.fillPath(diamond, c);
                p.setRenderHint(QPainter::Antialiasing, false);
                if (m_selected && m_selected->origin == it.origin && m_selected->id == it.id) {
                    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
                    p.drawRect(x - 8, top + 2, 16, kLaneHeight - 5);
                }
            }
            // Labels where there is room: the item's summary after its mark,
            // up to the next item of the same lane.
            const QList<TimelineItem> &items = m_controller->items();
            QVector<int> nextX(items.size(), r.width());
            QHash<int, int> laneNext;
            for (qsizetype i = items.size() - 1; i >= 0; --i) {
                const int lane = m_controller->laneOf(items[i].hostId, items[i].source);
                nextX[i] = laneNext.value(lane, r.width());
                laneNext.insert(lane, int(xOf(items[i].atUs)));
            }
            p.setPen(palette().color(QPalette::Text));
            for (qsizetype i = 0; i < items.size(); ++i) {
                const TimelineItem &it = items[i];
                const int lane = m_controller->laneOf(it.hostId, it.source);
                const int x = int(xOf(it.atUs)) + 8;
                const int room = std::min(nextX[i] - 8, r.width()) - x;
                if (lane < 0 || x < kLabelWidth || room < 24)
                    continue;
                const QString text = fm.elidedText(it.summary.simplified(), Qt::ElideRight, std::min(room, 260));
                p.drawText(QRect(x, laneTop(lane), room, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft, text);
            }
        } else {
            const TimelineHistogram &h = m_controller->windowHistogram();
            if (!h.isEmpty() && h.toUs() > h.fromUs()) {
                const double maxLog = std::log1p(double(std::max<quint32>(h.maxCount(), 1)));
                for (int lane = 0; lane < std::min<int>(h.lanes(), int(lanes.size())); ++lane) {
                    const int top = laneTop(lane);
                    if (top + kLaneHeight < kAxisHeight || top > r.height())
                        continue;
                    const QColor c = colorFor(lanes[lane].source, QString());
                    for (int b = 0; b < h.buckets(); ++b) {
                        const quint32 n = h.count(lane, b);
                        if (!n)
                            continue;
                        const int x0 = int(xOf(h.bucketStartUs(b)));
                        const int x1 = std::max(x0 + 1, int(xOf(h.bucketStartUs(b + 1))));
                        if (x1 < kLabelWidth || x0 > r.width())
                            continue;
                        const int height = std::max(2, int((kLaneHeight - 6) * std::log1p(double(n)) / maxLog));
                        p.fillRect(QRect(std::max(x0, kLabelWidth), top + kLaneHeight - 3 - height,
                                         x1 - std::max(x0, kLabelWidth), height), c);
                    }
                }
            }
        }
    }

    // Lane labels over everything at the left.
    p.fillRect(QRect(0, kAxisHeight, kLabelWidth, r.height()), palette().window());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(kLabelWidth - 1, kAxisHeight, kLabelWidth - 1, r.height());
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const int top = laneTop(lane);
        if (top + kLaneHeight < kAxisHeight || top > r.height())
            continue;
        const TimelineLane &l = lanes[lane];
        const QString host = l.hostId ? l.hostName : tr("case");
        const QString text = fm.elidedText(QStringLiteral("%1 · %2").arg(host, l.source), Qt::ElideMiddle, kLabelWidth - 18);
        p.fillRect(QRect(4, top + kLaneHeight / 2 - 4, 8, 8), colorFor(l.source, QString()));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(16, top, kLabelWidth - 18, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    if (m_controller->hasOverview() && lanes.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r.adjusted(kLabelWidth, kAxisHeight, 0, 0), Qt::AlignCenter,
                   tr("Nothing to show: collect or import evidence, or widen the filter."));
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.drawRect(r.adjusted(0, 0, -1, -1));
    }
}

std::optional<TimelineItem> TimelineView::itemAt(const QPoint &pos) const
{
    if (!m_controller->isDetailed() || pos.x() < kLabelWidth || pos.y() < kAxisHeight)
        return std::nullopt;
    const int lane = (pos.y() - kAxisHeight + verticalScrollBar()->value()) / kLaneHeight;
    std::optional<TimelineItem> best;
    double bestDist = 7;
    for (const TimelineItem &it : m_controller->items()) {
        if (m_controller->laneOf(it.hostId, it.source) != lane)
            continue;
        const double d = std::abs(xOf(it.atUs) - pos.x());
        if (d < bestDist) {
            bestDist = d;
            best = it;
        }
    }
    return best;
}

QPoint TimelineView::positionOf(const TimelineItem &item) const
{
    const int lane = m_controller->laneOf(item.hostId, item.source);
    if (lane < 0)
        return {};
    return QPoint(int(xOf(item.atUs)), laneTop(lane) + kLaneHeight / 2);
}

void TimelineView::selectItem(const TimelineItem &item)
{
    m_selected = item;
    viewport()->update();
    emit itemSelected(item);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        pan(-delta.y() / 1200.0);
    } else if (std::abs(delta.x()) > std::abs(delta.y())) {
        pan(-delta.x() / 1200.0);
    } else if (delta.y() != 0) {
        const double factor = std::pow(0.8, delta.y() / 120.0);
        zoom(factor, timeAt(int(event->position().x())));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->pos();
        m_pressFrom = m_from;
        m_dragging = false;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const int dx = event->pos().x() - m_pressPos.x();
        if (std::abs(dx) > 3)
            m_dragging = true;
        if (m_dragging) {
            const qint64 shift = qint64(double(dx) * (m_to - m_from) / contentColumns());
            setWindow(m_pressFrom - shift, m_pressFrom - shift + (m_to - m_from));
        }
    } else if (const auto it = itemAt(event->pos())) {
        QToolTip::showText(event->globalPosition().toPoint(),
                           QStringLiteral("%1\n%2 · %3\n%4").arg(TimeUtil::isoUtc(it->atUs), it->source, it->kind,
                                                                it->summary.left(300)),
                           viewport());
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_dragging) {
        if (const auto it = itemAt(event->pos()))
            selectItem(*it);
    }
    m_dragging = false;
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const auto it = itemAt(event->pos())) {
        selectItem(*it);
        emit itemActivated(*it);
    } else if (event->pos().x() >= kLabelWidth) {
        zoom(0.25, timeAt(event->pos().x()));
    }
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: pan(-0.1); return;
    case Qt::Key_Right: pan(0.1); return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return;
    case Qt::Key_Minus: zoomOut(); return;
    case Qt::Key_Home:
    case Qt::Key_0: fitAll(); return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected)
            emit itemActivated(*m_selected);
        return;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        // Step the selection through the visible items in time order.
        const auto &items = m_controller->items();
        if (!m_controller->isDetailed() || items.isEmpty())
            return;
        int idx = -1;
        for (int i = 0; i < items.size(); ++i)
            if (m_selected && items[i].origin == m_selected->origin && items[i].id == m_selected->id)
                idx = i;
        idx = event->key() == Qt::Key_Down ? std::min<int>(idx + 1, int(items.size()) - 1) : std::max(idx - 1, 0);
        selectItem(items[idx]);
        return;
    }
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    const qint64 at = event->pos().x() >= kLabelWidth ? timeAt(event->pos().x()) : (m_from + m_to) / 2;
    QMenu menu(this);
    menu.addAction(tr("Place &Marker Here…"), this, [this, at] { emit placeMarkerRequested(at); });
    menu.addAction(tr("Add &Note at This Time…"), this, [this, at] { emit addNoteRequested(at); });
    menu.addSeparator();
    menu.addAction(tr("Zoom &In Here"), this, [this, at] { zoom(0.5, at); });
    menu.addAction(tr("Zoom &Out"), this, [this, at] { zoom(2.0, at); });
    menu.addAction(tr("&Fit All"), this, &TimelineView::fitAll);
    menu.exec(event->globalPos());
}
