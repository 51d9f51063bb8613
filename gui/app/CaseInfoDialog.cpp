#include "CaseInfoDialog.h"

#include "util/TimeUtil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>

namespace {
QDateTimeEdit *makeTimeEdit(qint64 us, QWidget *parent)
{
    auto *e = new QDateTimeEdit(parent);
    e->setTimeZone(QTimeZone::UTC);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    e->setCalendarPopup(true);
    e->setDateTime(us ? TimeUtil::fromUs(us) : QDateTime::currentDateTimeUtc());
    e->setEnabled(us != 0);
    return e;
}
}

CaseInfoDialog::CaseInfoDialog(const CaseInfo &info, QWidget *parent) : QDialog(parent), m_info(info)
{
    setWindowTitle(tr("Case Properties"));
    auto *form = new QFormLayout(this);
    m_title = new QLineEdit(info.title, this);
    m_summary = new QPlainTextEdit(info.summary, this);
    m_summary->setTabChangesFocus(true);
    m_summary->setMinimumHeight(80);
    m_severity = new QComboBox(this);
    m_severity->addItems(CaseInfo::severities());
    m_severity->setCurrentText(info.severity);
    m_status = new QComboBox(this);
    m_status->addItems(CaseInfo::statuses());
    m_status->setCurrentText(info.status);
    m_hasStart = new QCheckBox(tr("Known"), this);
    m_hasStart->setChecked(info.incidentStartUs != 0);
    m_start = makeTimeEdit(info.incidentStartUs, this);
    m_hasEnd = new QCheckBox(tr("Known"), this);
    m_hasEnd->setChecked(info.incidentEndUs != 0);
    m_end = makeTimeEdit(info.incidentEndUs, this);
    connect(m_hasStart, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    auto row = [this](QCheckBox *c, QDateTimeEdit *e) {
        auto *w = new QWidget(this);
        auto *l = new QHBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(c);
        l->addWidget(e, 1);
        return w;
    };
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("S&ummary:"), m_summary);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("St&atus:"), m_status);
    form->addRow(tr("Incident &start:"), row(m_hasStart, m_start));
    form->addRow(tr("Incident &end:"), row(m_hasEnd, m_end));
    auto *facts = new QLabel(tr("Created %1 by %2 · %3").arg(TimeUtil::isoUtc(info.createdUs), info.createdBy, info.uuid), this);
    facts->setTextFormat(Qt::PlainText);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(facts);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!t.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

CaseInfo CaseInfoDialog::info() const
{
    CaseInfo i = m_info;
    i.title = m_title->text().trimmed();
    i.summary = m_summary->toPlainText();
    i.severity = m_severity->currentText();
    i.status = m_status->currentText();
    i.incidentStartUs = m_hasStart->isChecked() ? TimeUtil::toUs(m_start->dateTime()) : 0;
    i.incidentEndUs = m_hasEnd->isChecked() ? TimeUtil::toUs(m_end->dateTime()) : 0;
    return i;
}
