#include "ProcessesPane.h"

#include "ProcessFilterProxy.h"
#include "ProcessesModel.h"
#include "StateChart.h"
#include "analysis/StackDiff.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "util/BackgroundReader.h"
#include "util/FilterLineEdit.h"
#include "util/CaseError.h"
#include "util/PaneLoader.h"
#include "util/TimeUtil.h"
#include "util/TableFit.h"

#include <QCoreApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
struct Loaded
{
    QList<ProcTask> tasks;
};
struct Compared
{
    StackDiff::Result result;
};
QString taskLine(const StackDiff::TaskRef &t)
{
    return QStringLiteral("  %1/%2 %3 [%4]").arg(t.pid).arg(t.tid).arg(QString(t.comm).replace(QLatin1Char('\n'), QStringLiteral("\\n")), t.state);
}
}

ProcessesPane::ProcessesPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ProcessesModel(this)), m_proxy(new ProcessFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *bar = new QHBoxLayout;
    m_snapshot = new QComboBox(this);
    m_snapshot->setMinimumContentsLength(28);
    m_compare = new QComboBox(this);
    m_compare->setMinimumContentsLength(20);
    m_state = new QComboBox(this);
    m_state->addItem(tr("All states"), QString());
    m_state->addItem(tr("D (uninterruptible)"), QStringLiteral("D"));
    m_state->addItem(tr("Z (zombie)"), QStringLiteral("Z"));
    m_state->addItem(tr("D and Z"), QStringLiteral("DZ"));
    m_state->addItem(tr("R (running)"), QStringLiteral("R"));
    m_state->addItem(tr("S (sleeping)"), QStringLiteral("S"));
    m_filter = new FilterLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by command, wchan, user, cgroup or PID…"));
    auto *snapLabel = new QLabel(tr("Snapsh&ot:"), this);
    snapLabel->setBuddy(m_snapshot);
    auto *cmpLabel = new QLabel(tr("Co&mpare with:"), this);
    cmpLabel->setBuddy(m_compare);
    bar->addWidget(snapLabel);
    bar->addWidget(m_snapshot);
    bar->addWidget(cmpLabel);
    bar->addWidget(m_compare);
    bar->addWidget(m_state);
    bar->addWidget(m_filter, 1);
    layout->addLayout(bar);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProcessesModel::State, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(kColumnFitRows);
    m_view->setWordWrap(false);
    m_chart = new StateChart(this);
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setPlaceholderText(tr("Choose a snapshot to compare with to see which tasks appeared, cleared or changed."));
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_chart);
    right->addWidget(m_diff);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    connect(m_snapshot, &QComboBox::currentIndexChanged, this, [this] { loadTasks(); compare(); });
    connect(m_compare, &QComboBox::currentIndexChanged, this, &ProcessesPane::compare);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStates(m_state->currentData().toString());
        m_summary->setText(tr("%1 of %2 tasks shown").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    });
    connect(m_filter, &FilterLineEdit::filterChanged, this, [this](const QString &t) {
        m_proxy->setText(t);
        m_summary->setText(tr("%1 of %2 tasks shown").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    });
    // Commits of other evidence (an import streaming in) change nothing
    // here: a cheap stamp of the snapshot table decides.
    m_snapshotsLoader = new PaneLoader(
        session, QStringLiteral("processes-snapshots"), [](CaseFile &cf) { return SnapshotStore(cf.db()).changeStamp(); },
        std::function<QList<SnapshotInfo>(CaseFile &, const CancelToken &)>(
            [](CaseFile &cf, const CancelToken &) { return SnapshotStore(cf.db()).list(); }),
        this, std::function<void(const QList<SnapshotInfo> &)>([this](const QList<SnapshotInfo> &s) { setSnapshots(s); }));
    connect(session, &CaseSession::closed, this, [this] {
        m_loadedSnapshot = 0;
        m_pendingSnapshot = 0;
        m_snapshot->clear();
        m_compare->clear();
        m_model->setTasks({});
        m_diff->clear();
    });
}

void ProcessesPane::reload()
{
    m_snapshotsLoader->reloadNow();
}

void ProcessesPane::setSnapshots(const QList<SnapshotInfo> &snaps)
{
    const qint64 keep = m_pendingSnapshot ? m_pendingSnapshot : m_snapshot->currentData().toLongLong();
    const qint64 keepCmp = m_compare->currentData().toLongLong();
    m_pendingSnapshot = 0;
    QSignalBlocker b1(m_snapshot), b2(m_compare);
    m_snapshot->clear();
    m_compare->clear();
    m_compare->addItem(tr("(nothing)"), qint64(0));
    for (const SnapshotInfo &s : snaps) {
        const QString label = tr("%1 · %2 · %3 tasks").arg(s.hostName, TimeUtil::isoUtc(s.takenUs)).arg(s.taskCount);
        m_snapshot->addItem(label, s.id);
        m_compare->addItem(label, s.id);
    }
    const int i = m_snapshot->findData(keep);
    m_snapshot->setCurrentIndex(i >= 0 ? i : m_snapshot->count() - 1);
    m_compare->setCurrentIndex(std::max(0, m_compare->findData(keepCmp)));
    if (m_snapshot->currentData().toLongLong() != m_loadedSnapshot || m_model->rowCount() == 0)
        loadTasks();
}

