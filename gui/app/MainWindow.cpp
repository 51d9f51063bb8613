#include "MainWindow.h"
#include "blockers/BlockersPane.h"

#include "CaseInfoDialog.h"
#include "CaseSession.h"
#include "help/HandbookDialog.h"
#include "RecentCases.h"
#include "audit/AuditLogPane.h"
#include "collect/CollectDialog.h"
#include "collect/ImportRunner.h"
#include "casefile/CaseFile.h"
#include "casefile/CaseSummary.h"
#include "casefile/EventStore.h"
#include "casefile/HostStore.h"
#include "evidence/EvidenceViewer.h"
#include "findings/FindingsPane.h"
#include "navigator/NavigatorPane.h"
#include "network/NetworkPane.h"
#include "links/LinkResolver.h"
#include "notes/NoteEditor.h"
#include "ImportDialog.h"
#include "PaneCatalog.h"
#include "StatusActionsDialog.h"
#include "WorkbenchPane.h"
#include "processes/ProcessesPane.h"
#include "report/ExportDialog.h"
#include "report/MergeCaseAction.h"
#include "report/ReportPane.h"
#include "stacks/StacksPane.h"
#include "strace/StracePane.h"
#include "notes/NotesPane.h"
#include "timeline/TimelinePane.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"
#include "welcome/WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include "util/SafeFileDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
const QString kCaseFilter = QStringLiteral("Casebook cases (*.casebook);;All files (*)");

}

