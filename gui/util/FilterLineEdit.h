#pragma once

#include <QLineEdit>
#include <QTimer>

// A search box that reports its text ~300 ms after the user stops typing, so
// filtering big models does not run on every key stroke.
class FilterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit FilterLineEdit(QWidget *parent = nullptr);
    static constexpr int kDelayMs = 300;
    // Emits filterChanged now (tests, Enter key).
    void flush();

signals:
    void filterChanged(const QString &text);

private:
    QTimer m_timer;
};