bool ProcessesPane::showSnapshot(qint64 snapshotId)
{
    const int i = m_snapshot->findData(snapshotId);
    if (i < 0) {
        if (!m_snapshotsLoader->isLoading())
            return false;
        m_pendingSnapshot = snapshotId; // the list is loading: shown once it is in
        return true;
    }
    if (i == m_snapshot->currentIndex() && m_loadedSnapshot == snapshotId && !m_loading) {
        emit loaded(); // already shown
        return true;
    }
    m_snapshot->setCurrentIndex(i);
    return true;
}

void ProcessesPane::loadTasks()
{
    const qint64 id = m_snapshot->currentData().toLongLong();
    m_loadedSnapshot = id;
    if (!id) {
        m_model->setTasks({});
        m_chart->setCounts({}, {});
        return;
    }
    m_loading = true;
    m_summary->setText(tr("Loading tasks…"));
    m_session->reader()->run<Loaded>(
        QStringLiteral("processes"),
        [id](CaseFile &cf, const CancelToken &) { return Loaded{TaskQuery(cf.db()).snapshot(id).run()}; }, this,
        [this](const Loaded &l) {
            m_loading = false;
            m_model->setTasks(l.tasks);
            QMap<QString, int> states, wchans;
            for (const ProcTask &t : l.tasks) {
                ++states[ProcessesModel::displayState(t)];
                ++wchans[t.wchan];
            }
            m_chart->setCounts(states, wchans);
            m_view->resizeColumnsToContents();
            m_summary->setText(tr("%1 of %2 tasks shown · %3 in D · %4 zombie")
                                   .arg(m_proxy->rowCount())
                                   .arg(m_model->rowCount())
                                   .arg(states.value(QStringLiteral("D")))
                                   .arg(states.value(QStringLiteral("Z")) + states.value(QStringLiteral("Z (D)"))));
            emit loaded();
        },
        [this](const QString &e) {
            m_loading = false;
            m_summary->setText(e);
            emit loaded();
        });
}

void ProcessesPane::compare()
{
    const qint64 a = m_compare->currentData().toLongLong();
    const qint64 b = m_snapshot->currentData().toLongLong();
    if (!a || !b || a == b) {
        m_diff->clear();
        return;
    }
    m_session->reader()->run<Compared>(
        QStringLiteral("processes-compare"),
        [a, b](CaseFile &cf, const CancelToken &) {
            const QList<ProcTask> ta = TaskQuery(cf.db()).snapshot(a).run();
            const QList<ProcTask> tb = TaskQuery(cf.db()).snapshot(b).run();
            return Compared{StackDiff::sets(ta, tb, true)};
        },
        this,
        [this](const Compared &c) {
            QStringList out;
            out << tr("From the compared snapshot to this one:");
            auto list = [&](const QString &title, const QList<StackDiff::TaskRef> &tasks) {
                out << tr("%1: %2").arg(title).arg(tasks.size());
                for (int i = 0; i < std::min<int>(int(tasks.size()), 50); ++i)
                    out << taskLine(tasks[i]);
            };
            list(tr("Appeared"), c.result.appeared);
            list(tr("Cleared"), c.result.cleared);
            list(tr("Changed stack or state"), c.result.changed);
            out << tr("Unchanged: %1").arg(c.result.stayed.size());
            m_diff->setPlainText(out.join(QLatin1Char('\n')));
        },
        [this](const QString &e) { m_diff->setPlainText(e); });
}

QString ProcessesPane::comparison() const
{
    return m_diff->toPlainText();
}

bool ProcessesPane::selectTid(qint64 tid)
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->task(r).tid == tid) {
            const QModelIndex idx = m_proxy->mapFromSource(m_model->index(r, ProcessesModel::Comm));
            if (!idx.isValid())
                return false;
            m_view->setCurrentIndex(idx);
            m_view->scrollTo(idx);
            return true;
        }
    return false;
}

WorkbenchPane::Info ProcessesPane::paneInfo() const
{
    return {QStringLiteral("processes"), QCoreApplication::translate("MainWindow", "&Processes"), QCoreApplication::translate("MainWindow", "&Processes"), QKeySequence(Qt::CTRL | Qt::Key_2), Placement::Tab,
            {LinkKind::Task, LinkKind::Snapshot}};
}

bool ProcessesPane::showLink(const ResolvedLink &link)
{
    // The task's own snapshot (hence host), then its row once the tasks are in.
    const qint64 tid = link.kind == LinkKind::Task ? link.tid : 0;
    if (tid)
        connect(this, &ProcessesPane::loaded, this, [this, tid] { selectTid(tid); }, Qt::SingleShotConnection);
    if (!showSnapshot(link.snapshotId)) {
        disconnect(this, &ProcessesPane::loaded, this, nullptr);
        return false;
    }
    return true;
}

PaneLoader *ProcessesPane::paneLoader() const
{
    return m_snapshotsLoader;
}
