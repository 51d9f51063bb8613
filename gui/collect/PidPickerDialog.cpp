#include "PidPickerDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

PidPickerDialog::PidPickerDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Choose Processes"));
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name or PID"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QTreeWidget(this);
    m_list->setHeaderLabels({tr("PID"), tr("Parent"), tr("State"), tr("Name")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(0, Qt::AscendingOrder);
    m_list->header()->setStretchLastSection(true);
    m_status = new QLabel(tr("Reading the processes of this machine…"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &PidPickerDialog::applyFilter);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    resize(520, 480);

    // The result travels through a shared slot: the thread never touches this dialog.
    auto result = std::make_shared<QList<LocalProcess>>();
    const CancelToken cancel = m_cancel;
    m_loader = QThread::create([result, cancel] { *result = LocalProcessList::read(cancel); });
    m_loader->setObjectName(QStringLiteral("pid-picker"));
    connect(m_loader, &QThread::finished, this, [this, result] { showProcesses(*result); });
    m_loader->start();
}

PidPickerDialog::~PidPickerDialog()
{
    m_cancel.cancel();
    m_loader->wait(); // reads /proc/PID/stat only: never blocks on a hung mount
    delete m_loader;
}

void PidPickerDialog::showProcesses(const QList<LocalProcess> &processes)
{
    m_list->setSortingEnabled(false);
    for (const LocalProcess &p : processes) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, Qt::DisplayRole, p.pid);
        item->setData(1, Qt::DisplayRole, p.ppid);
        item->setText(2, QString(p.state));
        item->setText(3, p.name);
    }
    m_list->setSortingEnabled(true);
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    m_status->setText(tr("Processes: %1. Select one or more.").arg(processes.size()));
    applyFilter();
    emit loaded();
}

void PidPickerDialog::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const bool match = text.isEmpty() || item->text(3).contains(text, Qt::CaseInsensitive) || item->text(0).startsWith(text);
        item->setHidden(!match);
    }
}

QList<qint64> PidPickerDialog::selectedPids() const
{
    QList<qint64> out;
    for (const QTreeWidgetItem *item : m_list->selectedItems())
        out << item->data(0, Qt::DisplayRole).toLongLong();
    std::sort(out.begin(), out.end());
    return out;
}

int PidPickerDialog::processCount() const
{
    return m_list->topLevelItemCount();
}
