#include "StateChart.h"

#include <QPainter>
#include <algorithm>

StateChart::StateChart(QWidget *parent) : QWidget(parent)
{
    setMinimumWidth(220);
}

void StateChart::setCounts(const QMap<QString, int> &states, const QMap<QString, int> &wchans)
{
    m_states.clear();
    for (auto it = states.begin(); it != states.end(); ++it)
        m_states.append({it.key(), it.value()});
    m_wchans.clear();
    for (auto it = wchans.begin(); it != wchans.end(); ++it)
        m_wchans.append({it.key().isEmpty() ? tr("(none)") : it.key(), it.value()});
    auto byCount = [](const auto &a, const auto &b) { return a.second > b.second; };
    std::sort(m_states.begin(), m_states.end(), byCount);
    std::sort(m_wchans.begin(), m_wchans.end(), byCount);
    if (m_wchans.size() > 10)
        m_wchans.resize(10);
    update();
}

void StateChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int row = fm.height() + 4;
    int y = 4;
    auto section = [&](const QString &title, const QList<QPair<QString, int>> &bars, bool states) {
        p.setPen(palette().color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(6, y, width() - 12, row), Qt::AlignVCenter, title);
        p.setFont(font());
        y += row;
        int max = 1;
        for (const auto &b : bars)
            max = std::max(max, b.second);
        const int labelW = std::min(width() / 2, 130);
        for (const auto &b : bars) {
            const int w = std::max(1, (width() - labelW - 60) * b.second / max);
            QColor c = palette().color(QPalette::Highlight);
            if (states && b.first.startsWith(QLatin1Char('D')))
                c = QColor(0xd0, 0x30, 0x30);
            else if (states && b.first.startsWith(QLatin1Char('Z')))
                c = QColor(0xe0, 0x90, 0x20);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRect(6, y, labelW - 8, row), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(b.first, Qt::ElideMiddle, labelW - 8));
            p.fillRect(QRect(labelW, y + 3, w, row - 6), c);
            p.drawText(QRect(labelW + w + 4, y, 56, row), Qt::AlignVCenter | Qt::AlignLeft, QString::number(b.second));
            y += row;
        }
        y += row / 2;
    };
    section(tr("Tasks per state"), m_states, true);
    section(tr("Tasks per wait channel (top 10)"), m_wchans, false);
}
