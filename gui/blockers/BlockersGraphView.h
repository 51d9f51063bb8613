#pragma once

#include "BlockersLayout.h"

#include <QGraphicsView>

class QGraphicsScene;

// Draws a BlockersLayout: boxes by kind (tasks blue, resources sand,
// external servers orange, services pink), the top root cause with a thick
// red frame, cycles dashed red; arrows labelled with their kind and how many
// tasks go along them. Clicking a box selects it (boxSelected); a double
// click activates it (boxActivated: open its evidence).
class BlockersGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit BlockersGraphView(QWidget *parent = nullptr);
    void setLayoutData(const BlockersLayout &layout);
    const BlockersLayout &layoutData() const { return m_layout; }
    // Selects a box as a click would (tests, keyboard).
    void selectBox(int box);
    int selectedBox() const;

signals:
    void boxSelected(int box);
    void boxActivated(int box);

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Shrinks the drawing to fit the view (never below half size, never enlarged).
    void fit();
    QGraphicsScene *m_scene;
    BlockersLayout m_layout;
};
