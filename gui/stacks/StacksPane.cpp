#include "StacksPane.h"

#include "FleetMatrixModel.h"
#include "StackDiffModel.h"
#include "StackGroupsModel.h"
#include "analysis/StackDiffTarget.h"
#include "analysis/StackGrouper.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/HostStore.h"
#include "procfs/SnapshotStore.h"
#include "procfs/TaskQuery.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/PaneLoader.h"
#include "util/TimeUtil.h"
#include "util/TableFit.h"

#include <QCoreApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
struct Groups
{
    QList<StackGroup> groups;
    QMap<QString, int> notRead; // tasks whose stack could not be read, by reason
};
struct Diffed
{
    StackDiff::Result result;
};

QTableView *makeTable(QWidget *parent)
{
    auto *v = new QTableView(parent);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->setWordWrap(false);
    v->horizontalHeader()->setStretchLastSection(true);
    v->horizontalHeader()->setResizeContentsPrecision(kColumnFitRows);
    return v;
}
}

StacksPane::StacksPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_groups(new StackGroupsModel(this)), m_diff(new StackDiffModel(this)),
      m_fleet(new FleetMatrixModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // Groups and diff.
    auto *page = new QWidget(m_tabs);
    auto *pl = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    m_snapshot = new QComboBox(page);
    m_snapshot->setMinimumContentsLength(28);
    auto *label = new QLabel(tr("Snapsh&ot:"), page);
    label->setBuddy(m_snapshot);
    auto *diffGroups = new QPushButton(tr("&Diff Selected Groups"), page);
    diffGroups->setToolTip(tr("Select two groups (Ctrl+click) and compare their stacks"));
    bar->addWidget(label);
    bar->addWidget(m_snapshot);
    bar->addStretch(1);
    bar->addWidget(diffGroups);
    pl->addLayout(bar);
    m_notRead = new QLabel(page);
    m_notRead->setTextFormat(Qt::PlainText);
    m_notRead->hide();
    pl->addWidget(m_notRead);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_groups);
    proxy->setSortRole(StackGroupsModel::SortRole);
    m_groupsView = makeTable(page);
    m_groupsView->setModel(proxy);
    m_groupsView->setSortingEnabled(true);
    m_groupsView->sortByColumn(StackGroupsModel::Count, Qt::DescendingOrder);
    m_groupsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_groupsView->verticalHeader()->hide();

    auto *diffBox = new QWidget(page);
    auto *dl = new QVBoxLayout(diffBox);
    dl->setContentsMargins(0, 0, 0, 0);
    auto *specs = new QHBoxLayout;
    m_specA = new QLineEdit(diffBox);
    m_specA->setPlaceholderText(tr("A: task:web-3/4242, group:SIG@12, snapshot:3, host:web-3"));
    m_specB = new QLineEdit(diffBox);
    m_specB->setPlaceholderText(tr("B"));
    auto *go = new QPushButton(tr("Compare"), diffBox);
    specs->addWidget(m_specA, 1);
    specs->addWidget(m_specB, 1);
    specs->addWidget(go);
    m_diffLabel = new QLabel(diffBox);
    m_diffLabel->setTextFormat(Qt::PlainText);
    m_diffLabel->setWordWrap(true);
    m_diffView = makeTable(diffBox);
    m_diffView->setModel(m_diff);
    m_diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diffView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    dl->addLayout(specs);
    dl->addWidget(m_diffLabel);
    dl->addWidget(m_diffView, 1);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_groupsView);
    split->addWidget(diffBox);
    pl->addWidget(split, 1);
    m_tabs->addTab(page, tr("&Groups and Diff"));

    m_fleetView = makeTable(m_tabs);
    m_fleetView->setModel(m_fleet);
    m_fleetView->horizontalHeader()->setStretchLastSection(false);
    m_tabs->addTab(m_fleetView, tr("Fleet &Matrix"));

    connect(m_snapshot, &QComboBox::currentIndexChanged, this, &StacksPane::loadGroups);
    connect(diffGroups, &QPushButton::clicked, this, &StacksPane::diffSelectedGroups);
    connect(go, &QPushButton::clicked, this, [this] { diffSpecs(m_specA->text().trimmed(), m_specB->text().trimmed()); });
    connect(m_specB, &QLineEdit::returnPressed, go, &QPushButton::click);
    m_snapshotsLoader = new PaneLoader(
        session, QStringLiteral("stacks-snapshots"), [](CaseFile &cf) { return SnapshotStore(cf.db()).changeStamp(); },
        std::function<QList<SnapshotInfo>(CaseFile &, const CancelToken &)>(
            [](CaseFile &cf, const CancelToken &) { return SnapshotStore(cf.db()).list(); }),
        this, std::function<void(const QList<SnapshotInfo> &)>([this](const QList<SnapshotInfo> &s) { setSnapshots(s); }));
    connect(session, &CaseSession::closed, this, [this] {
        m_pendingSnapshot = 0;
        m_groupsSnapshot = 0;
        m_pendingSignature.clear();
        m_snapshot->clear();
        m_groups->setGroups({});
        m_diff->setResult({});
        m_fleet->setData({});
    });
}

