#include "AuditLogPane.h"

#include "AuditLogModel.h"
#include "app/CaseSession.h"
#include "casefile/AuditHead.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "util/BackgroundReader.h"
#include "util/FilterLineEdit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

AuditLogPane::AuditLogPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new AuditLogModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filter = new FilterLineEdit(this);
    filter->setPlaceholderText(tr("Filter the audit log…"));
    m_chain = new QLabel(this);
    m_chain->setTextFormat(Qt::PlainText);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chain->setWordWrap(true);
    m_verify = new QPushButton(tr("&Verify Case"), this);
    m_verify->setObjectName(QStringLiteral("auditVerifyCase"));
    m_verify->setToolTip(tr("Re-hash every artifact against the hashes recorded when it was collected, and check the audit chain"));
    m_result = new QPlainTextEdit(this);
    m_result->setReadOnly(true);
    m_result->setMaximumBlockCount(1000);
    m_result->hide();
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(filter);
    layout->addWidget(m_view, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_chain, 1);
    status->addWidget(m_verify);
    layout->addLayout(status);
    layout->addWidget(m_result);
    connect(filter, &FilterLineEdit::filterChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogPane::verifyCase);
    connect(session, &CaseSession::opened, this, &AuditLogPane::reload);
    connect(session, &CaseSession::dataChanged, this, &AuditLogPane::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_model->setEntries({});
        m_chain->clear();
        m_result->clear();
        m_result->hide();
    });
}

void AuditLogPane::reload()
{
    if (!m_session->isOpen())
        return;
    SqliteDatabase &db = m_session->caseFile()->db();
    AuditLog log(db);
    m_model->setEntries(log.entries());
    QString problem;
    const qint64 bad = log.verifyChain(&problem);
    m_chain->setText(bad == 0 ? tr("%n entries; hash chain intact; head %1.", nullptr, int(m_model->rowCount())).arg(AuditHead::of(db).hash)
                              : tr("Hash chain broken at entry %1: %2").arg(bad).arg(problem));
    for (int c = 0; c < AuditLogModel::Details; ++c)
        m_view->resizeColumnToContents(c);
    m_view->scrollToBottom();
}

void AuditLogPane::verifyCase()
{
    if (!m_session->isOpen())
        return;
    m_verify->setEnabled(false);
    m_result->show();
    m_result->setPlainText(tr("Verifying…"));
    m_session->reader()->run<VerifyReport>(
        QStringLiteral("verify-case"),
        [](CaseFile &cf, const CancelToken &cancel) { return CaseVerifier(cf.db()).verify(std::nullopt, &cancel); },
        this,
        [this](const VerifyReport &report) {
            m_verify->setEnabled(true);
            const QString text = verifyText(report);
            m_result->setPlainText(text);
            emit caseVerified(report.ok(), text);
        },
        [this](const QString &error) {
            m_verify->setEnabled(true);
            const QString text = tr("Verification failed: %1").arg(error);
            m_result->setPlainText(text);
            emit caseVerified(false, text);
        });
}

QString AuditLogPane::verifyText(const VerifyReport &report)
{
    QStringList lines;
    if (report.ok()) {
        lines << tr("Verified: the file is sound, no artifact differs from what was recorded for it (%1 checked), and the audit chain is intact.")
                     .arg(report.artifacts.size());
    } else {
        lines << tr("VERIFICATION FAILED:");
        lines << report.findings();
    }
    if (const qsizetype n = report.unrecorded().size())
        lines << tr("%1 artifacts have no hash in the audit log and were checked against their artifacts rows only: %2")
                     .arg(n).arg(report.unrecordedList());
    lines << tr("Audit chain: %1 entries, head %2. Note it down elsewhere; casectl verify CASE --expect-head %1:%2 "
                "proves later that the chain was neither cut short nor rewritten up to here.")
                 .arg(report.head.entries).arg(report.head.hash);
    return lines.join(QLatin1Char('\n'));
}
