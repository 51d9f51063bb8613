#include "MarkerDialog.h"

#include "timeline/TimelineQuery.h"
#include "util/TimeUtil.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>

MarkerDialog::MarkerDialog(qint64 atUs, QWidget *parent) : QDialog(parent), m_subMs(((atUs % 1000) + 1000) % 1000)
{
    setWindowTitle(tr("Place Marker"));
    auto *form = new QFormLayout(this);
    m_kind = new QComboBox(this);
    for (const QString &k : TimelineQuery::markerKinds())
        m_kind->addItem(kindLabel(k), k);
    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("What happened at this moment"));
    m_time = new QDateTimeEdit(TimeUtil::fromUs(atUs), this);
    m_time->setTimeZone(QTimeZone::UTC);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Time:"), m_time);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_label, &QLineEdit::textChanged, this, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString MarkerDialog::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("marker-detection"))
        return tr("Detection");
    if (kind == QLatin1String("marker-diagnosis"))
        return tr("Diagnosis");
    if (kind == QLatin1String("marker-repair"))
        return tr("Repair");
    if (kind == QLatin1String("marker-key-moment"))
        return tr("Key moment");
    return kind;
}

QString MarkerDialog::kind() const
{
    return m_kind->currentData().toString();
}

QString MarkerDialog::label() const
{
    return m_label->text().trimmed();
}

qint64 MarkerDialog::atUs() const
{
    return TimeUtil::toUs(m_time->dateTime()) + m_subMs;
}