void StacksPane::reload()
{
    m_snapshotsLoader->reloadNow();
}

void StacksPane::setSnapshots(const QList<SnapshotInfo> &snaps)
{
    const qint64 keep = m_pendingSnapshot ? m_pendingSnapshot : m_snapshot->currentData().toLongLong();
    m_pendingSnapshot = 0;
    {
        QSignalBlocker block(m_snapshot);
        m_snapshot->clear();
        for (const SnapshotInfo &s : snaps)
            m_snapshot->addItem(tr("%1 · %2 · %3 tasks").arg(s.hostName, TimeUtil::isoUtc(s.takenUs)).arg(s.taskCount), s.id);
        const int i = m_snapshot->findData(keep);
        m_snapshot->setCurrentIndex(i >= 0 ? i : m_snapshot->count() - 1);
    }
    loadGroups();
    loadFleet();
}

bool StacksPane::showGroup(qint64 snapshotId, const QString &signature)
{
    m_tabs->setCurrentIndex(0);
    m_pendingSignature = signature;
    const int i = m_snapshot->findData(snapshotId);
    if (i < 0) {
        if (!m_snapshotsLoader->isLoading()) {
            m_pendingSignature.clear();
            return false;
        }
        m_pendingSnapshot = snapshotId;
        return true;
    }
    if (i == m_snapshot->currentIndex() && m_groupsSnapshot == snapshotId && !m_loadingGroups)
        return selectPendingGroup();
    m_snapshot->setCurrentIndex(i); // loads its groups, then selects
    return true;
}

bool StacksPane::selectPendingGroup()
{
    const QString sig = std::exchange(m_pendingSignature, QString());
    if (sig.isEmpty())
        return false;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_groupsView->model());
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        const QModelIndex idx = proxy->mapFromSource(m_groups->index(r, 0));
        if (idx.isValid() && idx.data(StackGroupsModel::SignatureRole).toString() == sig) {
            m_groupsView->setCurrentIndex(idx);
            m_groupsView->scrollTo(idx);
            emit groupShown(sig);
            return true;
        }
    }
    emit groupShown(QString());
    return false;
}

QString StacksPane::currentSignature() const
{
    return m_groupsView->currentIndex().data(StackGroupsModel::SignatureRole).toString();
}

void StacksPane::loadGroups()
{
    const qint64 id = m_snapshot->currentData().toLongLong();
    m_groupsSnapshot = id;
    if (!id) {
        m_groups->setGroups({});
        m_notRead->hide();
        return;
    }
    ++m_busy;
    m_loadingGroups = true;
    m_session->reader()->run<Groups>(
        QStringLiteral("stack-groups"),
        [id](CaseFile &cf, const CancelToken &) {
            const QList<ProcTask> tasks = TaskQuery(cf.db()).snapshot(id).run();
            return Groups{StackGrouper::group(tasks), StackGrouper::notRead(tasks)};
        },
        this,
        [this](const Groups &g) {
            --m_busy;
            m_loadingGroups = false;
            m_groups->setGroups(g.groups);
            QStringList notRead;
            for (auto it = g.notRead.cbegin(); it != g.notRead.cend(); ++it)
                notRead << tr("%n task(s) with the kernel stack %1", nullptr, it.value()).arg(it.key());
            m_notRead->setText(notRead.join(QStringLiteral("; ")));
            m_notRead->setVisible(!notRead.isEmpty());
            m_groupsView->resizeColumnsToContents();
            emit groupsLoaded();
            if (!m_pendingSignature.isEmpty())
                selectPendingGroup();
        },
        [this](const QString &e) {
            --m_busy;
            m_loadingGroups = false;
            m_diffLabel->setText(e);
            emit groupsLoaded();
        });
}

