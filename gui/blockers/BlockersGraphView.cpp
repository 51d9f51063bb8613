#include "BlockersGraphView.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainterPath>
#include <QtMath>

namespace {
constexpr int kBoxRole = 0; // QGraphicsItem::data key: the box index

QColor fillFor(const BlockersLayout::Box &b)
{
    if (b.kind == QLatin1String("task") || b.kind == QLatin1String("task-group"))
        return QColor(0xdc, 0xe9, 0xf7);
    if (b.kind == QLatin1String("service"))
        return QColor(0xf7, 0xd9, 0xe6);
    if (b.external)
        return QColor(0xfb, 0xdc, 0xb5);
    if (b.kind == QLatin1String("process"))
        return QColor(0xe3, 0xe3, 0xe3);
    return QColor(0xf5, 0xec, 0xcf);
}

QString elided(const QString &text, int max)
{
    return text.size() > max ? text.left(max - 1) + QChar(0x2026) : text;
}
}

BlockersGraphView::BlockersGraphView(QWidget *parent) : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setBackgroundBrush(palette().base());
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const int b = selectedBox();
        if (b >= 0)
            emit boxSelected(b);
    });
}

void BlockersGraphView::setLayoutData(const BlockersLayout &layout)
{
    m_layout = layout;
    m_scene->clear();
    const QColor text = palette().color(QPalette::Text);
    // Arrows first, under the boxes.
    for (const BlockersLayout::Arrow &a : layout.arrows) {
        const QRectF from = layout.boxes[a.from].rect, to = layout.boxes[a.to].rect;
        // holds: drawn from the resource to its holder, like "held by".
        const bool reversed = a.kind == QLatin1String("holds");
        const QRectF src = reversed ? to : from, dst = reversed ? from : to;
        const bool forward = dst.center().x() >= src.center().x();
        const QPointF p1(forward ? src.right() : src.left(), src.center().y());
        const QPointF p2(forward ? dst.left() : dst.right(), dst.center().y());
        QPainterPath path(p1);
        const qreal dx = (p2.x() - p1.x()) / 2;
        path.cubicTo(p1 + QPointF(dx, 0), p2 - QPointF(dx, 0), p2);
        QPen pen(a.kind == QLatin1String("served-by") ? QColor(0x5a, 0x7d, 0x3a) : a.kind == QLatin1String("holds") ? QColor(0x8a, 0x4b, 0xa8) : text);
        pen.setWidthF(1.2 + std::min(4.0, std::log2(1.0 + a.count)));
        if (a.kind == QLatin1String("served-by"))
            pen.setStyle(Qt::DashLine);
        m_scene->addPath(path, pen);
        // Arrow head at p2.
        const qreal angle = std::atan2(p2.y() - (p2 - QPointF(dx, 0)).y(), p2.x() - (p2 - QPointF(dx, 0)).x());
        QPolygonF head;
        head << p2 << p2 - QPointF(std::cos(angle - 0.4) * 10, std::sin(angle - 0.4) * 10)
             << p2 - QPointF(std::cos(angle + 0.4) * 10, std::sin(angle + 0.4) * 10);
        m_scene->addPolygon(head, QPen(pen.color()), QBrush(pen.color()));
        const QString label = a.kind == QLatin1String("holds") ? tr("held by") : a.kind == QLatin1String("served-by") ? tr("served by") : tr("waits for");
        auto *t = m_scene->addSimpleText(a.count > 1 ? QStringLiteral("%1 ×%2").arg(label).arg(a.count) : label);
        t->setBrush(pen.color());
        t->setPos((p1 + p2) / 2 - QPointF(t->boundingRect().width() / 2, t->boundingRect().height() + 2));
    }
    for (int i = 0; i < layout.boxes.size(); ++i) {
        const BlockersLayout::Box &b = layout.boxes[i];
        auto *r = m_scene->addRect(b.rect, QPen(text, 1), QBrush(fillFor(b)));
        if (b.rank == 1)
            r->setPen(QPen(QColor(0xc0, 0x1c, 0x1c), 3.5));
        else if (b.rank > 1)
            r->setPen(QPen(QColor(0xc0, 0x1c, 0x1c), 1.5));
        if (b.inCycle) {
            QPen p(QColor(0xd0, 0x00, 0x00), 2.5);
            p.setStyle(Qt::DashLine);
            r->setPen(p);
        }
        r->setFlag(QGraphicsItem::ItemIsSelectable);
        r->setData(kBoxRole, i);
        r->setToolTip(b.title + QLatin1Char('\n') + b.subtitle);
        auto *title = new QGraphicsSimpleTextItem(elided(b.rank > 0 ? QStringLiteral("#%1 %2").arg(b.rank).arg(b.title) : b.title, 34), r);
        QFont f = font();
        f.setBold(true);
        title->setFont(f);
        title->setBrush(QColor(0x10, 0x10, 0x10));
        title->setPos(b.rect.topLeft() + QPointF(8, 6));
        auto *sub = new QGraphicsSimpleTextItem(elided(b.subtitle, 40), r);
        sub->setBrush(QColor(0x40, 0x40, 0x40));
        sub->setPos(b.rect.topLeft() + QPointF(8, 28));
    }
    m_scene->setSceneRect(layout.bounds.adjusted(-30, -30, 30, 30));
    fit();
}

void BlockersGraphView::fit()
{
    resetTransform();
    const QRectF r = m_scene->sceneRect();
    if (r.isEmpty())
        return;
    const qreal s = std::clamp(std::min(viewport()->width() / r.width(), viewport()->height() / r.height()), 0.5, 1.0);
    scale(s, s);
    centerOn(r.center());
}

void BlockersGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

int BlockersGraphView::selectedBox() const
{
    const auto items = m_scene->selectedItems();
    return items.isEmpty() ? -1 : items.first()->data(kBoxRole).toInt();
}

void BlockersGraphView::selectBox(int box)
{
    for (QGraphicsItem *item : m_scene->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable)
            item->setSelected(item->data(kBoxRole).toInt() == box);
}

void BlockersGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsView::mouseDoubleClickEvent(event);
    for (QGraphicsItem *item = itemAt(event->pos()); item; item = item->parentItem())
        if (item->flags() & QGraphicsItem::ItemIsSelectable) {
            emit boxActivated(item->data(kBoxRole).toInt());
            return;
        }
}
