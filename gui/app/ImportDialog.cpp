#include "ImportDialog.h"

#include "strace/StraceClock.h"
#include "util/SafeFileDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

ImportDialog::ImportDialog(const QStringList &files, const QStringList &hostNames, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Import Evidence"));
    setObjectName(QStringLiteral("importDialog"));
    auto *layout = new QVBoxLayout(this);
    m_files = new QListWidget(this);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *add = new QPushButton(tr("&Add Files…"), this);
    auto *remove = new QPushButton(tr("Re&move"), this);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch(1);

    m_host = new QComboBox(this);
    m_host->setEditable(true);
    m_host->addItem(QString());
    m_host->addItems(hostNames);
    m_host->lineEdit()->setPlaceholderText(tr("(no host)"));
    m_host->setToolTip(tr("The host the evidence came from; a new name adds the host to the case."));

    m_zone = new QComboBox(this);
    m_zone->setEditable(true);
    m_zone->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->lineEdit()->setPlaceholderText(tr("this machine's zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
    m_zone->setToolTip(tr("The zone of times that carry none (strace -t/-tt): the traced host's zone, "
                          "an IANA name such as Europe/Berlin or an offset such as +02:00."));

    m_hasDate = new QCheckBox(tr("The log &starts on"), this);
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setEnabled(false);
    auto *dateHint = new QLabel(tr("Logs whose times carry no date (strace -t/-tt) are otherwise dated by the file's "
                                   "modification time, which a copy may have changed."),
                                this);
    dateHint->setWordWrap(true);
    dateHint->setTextFormat(Qt::PlainText);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_hasDate);
    dateRow->addWidget(m_date);
    dateRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("Time &zone:"), m_zone);
    form->addRow(tr("Date:"), dateRow);
    form->addRow(QString(), dateHint);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c02020;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    layout->addWidget(new QLabel(tr("Files:"), this));
    layout->addWidget(m_files, 1);
    layout->addLayout(fileButtons);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        addFiles(SafeFileDialog::getOpenFileNames(this, tr("Import Evidence"), QString(),
                                                  tr("Evidence (*.strace *.log *.txt *.pcap *.pcapng);;All files (*)")));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        validate();
    });
    connect(m_hasDate, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ImportDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addFiles(files);
    resize(560, 420);
}

void ImportDialog::addFiles(const QStringList &files)
{
    for (const QString &f : files)
        if (m_files->findItems(f, Qt::MatchExactly).isEmpty())
            m_files->addItem(f);
    validate();
}

QStringList ImportDialog::files() const
{
    QStringList out;
    for (int i = 0; i < m_files->count(); ++i)
        out << m_files->item(i)->text();
    return out;
}

ImportOptions ImportDialog::options() const
{
    ImportOptions o;
    o.hostName = m_host->currentText().trimmed();
    o.timeZone = m_zone->currentText().trimmed();
    if (m_hasDate->isChecked())
        o.startDate = m_date->date();
    return o;
}

QString ImportDialog::problem() const
{
    if (m_files->count() == 0)
        return tr("Add the files to import.");
    const QString zone = m_zone->currentText().trimmed();
    if (!zone.isEmpty() && !StraceClock::parseZone(zone))
        return tr("Not a time zone: %1 (use an IANA name such as Europe/Berlin, or an offset such as +02:00).").arg(zone);
    return {};
}

void ImportDialog::validate()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}
