#pragma once

#include "EvidenceLink.h"
#include "LinkRegistry.h"

#include <QMainWindow>
#include <memory>
#include <vector>

class CaseSession;
class WelcomePage;
class NavigatorPane;
class FindingsPane;
class NotesPane;
class AuditLogPane;
class TimelinePane;
class EvidenceViewer;
class ProcessesPane;
class StacksPane;
class StracePane;
class ReportPane;
class NetworkPane;
class QStackedWidget;
class QTabWidget;
class QMenu;
class QDockWidget;
class QLabel;
class ImportRunner;
class WorkbenchPane;
class ImportDialog;
class StatusActionsDialog;
struct ImportOptions;
struct CaseInfo;

// The workbench window. With no case: the welcome page. With a case: the
// timeline, processes, stacks and report as tabs in the middle (evidence
// viewers open as further tabs), and the navigator, findings, notes and audit
// log as docks. Every evidence link in any pane lands in openLink().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseSession *session() const { return m_session; }
    // Return false after telling the user why (message box unless quiet).
    bool createCase(const QString &path, const QString &title);
    bool openCase(const QString &path);
    void closeCase();
    // Saves new metadata (audited); false if refused.
    bool saveCaseInfo(const CaseInfo &info);
    // Writes a consistent copy of the open case (SQLite backup).
    bool saveCopyAs(const QString &path);
    // Saves pending edits (notes) now.
    void save();

    // Shows the evidence a link points at in the pane that fits it: the link
    // is resolved on the reader thread (LinkResolver), then shown by the pane
    // registered for its kind (linkRegistry()); linkOpened() tells how it
    // went. False at once for a link no pane shows.
    bool openLink(const EvidenceLink &link);
    const LinkRegistry &linkRegistry() const { return m_links; }
    // The panes, in the catalog's order (PaneCatalog).
    QList<WorkbenchPane *> panes() const { return m_panes; }
    // Opens (or focuses) a viewer tab for an artifact.
    EvidenceViewer *openArtifact(qint64 artifactId);

    WelcomePage *welcomePage() const { return m_welcome; }
    NavigatorPane *navigatorPane() const { return m_navigator; }
    FindingsPane *findingsPane() const { return m_findings; }
    NotesPane *notesPane() const { return m_notes; }
    AuditLogPane *auditLogPane() const { return m_audit; }
    TimelinePane *timelinePane() const { return m_timeline; }
    ProcessesPane *processesPane() const { return m_processes; }
    StacksPane *stacksPane() const { return m_stacks; }
    StracePane *stracePane() const { return m_strace; }
    ReportPane *reportPane() const { return m_report; }
    NetworkPane *networkPane() const { return m_network; }
    QTabWidget *workspaceTabs() const { return m_tabs; }
    QDockWidget *dock(const QString &objectName) const;
    bool isShowingWelcome() const;
    // Puts a pane into the workspace tabs (e.g. the report pane).
    void addWorkspaceTab(QWidget *pane, const QString &title);

    // Quiet mode for tests: errors go to lastError() instead of message boxes.
    void setQuiet(bool quiet) { m_quiet = quiet; }
    QString lastError() const { return m_lastError; }

public slots:
    void newCaseInteractive();
    void openCaseInteractive();
    void editCaseInfoInteractive();
    void collectInteractive(const QString &host = {}, const QString &collectorKind = {}, qint64 fromCollectionId = 0);
    void collectLocalFromWelcome();
    void importInteractive();

public:
    // Imports evidence files on a worker thread (progress dialog, cancel).
    bool importFiles(const QStringList &files, const QString &hostName = {});
    bool importFiles(const QStringList &files, const ImportOptions &options);
    // Case ▸ Status Updates… / Action Items… (page: StatusActionsDialog::Page); the dialog shown.
    StatusActionsDialog *statusActionsInteractive(int page);
    ImportRunner *importRunner() const { return m_importRunner; }
    void about();

signals:
    // After openLink(): shown, or why not (also in the status bar).
    void linkOpened(const EvidenceLink &link, bool shown, const QString &message);
    // Case ▸ Import… opened its dialog (tests fill it in).
    void importDialogShown(QWidget *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildDocks();
    void updateTitle();
    void updateRecentMenu();
    void updateActions();
    void fail(const QString &title, const QString &message);
    void showNoteLink(qint64 noteId);
    void registerLinks();
    bool showEventDetail(const ResolvedLink &link);
    void bringToFront(WorkbenchPane *pane);
    template<class T>
    T *pane() const;
    void showPlaceholder(const QString &what);

    CaseSession *m_session;
    ImportRunner *m_importRunner;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    QTabWidget *m_tabs;
    NavigatorPane *m_navigator;
    FindingsPane *m_findings;
    NotesPane *m_notes;
    AuditLogPane *m_audit;
    TimelinePane *m_timeline;
    ProcessesPane *m_processes;
    StacksPane *m_stacks;
    StracePane *m_strace;
    ReportPane *m_report;
    NetworkPane *m_network;
    QList<WorkbenchPane *> m_panes;
    std::vector<std::unique_ptr<WorkbenchPane>> m_ownedPanes; // adapters of panes that do not implement WorkbenchPane
    QMenu *m_recentMenu;
    QLabel *m_statusCase;
    QList<QAction *> m_caseActions;
    QList<QAction *> m_writeActions;
    LinkRegistry m_links;
    QString m_caseTitle;     // the case's title as last read (reader thread), for the window title
    QString m_caseTitlePath; // the case it was read from
    bool m_quiet = false;
    QString m_lastError;
};
