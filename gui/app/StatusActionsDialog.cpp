#include "StatusActionsDialog.h"

#include "CaseSession.h"
#include "casefile/CaseFile.h"
#include "util/BackgroundReader.h"
#include "util/TimeUtil.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

QTableWidgetItem *cell(const QString &text, qint64 id = 0)
{
    auto *i = new QTableWidgetItem(text); // plain text, whatever it holds
    i->setData(Qt::UserRole, id);
    i->setToolTip(text.left(2000));
    return i;
}
}

StatusActionsDialog::StatusActionsDialog(CaseSession *session, Page page, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Status Updates and Action Items"));
    setObjectName(QStringLiteral("statusActionsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_pages = new QTabWidget(this);

    auto *statusPage = new QWidget(m_pages);
    auto *sl = new QVBoxLayout(statusPage);
    m_statusTable = makeTable({tr("Time (UTC)"), tr("By"), tr("Update")}, statusPage);
    m_statusText = new QPlainTextEdit(statusPage);
    m_statusText->setPlaceholderText(tr("What the people affected should know now, e.g. \"Engineers are bringing the server back online.\""));
    m_statusText->setMaximumHeight(90);
    m_statusHasTime = new QCheckBox(tr("&At"), statusPage);
    m_statusAt = new QDateTimeEdit(QDateTime::currentDateTimeUtc(), statusPage);
    m_statusAt->setTimeZone(QTimeZone::utc());
    m_statusAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_statusAt->setEnabled(false);
    auto *post = new QPushButton(tr("&Post Update"), statusPage);
    auto *sRow = new QHBoxLayout;
    sRow->addWidget(m_statusHasTime);
    sRow->addWidget(m_statusAt);
    sRow->addStretch(1);
    sRow->addWidget(post);
    sl->addWidget(m_statusTable, 1);
    sl->addWidget(m_statusText);
    sl->addLayout(sRow);
    m_pages->addTab(statusPage, tr("&Status Updates"));

    auto *actionsPage = new QWidget(m_pages);
    auto *al = new QVBoxLayout(actionsPage);
    m_actionsTable = makeTable({tr("Status"), tr("Owner"), tr("Due"), tr("Action item")}, actionsPage);
    auto *done = new QPushButton(tr("Mark &Done"), actionsPage);
    auto *drop = new QPushButton(tr("D&rop"), actionsPage);
    auto *reopen = new QPushButton(tr("R&eopen"), actionsPage);
    auto *itemRow = new QHBoxLayout;
    itemRow->addStretch(1);
    itemRow->addWidget(done);
    itemRow->addWidget(drop);
    itemRow->addWidget(reopen);
    m_actionText = new QLineEdit(actionsPage);
    m_actionText->setPlaceholderText(tr("Follow-up work, e.g. \"Alert on lockd not responding\""));
    m_actionOwner = new QLineEdit(actionsPage);
    m_actionHasDue = new QCheckBox(tr("D&ue"), actionsPage);
    m_actionDue = new QDateEdit(QDate::currentDate().addDays(7), actionsPage);
    m_actionDue->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_actionDue->setCalendarPopup(true);
    m_actionDue->setEnabled(false);
    auto *add = new QPushButton(tr("&Add Item"), actionsPage);
    auto *form = new QFormLayout;
    form->addRow(tr("&Item:"), m_actionText);
    form->addRow(tr("&Owner:"), m_actionOwner);
    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_actionHasDue);
    dueRow->addWidget(m_actionDue);
    dueRow->addStretch(1);
    dueRow->addWidget(add);
    form->addRow(QString(), dueRow);
    al->addWidget(m_actionsTable, 1);
    al->addLayout(itemRow);
    al->addLayout(form);
    m_pages->addTab(actionsPage, tr("&Action Items"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    m_writeButtons = {post, add, done, drop, reopen};
    for (QPushButton *b : std::as_const(m_writeButtons))
        b->setEnabled(session->isWritable());
    if (!session->isWritable())
        layout->insertWidget(0, new QLabel(tr("The case is read-only: updates and items are shown, not written."), this));

    connect(m_statusHasTime, &QCheckBox::toggled, m_statusAt, &QWidget::setEnabled);
    connect(m_actionHasDue, &QCheckBox::toggled, m_actionDue, &QWidget::setEnabled);
    connect(post, &QPushButton::clicked, this, &StatusActionsDialog::postStatus);
    connect(add, &QPushButton::clicked, this, &StatusActionsDialog::addAction);
    connect(done, &QPushButton::clicked, this, [this] { setActionStatus(QStringLiteral("done")); });
    connect(drop, &QPushButton::clicked, this, [this] { setActionStatus(QStringLiteral("dropped")); });
    connect(reopen, &QPushButton::clicked, this, [this] { setActionStatus(QStringLiteral("open")); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(session, &CaseSession::dataChanged, this, &StatusActionsDialog::reload);
    connect(session, &CaseSession::closed, this, &QDialog::reject);
    m_pages->setCurrentIndex(page);
    resize(720, 480);
    reload();
}

void StatusActionsDialog::reload()
{
    if (!m_session->isOpen())
        return;
    m_session->reader()->run<Data>(
        QStringLiteral("status-actions"),
        [](CaseFile &cf, const CancelToken &) { return Data{StatusUpdateStore(cf.db()).all(), ActionItemStore(cf.db()).all()}; }, this,
        [this](const Data &d) { showData(d); });
}

void StatusActionsDialog::showData(const Data &d)
{
    m_statusTable->setRowCount(int(d.updates.size()));
    for (int r = 0; r < d.updates.size(); ++r) {
        const StatusUpdate &u = d.updates[r];
        m_statusTable->setItem(r, 0, cell(TimeUtil::isoUtc(u.atUs), u.id));
        m_statusTable->setItem(r, 1, cell(u.author));
        m_statusTable->setItem(r, 2, cell(u.text));
    }
    const qint64 selected = m_actionsTable->currentRow() >= 0 && m_actionsTable->item(m_actionsTable->currentRow(), 0)
        ? m_actionsTable->item(m_actionsTable->currentRow(), 0)->data(Qt::UserRole).toLongLong()
        : 0;
    m_actionsTable->setRowCount(int(d.actions.size()));
    for (int r = 0; r < d.actions.size(); ++r) {
        const ActionItem &a = d.actions[r];
        m_actionsTable->setItem(r, 0, cell(a.status, a.id));
        m_actionsTable->setItem(r, 1, cell(a.owner));
        m_actionsTable->setItem(r, 2, cell(a.dueUs ? TimeUtil::isoUtc(a.dueUs).left(10) : QString()));
        m_actionsTable->setItem(r, 3, cell(a.text));
        if (a.id == selected)
            m_actionsTable->selectRow(r);
    }
    m_statusTable->resizeColumnsToContents();
    m_actionsTable->resizeColumnsToContents();
    emit reloaded();
}

void StatusActionsDialog::postStatus()
{
    const QString text = m_statusText->toPlainText().trimmed();
    if (text.isEmpty() || !m_session->isWritable())
        return;
    const qint64 at = m_statusHasTime->isChecked() ? m_statusAt->dateTime().toMSecsSinceEpoch() * 1000 : 0;
    m_session->write<qint64>(
        [text, at](CaseFile &cf) { return StatusUpdateStore(cf.db()).add(text, at); }, this,
        [this](const qint64 &) {
            m_statusText->clear();
            emit written();
        },
        [this](const QString &e) { QMessageBox::warning(this, tr("Status Update"), e); });
}

void StatusActionsDialog::addAction()
{
    ActionItem item;
    item.text = m_actionText->text().trimmed();
    item.owner = m_actionOwner->text().trimmed();
    if (m_actionHasDue->isChecked())
        item.dueUs = QDateTime(m_actionDue->date(), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
    if (item.text.isEmpty() || !m_session->isWritable())
        return;
    m_session->write<qint64>(
        [item](CaseFile &cf) { return ActionItemStore(cf.db()).add(item); }, this,
        [this](const qint64 &) {
            m_actionText->clear();
            emit written();
        },
        [this](const QString &e) { QMessageBox::warning(this, tr("Action Item"), e); });
}

void StatusActionsDialog::setActionStatus(const QString &status)
{
    const int row = m_actionsTable->currentRow();
    if (row < 0 || !m_actionsTable->item(row, 0) || !m_session->isWritable())
        return;
    const qint64 id = m_actionsTable->item(row, 0)->data(Qt::UserRole).toLongLong();
    m_session->write<bool>(
        [id, status](CaseFile &cf) {
            ActionItemStore(cf.db()).setStatus(id, status);
            return true;
        },
        this, [this](const bool &) { emit written(); },
        [this](const QString &e) { QMessageBox::warning(this, tr("Action Item"), e); });
}
