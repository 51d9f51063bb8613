#include "FilterLineEdit.h"

FilterLineEdit::FilterLineEdit(QWidget *parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Filter…"));
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(this, &QLineEdit::textChanged, &m_timer, qOverload<>(&QTimer::start));
    connect(&m_timer, &QTimer::timeout, this, [this] { emit filterChanged(text()); });
    connect(this, &QLineEdit::returnPressed, this, &FilterLineEdit::flush);
}

void FilterLineEdit::flush()
{
    m_timer.stop();
    emit filterChanged(text());
}
