#pragma once

#include <QMap>
#include <QWidget>

// A small bar chart: tasks per state and per wait channel (top ten).
class StateChart : public QWidget
{
    Q_OBJECT
public:
    explicit StateChart(QWidget *parent = nullptr);
    void setCounts(const QMap<QString, int> &states, const QMap<QString, int> &wchans);
    QSize sizeHint() const override { return {260, 320}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPair<QString, int>> m_states;
    QList<QPair<QString, int>> m_wchans;
};