template<class T>
T *MainWindow::pane() const
{
    for (WorkbenchPane *p : m_panes)
        if (auto *t = qobject_cast<T *>(p->paneWidget()))
            return t;
    return nullptr;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new CaseSession(this)), m_importRunner(new ImportRunner(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    // Every pane from the catalog: tabs in the middle, docks around.
    m_panes = PaneCatalog::create(m_session, m_tabs, m_ownedPanes);
    for (WorkbenchPane *p : std::as_const(m_panes))
        if (p->paneInfo().placement == WorkbenchPane::Placement::Tab)
            addWorkspaceTab(p->paneWidget(), p->paneInfo().title); // the fixed panes cannot be closed
    m_timeline = pane<TimelinePane>();
    m_processes = pane<ProcessesPane>();
    m_stacks = pane<StacksPane>();
    m_strace = pane<StracePane>();
    m_report = pane<ReportPane>();
    m_network = pane<NetworkPane>();
    m_navigator = pane<NavigatorPane>();
    m_findings = pane<FindingsPane>();
    m_audit = pane<AuditLogPane>();
    m_notes = pane<NotesPane>();
    connect(m_report, &ReportPane::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_strace, &StracePane::artifactRequested, this, [this](qint64 artifactId, qint64 line) {
        if (EvidenceViewer *v = openArtifact(artifactId); v && line > 0)
            v->goToLine(line);
    });
    connect(m_strace, &StracePane::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    if (auto *blockers = pane<BlockersPane>()) // the waits-for graph: its boxes open their evidence
        connect(blockers, &BlockersPane::evidenceRequested, this, [this](const EvidenceLink &l) { openLink(l); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (qobject_cast<EvidenceViewer *>(m_tabs->widget(i))) {
            QWidget *w = m_tabs->widget(i);
            m_tabs->removeTab(i);
            w->deleteLater();
        }
    });
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    buildDocks();
    buildMenus();
    registerLinks();

    m_statusCase = new QLabel(this);
    m_statusCase->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_statusCase);

    connect(m_welcome, &WelcomePage::newCaseRequested, this, &MainWindow::newCaseInteractive);
    connect(m_welcome, &WelcomePage::openCaseRequested, this, &MainWindow::openCaseInteractive);
    connect(m_welcome, &WelcomePage::collectLocalRequested, this, &MainWindow::collectLocalFromWelcome);
    connect(m_welcome, &WelcomePage::recentCaseRequested, this, &MainWindow::openCase);

    auto route = [this](const EvidenceLink &l) { openLink(l); };
    connect(m_navigator, &NavigatorPane::evidenceRequested, this, route);
    connect(m_findings, &FindingsPane::evidenceRequested, this, route);
    connect(m_notes, &NotesPane::linkActivated, this, route);
    connect(m_timeline, &TimelinePane::evidenceRequested, this, route);
    connect(m_navigator, &NavigatorPane::recollectRequested, this, &MainWindow::collectInteractive);
    connect(m_navigator, &NavigatorPane::hashVerified, this, [this](qint64, bool ok, const QString &msg) {
        statusBar()->showMessage(msg, 10000);
        if (!m_quiet)
            ok ? QMessageBox::information(this, tr("Verify Hash"), msg) : QMessageBox::warning(this, tr("Verify Hash"), msg);
    });
    connect(m_timeline, &TimelinePane::addNoteRequested, this, [this](qint64 at) {
        m_notes->newNote(tr("Note at %1").arg(TimeUtil::isoUtc(at)), at);
    });
    connect(m_notes, &NotesPane::noteCreated, this, [this] {
        dock(QStringLiteral("notesDock"))->raise();
    });
    connect(m_session, &CaseSession::waitingForLock, this, [this](qint64 waitedMs) {
        statusBar()->showMessage(tr("Waiting for another process writing to this case (%1 s)…").arg(waitedMs / 1000), 5000);
    });
    connect(m_session, &CaseSession::opened, this, [this] {
        statusBar()->clearMessage();
        m_report->setCasePath(m_session->path());
        m_stack->setCurrentWidget(m_tabs);
        updateTitle();
        updateActions();
    });
    connect(m_session, &CaseSession::closed, this, [this] {
        m_report->setCasePath(QString());
        for (int i = m_tabs->count() - 1; i >= 0; --i)
            if (auto *v = qobject_cast<EvidenceViewer *>(m_tabs->widget(i))) {
                m_tabs->removeTab(i);
                v->deleteLater();
            }
        m_welcome->refreshRecent();
        m_stack->setCurrentWidget(m_welcome);
        updateTitle();
        updateActions();
    });
    connect(m_session, &CaseSession::dataChanged, this, &MainWindow::updateTitle);
    connect(m_session, &CaseSession::opening, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Opening %1…").arg(path));
    });
    // A case not opened here before: its data shows at once, read-only, while
    // the full integrity check runs; edits are possible once it passes.
    connect(m_session, &CaseSession::integrityCheckStarted, this, [this] {
        statusBar()->showMessage(tr("Checking the whole case file in the background; read-only until the check passes…"));
        updateTitle();
        updateActions();
    });
    connect(m_session, &CaseSession::integrityChecked, this, [this](bool passed, const QString &problem) {
        updateTitle();
        updateActions();
        if (passed) {
            statusBar()->showMessage(problem.isEmpty() ? tr("Integrity check passed.")
                                                       : tr("Integrity check passed, but the case stays read-only: %1").arg(problem),
                                     8000);
            return;
        }
        fail(tr("Integrity Check"), tr("This case failed its integrity check and stays open read-only; nothing will be written to it.\n\n%1").arg(problem));
    });

    m_stack->setCurrentWidget(m_welcome);
    resize(1400, 900);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    QDockWidget *firstBottom = nullptr;
    for (WorkbenchPane *p : std::as_const(m_panes)) {
        const WorkbenchPane::Info info = p->paneInfo();
        if (info.placement == WorkbenchPane::Placement::Tab)
            continue;
        auto *d = new QDockWidget(info.title, this);
        d->setObjectName(info.id + QStringLiteral("Dock"));
        d->setWidget(p->paneWidget());
        const Qt::DockWidgetArea area = info.placement == WorkbenchPane::Placement::LeftDock    ? Qt::LeftDockWidgetArea
                                        : info.placement == WorkbenchPane::Placement::RightDock ? Qt::RightDockWidgetArea
                                                                                                : Qt::BottomDockWidgetArea;
        addDockWidget(area, d);
        if (area == Qt::BottomDockWidgetArea) {
            if (firstBottom)
                tabifyDockWidget(firstBottom, d); // bottom docks share one tabbed area
            else
                firstBottom = d;
        }
    }
    if (firstBottom) {
        firstBottom->raise();
        resizeDocks({firstBottom}, {260}, Qt::Vertical);
    }
}

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    return findChild<QDockWidget *>(objectName);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *a = file->addAction(tr("&New Case…"), this, &MainWindow::newCaseInteractive);
    a->setShortcut(QKeySequence::New);
    a = file->addAction(tr("&Open Case…"), this, &MainWindow::openCaseInteractive);
    a->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addSeparator();
    a = file->addAction(tr("&Save"), this, &MainWindow::save);
    a->setShortcut(QKeySequence::Save);
    a->setToolTip(tr("Everything is saved into the case as you work; this saves pending note edits now."));
    m_caseActions << a;
    a = file->addAction(tr("Save a Cop&y As…"), this, [this] {
        const QString p = SafeFileDialog::getSaveFileName(this, tr("Save a Copy of the Case"), QString(), kCaseFilter);
        if (!p.isEmpty())
            saveCopyAs(p.endsWith(QLatin1String(".casebook")) ? p : p + QStringLiteral(".casebook"));
    });
    a->setShortcut(QKeySequence::SaveAs);
    m_caseActions << a;
    a = file->addAction(tr("&Export for Sharing…"), this, [this] {
        // A copy for a colleague, optionally redacted; runs off the GUI thread.
        ExportDialog dialog(m_session->path(), this);
        dialog.exec();
    });
    a->setToolTip(tr("Write a copy of the case, with host names, addresses and user names replaced if you choose."));
    m_caseActions << a;
    a = file->addAction(tr("&Merge Case…"), this, [this] {
        const QString path = m_session->path();
        if (MergeCaseAction::mergeInteractively(this, path)) {
            closeCase(); // reopen so every pane shows the merged evidence
            openCase(path);
        }
    });
    a->setToolTip(tr("Bring a colleague's evidence, findings and notes into this case."));
    m_caseActions << a;
    a = file->addAction(tr("&Close Case"), this, &MainWindow::closeCase);
    a->setShortcut(QKeySequence::Close);
    m_caseActions << a;
    file->addSeparator();
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setShortcut(QKeySequence::Quit);
    a->setMenuRole(QAction::QuitRole);

    QMenu *caseMenu = menuBar()->addMenu(tr("&Case"));
    a = caseMenu->addAction(tr("&Properties…"), this, &MainWindow::editCaseInfoInteractive);
    a->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    m_caseActions << a;
    m_writeActions << a;
    a = caseMenu->addAction(tr("&Collect…"), this, [this] { collectInteractive(); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_caseActions << a;
    m_writeActions << a;
    a = caseMenu->addAction(tr("&Import…"), this, &MainWindow::importInteractive);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_caseActions << a;
    m_writeActions << a;
    a = caseMenu->addAction(tr("Status &Updates…"), this, [this] { statusActionsInteractive(StatusActionsDialog::StatusPage); });
    a->setToolTip(tr("Post the public status updates the report quotes (casectl status)."));
    m_caseActions << a;
    a = caseMenu->addAction(tr("&Action Items…"), this, [this] { statusActionsInteractive(StatusActionsDialog::ActionsPage); });
    a->setToolTip(tr("Follow-up work from the incident review, listed in the report (casectl action)."));
    m_caseActions << a;
    a = caseMenu->addAction(tr("New &Note"), this, [this] {
        m_notes->newNote();
        dock(QStringLiteral("notesDock"))->raise();
        m_notes->titleEdit()->setFocus();
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_caseActions << a;
    m_writeActions << a;
    a = caseMenu->addAction(tr("Place &Marker…"), this, [this] {
        m_tabs->setCurrentWidget(m_timeline);
        m_timeline->placeMarkerInteractively(TimeUtil::nowUs());
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_caseActions << a;
    m_writeActions << a;

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (WorkbenchPane *p : std::as_const(m_panes))
        if (p->paneInfo().placement != WorkbenchPane::Placement::Tab)
            if (QDockWidget *d = dock(p->paneInfo().id + QStringLiteral("Dock")))
                view->addAction(d->toggleViewAction());
    view->addSeparator();
    for (WorkbenchPane *p : std::as_const(m_panes)) {
        const WorkbenchPane::Info info = p->paneInfo();
        if (info.placement != WorkbenchPane::Placement::Tab || info.menuTitle.isEmpty())
            continue;
        a = view->addAction(info.menuTitle, this, [this, p] {
            bringToFront(p);
            p->paneWidget()->setFocus();
        });
        a->setShortcut(info.shortcut);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    a = help->addAction(tr("&Handbook"), this, [this] {
        auto *handbook = new HandbookDialog(this);
        handbook->setAttribute(Qt::WA_DeleteOnClose);
        handbook->show();
    });
    a->setShortcut(QKeySequence::HelpContents);
    a->setObjectName(QStringLiteral("handbookAction"));
    a = help->addAction(tr("&About Casebook"), this, &MainWindow::about);
    a->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    const bool writable = open && m_session->isWritable();
    for (QAction *a : std::as_const(m_caseActions))
        a->setEnabled(open);
    for (QAction *a : std::as_const(m_writeActions))
        a->setEnabled(writable);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentCases::list();
    for (const QString &p : recent)
        m_recentMenu->addAction(QFileInfo(p).fileName() + QStringLiteral("  (") + p + QLatin1Char(')'), this,
                                [this, p] { openCase(p); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentCases::clear(); });
    }
}

void MainWindow::updateTitle()
{
    if (!m_session->isOpen()) {
        setWindowTitle(tr("Casebook"));
        m_statusCase->clear();
        return;
    }
    // The title and the counts are read on the reader thread.
    const QString fileName = QFileInfo(m_session->path()).fileName();
    QString readOnly;
    if (m_session->isCheckingIntegrity())
        readOnly = tr(" (read-only while checking)");
    else if (!m_session->integrityProblem().isEmpty() && !m_session->isWritable())
        readOnly = tr(" (read-only: failed its integrity check)");
    else if (!m_session->isWritable())
        readOnly = tr(" (read-only)");
    // At once with the title last read (the new mode shows without waiting), then refreshed.
    if (m_caseTitlePath != m_session->path())
        m_caseTitle.clear();
    setWindowTitle(m_caseTitle.isEmpty() ? tr("%1%2 — Casebook").arg(fileName, readOnly)
                                         : tr("%1 — %2%3 — Casebook").arg(m_caseTitle, fileName, readOnly));
    // The counts scan big tables: on the reader thread.
    m_session->reader()->run<CaseSummary>(
        QStringLiteral("case-summary"), [](CaseFile &cf, const CancelToken &) { return CaseSummary::of(cf); }, this,
        [this, fileName, readOnly](const CaseSummary &s) {
            m_caseTitle = s.info.title;
            m_caseTitlePath = m_session->path();
            setWindowTitle(tr("%1 — %2%3 — Casebook").arg(s.info.title, fileName, readOnly));
            m_statusCase->setText(tr("%1 · %2 · %3 hosts · %4 artifacts · %5 findings · %6 events")
                                      .arg(s.info.severity, s.info.status)
                                      .arg(s.hosts)
                                      .arg(s.artifacts)
                                      .arg(s.findings)
                                      .arg(s.events));
        },
        [this](const QString &e) { m_statusCase->setText(e); });
}

void MainWindow::fail(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (!m_quiet)
        QMessageBox::warning(this, title, message);
}

bool MainWindow::createCase(const QString &path, const QString &title)
{
    if (m_session->isOpen())
        closeCase();
    try {
        m_session->create(path, title);
    } catch (const CaseError &e) {
        fail(tr("New Case"), e.message());
        return false;
    }
    RecentCases::add(path);
    return true;
}

bool MainWindow::openCase(const QString &path)
{
    if (m_session->isOpen() && QFileInfo(m_session->path()) == QFileInfo(path))
        return true;
    // The open case stays open until the new one has opened: a file that is
    // not a case (or is damaged, or hostile) leaves the window as it was.
    save();
    try {
        m_session->open(path);
    } catch (const CaseError &e) {
        fail(tr("Open Case"), tr("Could not open %1:\n%2").arg(path, e.message()));
        RecentCases::remove(path);
        m_welcome->refreshRecent();
        return false;
    }
    RecentCases::add(path);
    if (m_session->recoveredCollections() > 0)
        statusBar()->showMessage(tr("%n interrupted collection(s) were marked incomplete.", nullptr,
                                    m_session->recoveredCollections()), 15000);
    return true;
}

void MainWindow::closeCase()
{
    if (!m_session->isOpen())
        return;
    save();
    m_session->close();
}

void MainWindow::save()
{
    if (!m_session->isOpen())
        return;
    m_notes->saveNow();
    statusBar()->showMessage(tr("Saved."), 3000);
}

bool MainWindow::saveCaseInfo(const CaseInfo &info)
{
    if (!m_session->isOpen() || !m_session->isWritable())
        return false;
    m_session->write<bool>(
        [info](CaseFile &cf) {
            cf.updateInfo(info);
            return true;
        },
        this, [this](const bool &) { updateTitle(); },
        [this](const QString &error) { fail(tr("Case Properties"), error); });
    return true;
}

bool MainWindow::saveCopyAs(const QString &path)
{
    if (!m_session->isOpen())
        return false;
    save();
    if (QFileInfo::exists(path)) {
        fail(tr("Save a Copy"), tr("%1 already exists.").arg(path));
        return false;
    }
    // Copied on the writer thread: disk-heavy, and it follows the edits
    // submitted before it, so the copy holds them.
    statusBar()->showMessage(tr("Saving a copy to %1…").arg(path));
    m_session->writeIfWritable<bool>(
        QStringLiteral("save-copy-%1").arg(path),
        [path](CaseFile &cf) {
            cf.saveCopy(path);
            return true;
        },
        this, [this, path](const bool &) { statusBar()->showMessage(tr("Copy saved to %1").arg(path), 5000); },
        [this](const QString &error) { fail(tr("Save a Copy"), error); });
    return true;
}

void MainWindow::newCaseInteractive()
{
    QString path = SafeFileDialog::getSaveFileName(this, tr("New Case"), QString(), kCaseFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".casebook")))
        path += QStringLiteral(".casebook");
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New Case"), tr("Case title:"), QLineEdit::Normal,
                                                QFileInfo(path).completeBaseName(), &ok);
    if (!ok)
        return;
    createCase(path, title.trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : title);
}

void MainWindow::openCaseInteractive()
{
    const QString path = SafeFileDialog::getOpenFileName(this, tr("Open Case"), QString(), kCaseFilter);
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::editCaseInfoInteractive()
{
    if (!m_session->isOpen())
        return;
    m_session->reader()->run<CaseInfo>(
        QStringLiteral("case-info"), [](CaseFile &cf, const CancelToken &) { return cf.info(); }, this,
        [this](const CaseInfo &info) {
            CaseInfoDialog dlg(info, this);
            if (dlg.exec() == QDialog::Accepted)
                saveCaseInfo(dlg.info());
        },
        [this](const QString &error) { fail(tr("Case Properties"), error); });
}

void MainWindow::collectInteractive(const QString &host, const QString &collectorKind, qint64 fromCollectionId)
{
    if (!m_session->isOpen())
        return;
    // Not modal: the panes keep showing evidence as it is committed.
    auto *dlg = new CollectDialog(m_session, host.isEmpty() ? QStringLiteral("local") : host, collectorKind, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_session, &CaseSession::closed, dlg, &QWidget::close);
    if (fromCollectionId > 0)
        dlg->prefillFromCollection(fromCollectionId); // re-collect: the options it was collected with
    dlg->show();
}

void MainWindow::importInteractive()
{
    if (!m_session->isOpen() || !m_session->isWritable())
        return;
    // The host names for the dialog come from the reader thread.
    m_session->reader()->run<QStringList>(
        QStringLiteral("import-hosts"),
        [](CaseFile &cf, const CancelToken &) {
            QStringList names;
            for (const HostRecord &h : HostStore(cf.db()).all())
                names << h.name;
            return names;
        },
        this, [this](const QStringList &hosts) {
            auto *dialog = new ImportDialog({}, hosts, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_session, &CaseSession::closed, dialog, &QDialog::reject);
            connect(dialog, &QDialog::accepted, this, [this, dialog] { importFiles(dialog->files(), dialog->options()); });
            emit importDialogShown(dialog);
            dialog->open();
        });
}

bool MainWindow::importFiles(const QStringList &files, const QString &hostName)
{
    ImportOptions options;
    options.hostName = hostName;
    return importFiles(files, options);
}

bool MainWindow::importFiles(const QStringList &files, const ImportOptions &options)
{
    if (!m_session->isOpen() || m_importRunner->isRunning())
        return false;
    auto *progress = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::NonModal);
    progress->setMinimumDuration(500);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, m_importRunner, &ImportRunner::cancel);
    connect(m_importRunner, &ImportRunner::progress, progress, [progress](const QString &m, int pct) {
        progress->setLabelText(m);
        if (pct < 0)
            progress->setRange(0, 0);
        else {
            progress->setRange(0, 100);
            progress->setValue(pct);
        }
    });
    connect(m_importRunner, &ImportRunner::finished, progress, [this, progress](bool ok, const QString &msg) {
        progress->close();
        m_session->pollForChanges();
        ok ? statusBar()->showMessage(msg, 10000) : fail(tr("Import"), msg);
    }, Qt::SingleShotConnection);
    return m_importRunner->start(m_session->path(), files, options);
}

StatusActionsDialog *MainWindow::statusActionsInteractive(int page)
{
    if (!m_session->isOpen())
        return nullptr;
    auto *dialog = new StatusActionsDialog(m_session, StatusActionsDialog::Page(page), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::collectLocalFromWelcome()
{
    if (!m_session->isOpen()) {
        newCaseInteractive();
        if (!m_session->isOpen())
            return;
    }
    collectInteractive(QStringLiteral("local"));
}

void MainWindow::showPlaceholder(const QString &what)
{
    statusBar()->showMessage(what, 10000);
    if (!m_quiet)
        QMessageBox::information(this, tr("Casebook"), what);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Casebook"),
                       tr("<h3>Casebook %1</h3><p>An investigation workbench for Linux incident responders: "
                          "procfs snapshots, kernel logs, strace and captures in one hashed, attributed case file; "
                          "D-state triage, stack diff, timeline, notes and report drafts.</p>"
                          "<p>Built with Qt %2 and KDE Syntax Highlighting.</p>")
                           .arg(QStringLiteral(CASEBOOK_VERSION).toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

void MainWindow::bringToFront(WorkbenchPane *pane)
{
    if (pane->paneInfo().placement == WorkbenchPane::Placement::Tab) {
        m_tabs->setCurrentWidget(pane->paneWidget());
        return;
    }
    if (QDockWidget *d = dock(pane->paneInfo().id + QStringLiteral("Dock"))) {
        d->show();
        d->raise();
    }
}

void MainWindow::registerLinks()
{
    // kind → pane. The resolver (engine/links) has already found the row,
    // its host and snapshot; each pane declares the kinds it shows. Evidence
    // viewers (artifacts, events) are tabs the window opens per link.
    for (WorkbenchPane *p : std::as_const(m_panes))
        for (LinkKind k : p->paneInfo().linkKinds)
            m_links.add(k, p->paneInfo().id, [this, p](const ResolvedLink &l) {
                bringToFront(p);
                return p->showLink(l);
            });
    m_links.add(LinkKind::Artifact, QStringLiteral("evidence"), [this](const ResolvedLink &l) { return openArtifact(l.id) != nullptr; });
    for (LinkKind k : {LinkKind::Event, LinkKind::KernelEvent, LinkKind::KernelLogLine})
        m_links.add(k, QStringLiteral("evidence"), [this](const ResolvedLink &l) { return showEventDetail(l); });
}

bool MainWindow::openLink(const EvidenceLink &link)
{
    if (!m_session->isOpen() || !link.isValid())
        return false;
    const auto kind = LinkKinds::parse(link.kind);
    auto refuse = [this, link](const QString &why) {
        const QString message = tr("Cannot show %1: %2").arg(link.text(), why);
        statusBar()->showMessage(message, 10000);
        emit linkOpened(link, false, message);
    };
    if (!kind || !m_links.contains(*kind)) {
        refuse(tr("no pane shows this kind of link."));
        return false;
    }
    const QString target = link.target;
    const QString kindName = link.kind;
    m_session->reader()->run<ResolvedLink>(
        QStringLiteral("open-link"),
        [kindName, target](CaseFile &cf, const CancelToken &) { return LinkResolver(cf.db()).resolve(kindName, target); }, this,
        [this, link, refuse](const ResolvedLink &resolved) {
            if (m_links.show(resolved)) {
                statusBar()->clearMessage();
                emit linkOpened(link, true, QString());
            } else {
                refuse(tr("not found in its pane."));
            }
        },
        [refuse](const QString &error) { refuse(error); });
    return true;
}

EvidenceViewer *MainWindow::openArtifact(qint64 artifactId)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *v = qobject_cast<EvidenceViewer *>(m_tabs->widget(i)); v && v->artifactId() == artifactId) {
            m_tabs->setCurrentIndex(i);
            return v;
        }
    auto *v = new EvidenceViewer(m_session, m_tabs);
    const int i = m_tabs->addTab(v, tr("Artifact %1").arg(artifactId));
    connect(v, &EvidenceViewer::loaded, this, [this, v] {
        const int idx = m_tabs->indexOf(v);
        if (idx >= 0) {
            m_tabs->setTabText(idx, v->title().left(40));
            m_tabs->setTabToolTip(idx, v->title());
        }
    });
    v->showArtifact(artifactId);
    m_tabs->setCurrentIndex(i);
    return v;
}

bool MainWindow::showEventDetail(const ResolvedLink &link)
{
    // An event that stands for a whole artifact opens it; a kernel-log event
    // or line shows its text with the log lines it spans.
    if (link.kind == LinkKind::Event && link.artifactId)
        return openArtifact(link.artifactId) != nullptr;
    auto *v = new EvidenceViewer(m_session, m_tabs);
    const QString title = link.kind == LinkKind::KernelLogLine ? tr("Kernel log line %1").arg(link.id) : tr("Event %1").arg(link.eventId);
    v->showText(title, link.title + QLatin1Char('\n') + link.text,
                link.kind == LinkKind::Event ? QString() : QStringLiteral("kernel-log"));
    m_tabs->setCurrentIndex(m_tabs->addTab(v, title));
    return true;
}

void MainWindow::addWorkspaceTab(QWidget *pane, const QString &title)
{
    const int i = m_tabs->addTab(pane, title);
    if (QWidget *b = m_tabs->tabBar()->tabButton(i, QTabBar::RightSide))
        b->hide();
}

bool MainWindow::isShowingWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    save();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_session->close();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        for (const QUrl &u : event->mimeData()->urls())
            if (u.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // A case file opens; other files (strace logs, captures) are imported
    // into the open case.
    QStringList evidence;
    for (const QUrl &u : event->mimeData()->urls()) {
        if (!u.isLocalFile())
            continue;
        const QString path = u.toLocalFile();
        if (path.endsWith(QLatin1String(".casebook")) || !m_session->isOpen()) {
            event->acceptProposedAction();
            openCase(path);
            return;
        }
        evidence << path;
    }
    if (!evidence.isEmpty()) {
        event->acceptProposedAction();
        importFiles(evidence);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
}
