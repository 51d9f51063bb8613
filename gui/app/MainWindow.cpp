#include "MainWindow.h"

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
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "evidence/EvidenceViewer.h"
#include "findings/FindingsPane.h"
#include "navigator/NavigatorPane.h"
#include "network/NetworkPane.h"
#include "analysis/StackDiffTarget.h"
#include "notes/NoteEditor.h"
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
    m_timeline = new TimelinePane(m_session, m_tabs);
    m_processes = new ProcessesPane(m_session, m_tabs);
    m_stacks = new StacksPane(m_session, m_tabs);
    m_report = new ReportPane(m_tabs);
    m_processesTab = m_processes;
    m_stacksTab = m_stacks;
    m_reportTab = m_report;
    connect(m_report, &ReportPane::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_tabs->addTab(m_processesTab, tr("&Processes"));
    m_tabs->addTab(m_stacksTab, tr("S&tacks"));
    m_tabs->addTab(m_reportTab, tr("&Report"));
    m_strace = new StracePane(m_session, m_tabs); // strace evidence; raw log on double-click
    m_tabs->insertTab(m_tabs->indexOf(m_stacksTab) + 1, m_strace, tr("&Strace"));
    connect(m_strace, &StracePane::artifactRequested, this, [this](qint64 artifactId, qint64 line) {
        if (EvidenceViewer *v = openArtifact(artifactId); v && line > 0)
            v->goToLine(line);
    });
    connect(m_strace, &StracePane::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    for (int i = 0; i < m_tabs->count(); ++i) // the fixed panes cannot be closed
        if (QWidget *b = m_tabs->tabBar()->tabButton(i, QTabBar::RightSide))
            b->hide();
    m_network = new NetworkPane(m_session, m_tabs);
    addWorkspaceTab(m_network, tr("Net&work"));
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

    m_navigator = new NavigatorPane(m_session, this);
    m_findings = new FindingsPane(m_session, this);
    m_notes = new NotesPane(m_session, this);
    m_audit = new AuditLogPane(m_session, this);
    buildDocks();
    buildMenus();

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
        statusBar()->showMessage(tr("Opening and checking %1…").arg(path));
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
    auto makeDock = [this](QWidget *w, const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    makeDock(m_navigator, tr("Case &Navigator"), QStringLiteral("navigatorDock"), Qt::LeftDockWidgetArea);
    auto *findings = makeDock(m_findings, tr("&Findings"), QStringLiteral("findingsDock"), Qt::BottomDockWidgetArea);
    auto *audit = makeDock(m_audit, tr("&Audit Log"), QStringLiteral("auditDock"), Qt::BottomDockWidgetArea);
    makeDock(m_notes, tr("N&otes"), QStringLiteral("notesDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(findings, audit);
    findings->raise();
    resizeDocks({findings}, {260}, Qt::Vertical);
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
    a = file->addAction(tr("Save a &Copy As…"), this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save a Copy of the Case"), QString(), kCaseFilter);
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
    for (const char *name : {"navigatorDock", "findingsDock", "notesDock", "auditDock"})
        if (QDockWidget *d = dock(QLatin1String(name)))
            view->addAction(d->toggleViewAction());
    view->addSeparator();
    a = view->addAction(tr("&Timeline"), this, [this] { m_tabs->setCurrentWidget(m_timeline); m_timeline->setFocus(); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    a = view->addAction(tr("&Processes"), this, [this] { m_tabs->setCurrentWidget(m_processesTab); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    a = view->addAction(tr("&Stacks"), this, [this] { m_tabs->setCurrentWidget(m_stacksTab); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    a = view->addAction(tr("&Report"), this, [this] { m_tabs->setCurrentWidget(m_reportTab); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    a = view->addAction(tr("Net&work"), this, [this] { m_tabs->setCurrentWidget(m_network); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));

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
    const CaseInfo info = m_session->caseFile()->info();
    setWindowTitle(tr("%1 — %2%3 — Casebook")
                       .arg(info.title, QFileInfo(m_session->path()).fileName(),
                            !m_session->isWritable() ? tr(" (read-only)") : QString()));
    // The counts scan big tables: on the reader thread.
    m_session->reader()->run<CaseSummary>(
        QStringLiteral("case-summary"), [](CaseFile &cf, const CancelToken &) { return CaseSummary::of(cf); }, this,
        [this](const CaseSummary &s) {
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
    QString path = QFileDialog::getSaveFileName(this, tr("New Case"), QString(), kCaseFilter);
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), QString(), kCaseFilter);
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::editCaseInfoInteractive()
{
    if (!m_session->isOpen())
        return;
    CaseInfoDialog dlg(m_session->caseFile()->info(), this);
    if (dlg.exec() == QDialog::Accepted)
        saveCaseInfo(dlg.info());
}

void MainWindow::collectInteractive(const QString &host, const QString &collectorKind)
{
    if (!m_session->isOpen())
        return;
    // Not modal: the panes keep showing evidence as it is committed.
    auto *dlg = new CollectDialog(m_session, host.isEmpty() ? QStringLiteral("local") : host, collectorKind, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_session, &CaseSession::closed, dlg, &QWidget::close);
    dlg->show();
}

void MainWindow::importInteractive()
{
    if (!m_session->isOpen() || !m_session->isWritable())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Evidence"), QString(),
                                                            tr("Evidence (*.strace *.log *.txt *.pcap *.pcapng);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool MainWindow::importFiles(const QStringList &files, const QString &hostName)
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
    return m_importRunner->start(m_session->path(), files, hostName);
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

bool MainWindow::openLink(const EvidenceLink &link)
{
    if (!m_session->isOpen() || !link.isValid())
        return false;
    const QString &k = link.kind;
    bool ok = false;
    if (k == QLatin1String("artifact")) {
        ok = openArtifact(link.id()) != nullptr;
    } else if (k == QLatin1String("finding")) {
        dock(QStringLiteral("findingsDock"))->show();
        dock(QStringLiteral("findingsDock"))->raise();
        ok = m_findings->selectFinding(link.id());
    } else if (k == QLatin1String("note")) {
        dock(QStringLiteral("notesDock"))->show();
        dock(QStringLiteral("notesDock"))->raise();
        ok = m_notes->selectNote(link.id());
    } else if (k == QLatin1String("collection") || k == QLatin1String("host")) {
        dock(QStringLiteral("navigatorDock"))->show();
        dock(QStringLiteral("navigatorDock"))->raise();
        ok = m_navigator->select(k, link.id());
    } else if (k == QLatin1String("task") || k == QLatin1String("snapshot")) {
        ok = showTaskOrSnapshot(link);
    } else if (k == QLatin1String("stack") || k == QLatin1String("group")) {
        m_tabs->setCurrentWidget(m_stacks);
        ok = true;
    } else if (k == QLatin1String("conversation") || k == QLatin1String("rpc-call")) {
        m_tabs->setCurrentWidget(m_network);
        ok = k == QLatin1String("conversation") ? m_network->selectConversation(link.id()) : m_network->selectRpcCall(link.id());
    } else if (k == QLatin1String("strace-call")) {
        m_tabs->setCurrentWidget(m_strace);
        ok = m_strace->showCall(link.id());
    } else if (k == QLatin1String("event") || k == QLatin1String("kernel-event")) {
        showEventDetail(link.id());
        ok = true;
    }
    if (!ok)
        statusBar()->showMessage(tr("Cannot show %1: not found in this case, or not supported by this pane yet.")
                                     .arg(link.text()), 10000);
    return ok;
}

bool MainWindow::showTaskOrSnapshot(const EvidenceLink &link)
{
    StackDiffTarget target;
    try {
        target = StackDiffTarget::resolve(m_session->caseFile()->db(), link.kind + QLatin1Char(':') + link.target);
    } catch (const CaseError &) {
        return false;
    }
    m_tabs->setCurrentWidget(m_processes);
    if (!m_processes->showSnapshot(target.snapshotId))
        return false;
    if (link.kind == QLatin1String("task") && !target.tasks.isEmpty()) {
        const qint64 tid = target.tasks.first().tid;
        if (!m_processes->selectTid(tid))
            connect(m_processes, &ProcessesPane::loaded, this, [this, tid] { m_processes->selectTid(tid); },
                    Qt::SingleShotConnection);
    }
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

void MainWindow::showEventDetail(qint64 eventId)
{
    SqliteStatement st = m_session->caseFile()->db().prepare(QStringLiteral(
        "SELECT at_us, kind, source, summary, detail, ref_kind, ref_id FROM events WHERE id = ?"));
    st.bind(1, eventId);
    if (!st.step()) {
        statusBar()->showMessage(tr("There is no event %1.").arg(eventId), 10000);
        return;
    }
    if (st.text(5) == QLatin1String("artifact") && st.int64(6)) {
        openArtifact(st.int64(6));
        return;
    }
    const QString text = QStringLiteral("%1  %2  %3\n%4\n\n%5")
                             .arg(TimeUtil::isoUtc(st.int64(0)), st.text(2), st.text(1), st.text(3), st.text(4));
    auto *v = new EvidenceViewer(m_session, m_tabs);
    const QString title = tr("Event %1").arg(eventId);
    v->showText(title, text, st.text(2));
    m_tabs->setCurrentIndex(m_tabs->addTab(v, title));
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
