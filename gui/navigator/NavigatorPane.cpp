#include "NavigatorPane.h"

#include "NavigatorModel.h"
#include "app/CaseSession.h"
#include "app/EvidenceLink.h"
#include "casefile/ArtifactReader.h"
#include "casefile/AuditLog.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/PaneLoader.h"

#include <QCoreApplication>
#include "util/SafeFileDialog.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTreeView>
#include <QVBoxLayout>

NavigatorPane::NavigatorPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new NavigatorModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->header()->hide();
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    layout->addWidget(m_view);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &NavigatorPane::showContextMenu);
    connect(m_view, &QTreeView::activated, this, &NavigatorPane::activate);
    // No stamp: artifact sizes and collection states change as evidence streams in.
    m_loader = new PaneLoader(
        session, QStringLiteral("navigator"), {},
        std::function<NavigatorModel::Data(CaseFile &, const CancelToken &)>(
            [](CaseFile &cf, const CancelToken &) { return NavigatorModel::read(cf); }),
        this, std::function<void(const NavigatorModel::Data &)>([this](const NavigatorModel::Data &d) {
            const QModelIndex cur = m_view->currentIndex();
            const QString kind = cur.data(NavigatorModel::KindRole).toString();
            const qint64 id = cur.data(NavigatorModel::IdRole).toLongLong();
            m_model->load(d);
            m_view->expandToDepth(1);
            if (!kind.isEmpty())
                select(kind, id);
        }));
    m_loader->setThrottle(1000);
    connect(session, &CaseSession::closed, m_model, &NavigatorModel::clearCase);
}

void NavigatorPane::reload()
{
    m_loader->reloadNow();
}

bool NavigatorPane::select(const QString &kind, qint64 id)
{
    const QModelIndex idx = m_model->find(kind, id);
    if (!idx.isValid())
        return false;
    m_view->setCurrentIndex(idx);
    m_view->scrollTo(idx);
    return true;
}

void NavigatorPane::activate(const QModelIndex &index)
{
    const QString kind = index.data(NavigatorModel::KindRole).toString();
    if (kind == QLatin1String("artifact") || kind == QLatin1String("note") || kind == QLatin1String("collection"))
        emit evidenceRequested(EvidenceLink::fromRef(kind, index.data(NavigatorModel::IdRole).toLongLong()));
}

void NavigatorPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex idx = m_view->indexAt(pos);
    if (!idx.isValid())
        return;
    m_view->setCurrentIndex(idx);
    const QString kind = idx.data(NavigatorModel::KindRole).toString();
    QMenu menu(this);
    if (kind == QLatin1String("artifact")) {
        menu.addAction(tr("&View Raw"), this, &NavigatorPane::viewRaw);
        menu.addAction(tr("&Export Artifact…"), this, [this] { exportArtifact(); });
        menu.addAction(tr("Verify &Hash"), this, &NavigatorPane::verifyHash);
    }
    if (kind == QLatin1String("collection") || kind == QLatin1String("host"))
        menu.addAction(tr("&Re-collect…"), this, &NavigatorPane::recollect);
    if (kind == QLatin1String("note"))
        menu.addAction(tr("&Open Note"), this, [this] { activate(m_view->currentIndex()); });
    if (!menu.isEmpty())
        menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void NavigatorPane::viewRaw()
{
    const QModelIndex idx = m_view->currentIndex();
    if (idx.data(NavigatorModel::KindRole).toString() == QLatin1String("artifact"))
        emit evidenceRequested(EvidenceLink::fromRef(QStringLiteral("artifact"), idx.data(NavigatorModel::IdRole).toLongLong()));
}

void NavigatorPane::exportArtifact(const QString &toPath)
{
    const QModelIndex idx = m_view->currentIndex();
    if (idx.data(NavigatorModel::KindRole).toString() != QLatin1String("artifact") || !m_session->isOpen())
        return;
    const qint64 id = idx.data(NavigatorModel::IdRole).toLongLong();
    QString path = toPath;
    if (path.isEmpty())
        path = SafeFileDialog::getSaveFileName(this, tr("Export Artifact"), idx.data().toString().section(QLatin1Char(' '), 0, 0));
    if (path.isEmpty())
        return;
    // Off the GUI thread: an artifact can be big, and the export is audited.
    m_session->writeIfWritable<bool>(
        QStringLiteral("export-%1").arg(path),
        [id, path](CaseFile &cf) {
            ArtifactReader(cf.db()).exportTo(id, path);
            if (!cf.isReadOnly())
                AuditLog(cf.db()).append(QStringLiteral("export"), QStringLiteral("artifact:%1").arg(id),
                                         {{QStringLiteral("path"), path}});
            return true;
        },
        this, [this, id, path](const bool &) { emit artifactExported(id, path); },
        [this](const QString &error) { QMessageBox::warning(this, tr("Export Artifact"), error); });
}

void NavigatorPane::verifyHash()
{
    const QModelIndex idx = m_view->currentIndex();
    if (idx.data(NavigatorModel::KindRole).toString() != QLatin1String("artifact"))
        return;
    const qint64 id = idx.data(NavigatorModel::IdRole).toLongLong();
    // The check of casectl verify: the bytes against the artifacts row and the hash the audit log recorded.
    m_session->reader()->run<ArtifactCheck>(
        QStringLiteral("verify-hash"),
        [id](CaseFile &cf, const CancelToken &cancel) {
            const auto info = ArtifactReader(cf.db()).info(id);
            if (!info)
                throw CaseError(QObject::tr("There is no artifact %1.").arg(id));
            return CaseVerifier(cf.db()).checkArtifact(*info, &cancel);
        },
        this,
        [this](const ArtifactCheck &r) {
            const bool ok = r.result == ArtifactCheck::Result::Ok;
            const QString msg = r.result == ArtifactCheck::Result::Incomplete
                ? tr("Artifact %1 is incomplete: it has no recorded hash (%2 bytes now hash to %3).").arg(r.id).arg(r.actualSize).arg(r.actual)
                : ok ? tr("Artifact %1 is intact: SHA-256 %2 matches the recorded hash.").arg(r.id).arg(r.actual)
                     : tr("Artifact %1 does NOT match what was recorded: %2.").arg(r.id).arg(r.problems.join(QStringLiteral("; ")));
            emit hashVerified(r.id, ok, msg);
        },
        [this, id](const QString &error) { emit hashVerified(id, false, error); });
}

void NavigatorPane::recollect()
{
    const QModelIndex idx = m_view->currentIndex();
    const bool collection = idx.data(NavigatorModel::KindRole).toString() == QLatin1String("collection");
    emit recollectRequested(idx.data(NavigatorModel::HostNameRole).toString(),
                            idx.data(NavigatorModel::CollectionKindRole).toString(),
                            collection ? idx.data(NavigatorModel::IdRole).toLongLong() : 0);
}

WorkbenchPane::Info NavigatorPane::paneInfo() const
{
    return {QStringLiteral("navigator"), QCoreApplication::translate("MainWindow", "Case &Navigator"), {}, {}, Placement::LeftDock, {LinkKind::Collection, LinkKind::Host}};
}

bool NavigatorPane::showLink(const ResolvedLink &link)
{
    return select(LinkKinds::name(link.kind), link.id);
}

PaneLoader *NavigatorPane::paneLoader() const
{
    return m_loader;
}
