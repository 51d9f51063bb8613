#include "AuditLogPane.h"

#include "AuditLogModel.h"
#include "app/CaseSession.h"
#include "casefile/AuditHead.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "util/BackgroundReader.h"
#include "util/FilterLineEdit.h"
#include "util/PaneLoader.h"

#include <QCoreApplication>
#include <QMutex>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {
struct ChainLoad
{
    bool whole = false; // entries replace the model's (else they are appended)
    QList<AuditLog::Entry> entries;
    AuditChainCheck::Position position;
    QList<AuditChainCheck::Problem> problems;
    QString head;
};

// The position the last applied load reached, read by the next load on the reader thread.
struct ChainState
{
    QMutex mutex;
    AuditChainCheck::Position position;
};
}

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
    m_verify = new QPushButton(tr("Verif&y Case"), this);
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
    auto state = std::make_shared<ChainState>();
    m_loader = new PaneLoader(
        session, QStringLiteral("audit-log"),
        [](CaseFile &cf) { return cf.db().queryText(QStringLiteral("SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_log")); },
        std::function<ChainLoad(CaseFile &, const CancelToken &)>([state](CaseFile &cf, const CancelToken &) {
            AuditChainCheck::Position from;
            {
                const QMutexLocker lock(&state->mutex);
                from = state->position;
            }
            SqliteDatabase &db = cf.db();
            AuditLog log(db);
            ChainLoad r;
            // The chain only grows: anything else (fewer entries, a new case) is checked whole.
            SqliteStatement upTo = db.prepare(QStringLiteral("SELECT count(*), coalesce(max(hash = ?2 AND id = ?1), 0) FROM audit_log WHERE id <= ?1"));
            upTo.bind(1, from.id).bind(2, from.hash);
            if (from.id == 0 || !upTo.step() || upTo.int64(0) != from.entries || upTo.int64(1) != 1)
                from = {};
            r.whole = from.id == 0;
            r.entries = log.entries(from.id);
            r.problems = AuditChainCheck(db).runFrom(from, &r.position, 1);
            r.head = AuditHead::of(db).hash;
            return r;
        }),
        this, std::function<void(const ChainLoad &)>([this, state](const ChainLoad &r) {
            {
                const QMutexLocker lock(&state->mutex);
                state->position = r.position;
            }
            if (r.whole)
                m_hashed = 0;
            m_hashed += r.entries.size();
            if (r.whole) {
                m_brokenAt = 0;
                m_problem.clear();
                m_model->setEntries(r.entries);
            } else {
                m_model->appendEntries(r.entries);
            }
            if (!r.problems.isEmpty() && !m_brokenAt) {
                m_brokenAt = r.problems.first().id;
                m_problem = r.problems.first().message;
            }
            m_position = r.position;
            m_chain->setText(m_brokenAt == 0
                                 ? tr("%n entries; hash chain intact; head %1.", nullptr, int(m_model->rowCount())).arg(r.head)
                                 : tr("Hash chain broken at entry %1: %2").arg(m_brokenAt).arg(m_problem));
            for (int c = 0; c < AuditLogModel::Details; ++c)
                m_view->resizeColumnToContents(c);
            m_view->scrollToBottom();
        }));
    connect(session, &CaseSession::closed, this, [this, state] {
        {
            const QMutexLocker lock(&state->mutex);
            state->position = {};
        }
        m_position = {};
        m_brokenAt = 0;
        m_hashed = 0;
        m_model->setEntries({});
        m_chain->clear();
        m_result->clear();
        m_result->hide();
    });
}

void AuditLogPane::reload()
{
    m_loader->reloadNow();
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

WorkbenchPane::Info AuditLogPane::paneInfo() const
{
    return {QStringLiteral("audit"), QCoreApplication::translate("MainWindow", "&Audit Log"), {}, {}, Placement::BottomDock, {}};
}

bool AuditLogPane::showLink(const ResolvedLink &)
{
    return false;
}

PaneLoader *AuditLogPane::paneLoader() const
{
    return m_loader;
}