bool StacksPane::diffSelectedGroups()
{
    const QModelIndexList rows = m_groupsView->selectionModel()->selectedRows();
    if (rows.size() != 2) {
        m_diffLabel->setText(tr("Select exactly two groups to compare."));
        return false;
    }
    const qint64 snap = m_snapshot->currentData().toLongLong();
    const QString a = QStringLiteral("group:%1@%2").arg(rows[0].data(StackGroupsModel::SignatureRole).toString()).arg(snap);
    const QString b = QStringLiteral("group:%1@%2").arg(rows[1].data(StackGroupsModel::SignatureRole).toString()).arg(snap);
    m_specA->setText(a);
    m_specB->setText(b);
    diffSpecs(a, b);
    return true;
}

void StacksPane::diffSpecs(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty() || !m_session->isOpen())
        return;
    ++m_busy;
    m_diffLabel->setText(tr("Comparing…"));
    m_session->reader()->run<Diffed>(
        QStringLiteral("stack-diff"),
        [a, b](CaseFile &cf, const CancelToken &) { return Diffed{StackDiffTarget::diff(cf.db(), a, b)}; }, this,
        [this](const Diffed &d) {
            --m_busy;
            m_diff->setResult(d.result);
            QString summary = tr("%1 frames in common, %2 only in A, %3 only in B")
                                  .arg(d.result.common.size())
                                  .arg(d.result.onlyA.size())
                                  .arg(d.result.onlyB.size());
            if (!d.result.groups.isEmpty()) {
                QStringList changes;
                for (const auto &g : d.result.groups)
                    if (g.change != QLatin1String("stayed"))
                        changes << tr("%1 %2→%3 (%4)").arg(g.change).arg(g.countA).arg(g.countB).arg(g.frames.value(0));
                if (!changes.isEmpty())
                    summary += QStringLiteral("\n") + changes.mid(0, 8).join(QStringLiteral("; "));
            }
            m_diffLabel->setText(summary);
            emit diffReady();
        },
        [this](const QString &e) {
            --m_busy;
            m_diffLabel->setText(e);
            emit diffReady();
        });
}

QString StacksPane::diffSummary() const
{
    return m_diffLabel->text();
}

void StacksPane::loadFleet()
{
    ++m_busy;
    m_session->reader()->run<FleetMatrixModel::Data>(
        QStringLiteral("stack-fleet"),
        [](CaseFile &cf, const CancelToken &cancel) {
            FleetMatrixModel::Data d;
            SnapshotStore store(cf.db());
            QHash<QString, int> row;
            for (const HostRecord &h : HostStore(cf.db()).all()) {
                if (cancel.isCancelled())
                    break;
                const auto snap = store.latest(h.id);
                if (!snap)
                    continue;
                const int col = int(d.hosts.size());
                d.hosts << h.name;
                for (auto &counts : d.counts)
                    counts.append(0);
                for (const StackGroup &g : StackGrouper::group(TaskQuery(cf.db()).snapshot(snap->id).run())) {
                    if (!row.contains(g.signature)) {
                        row.insert(g.signature, int(d.signatures.size()));
                        d.signatures << g.signature;
                        d.labels << (g.frames.isEmpty() ? g.signature : g.frames.mid(0, 3).join(QStringLiteral(" ← ")));
                        d.counts.append(QList<int>(col + 1, 0));
                    }
                    d.counts[row.value(g.signature)][col] = g.count;
                }
            }
            return d;
        },
        this,
        [this](const FleetMatrixModel::Data &d) {
            --m_busy;
            m_fleet->setData(d);
            m_tabs->setTabEnabled(1, d.hosts.size() > 1);
            emit fleetLoaded();
        },
        [this](const QString &) {
            --m_busy;
            emit fleetLoaded();
        });
}

WorkbenchPane::Info StacksPane::paneInfo() const
{
    return {QStringLiteral("stacks"), QCoreApplication::translate("MainWindow", "Stac&ks"), QCoreApplication::translate("MainWindow", "Stac&ks"), QKeySequence(Qt::CTRL | Qt::Key_3), Placement::Tab,
            {LinkKind::Stack, LinkKind::Group}};
}

bool StacksPane::showLink(const ResolvedLink &link)
{
    return showGroup(link.snapshotId, link.signature);
}

PaneLoader *StacksPane::paneLoader() const
{
    return m_snapshotsLoader;
}
