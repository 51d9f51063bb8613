// casebook_screenshot OUTDIR [--case FILE]: renders the window and each pane
// of a sample case (or of FILE) to PNG files, offscreen or under Xvfb, so a
// person can look at the workbench without running it. Run by tools/screenshot.
#include "SampleCase.h"
#include "app/CaseInfoDialog.h"
#include "app/CaseSession.h"
#include "app/ImportDialog.h"
#include "app/StatusActionsDialog.h"
#include "app/MainWindow.h"
#include "collect/CollectDialog.h"
#include "collect/CollectorOptionForm.h"
#include "collect/PidPickerDialog.h"
#include "casefile/CaseFile.h"
#include "evidence/EvidenceViewer.h"
#include "findings/FindingsPane.h"
#include "navigator/NavigatorPane.h"
#include "network/NetworkPane.h"
#include "notes/NoteEditor.h"
#include "notes/NoteHistoryModel.h"
#include "notes/NoteHistoryView.h"
#include "notes/NotesPane.h"
#include "audit/AuditLogPane.h"
#include "blockers/BlockersPane.h"
#include "timeline/TimelineController.h"
#include "timeline/TimelinePane.h"
#include "timeline/TimelineView.h"
#include "processes/ProcessesPane.h"
#include "stacks/StacksPane.h"
#include "strace/StracePane.h"
#include "util/SafeFileDialog.h"
#include "welcome/WelcomePage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace {
void settle(int ms = 200)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void waitFor(const std::function<bool()> &cond, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!cond() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void save(QWidget *w, const QString &dir, const QString &name)
{
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!w->grab().save(path))
        QTextStream(stderr) << "could not write " << path << '\n';
    else
        QTextStream(stdout) << path << '\n';
}
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("casebook-screenshot"));
    QApplication::setOrganizationName(QStringLiteral("Casebook"));
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: casebook_screenshot OUTDIR [--case FILE] [--dark]\n";
        return 2;
    }
    const QString out = args.at(1);
    QDir().mkpath(out);
    QTemporaryDir tmp;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(tmp.filePath(QStringLiteral("config"))));
    QString casePath;
    const int ci = int(args.indexOf(QStringLiteral("--case")));
    SampleCase sample;
    if (ci > 0 && ci + 1 < args.size()) {
        casePath = args.at(ci + 1);
    } else {
        casePath = tmp.filePath(QStringLiteral("sample.casebook"));
        sample = SampleCase::build(casePath);
        sample.addCapture(casePath);
    }
    if (args.contains(QStringLiteral("--dark"))) {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
        dark.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
        QApplication::setPalette(dark);
    }

    MainWindow w;
    w.setQuiet(true);
    w.resize(1600, 1000);
    w.show();
    settle();
    save(&w, out, QStringLiteral("00-welcome"));
    if (!w.openCase(casePath)) {
        QTextStream(stderr) << w.lastError() << '\n';
        return 1;
    }
    TimelineController *tc = w.timelinePane()->controller();
    waitFor([tc] { return tc->hasOverview() && !tc->isBusy(); });
    settle(400);
    save(&w, out, QStringLiteral("01-window"));
    save(w.timelinePane(), out, QStringLiteral("02-timeline"));
    save(w.navigatorPane(), out, QStringLiteral("03-navigator"));
    save(w.findingsPane(), out, QStringLiteral("04-findings"));
    if (sample.note)
        w.notesPane()->selectNote(sample.note);
    settle();
    save(w.notesPane(), out, QStringLiteral("05-notes-editor"));
    w.notesPane()->showPreview();
    settle();
    save(w.notesPane(), out, QStringLiteral("06-notes-preview"));
    if (sample.note) { // a second version, then the History tab with its diff
        NotesPane *notes = w.notesPane();
        notes->editor()->setPlainText(notes->editor()->toPlainText().replace(QStringLiteral("rpc.statd is dead"),
                                                                              QStringLiteral("rpc.statd died at 15:05 (OOM killer)")));
        notes->saveNow();
        notes->showHistory();
        waitFor([notes] { return notes->history()->model()->rowCount() >= 2; });
        settle();
        save(notes, out, QStringLiteral("06-notes-history"));
    }
    w.dock(QStringLiteral("auditDock"))->raise();
    settle();
    save(w.auditLogPane(), out, QStringLiteral("07-audit-log"));
    int n = 8;
    for (qint64 artifact : {sample.straceArtifact, sample.kernelLogArtifact, sample.stackArtifact, sample.binaryArtifact}) {
        if (!artifact)
            continue;
        EvidenceViewer *v = w.openArtifact(artifact);
        waitFor([v] { return !v->isLoading(); });
        settle();
        save(v, out, QStringLiteral("%1-evidence-%2").arg(n++, 2, 10, QLatin1Char('0')).arg(artifact));
    }
    {
        CaseInfoDialog dlg(CaseFile::open(casePath, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never)->info(), &w);
        dlg.show();
        settle();
        save(&dlg, out, QStringLiteral("%1-case-properties").arg(n++, 2, 10, QLatin1Char('0')));
    }
    {
        // The Collect dialog's generated forms: strace by PID, tcpdump with
        // the hint's quoted filter (shown as tcpdump gets it).
        CollectDialog dlg(w.session(), QStringLiteral("local"), QStringLiteral("tcpdump"), &w);
        dlg.setCollectorEnabled(QStringLiteral("strace"), true);
        CollectorSettings strace;
        strace.set(QStringLiteral("strace-pid"), QVariant::fromValue(QList<qint64>{1234, 5678}));
        dlg.setCollectorSettings(QStringLiteral("strace"), strace);
        CollectorSettings tcpdump;
        tcpdump.set(QStringLiteral("tcpdump"), QStringLiteral("any"));
        tcpdump.set(QStringLiteral("filter"), QStringLiteral("'port 2049 or port 111'"));
        dlg.setCollectorSettings(QStringLiteral("tcpdump"), tcpdump);
        dlg.resize(760, 900);
        dlg.show();
        settle();
        save(&dlg, out, QStringLiteral("%1-collect").arg(n++, 2, 10, QLatin1Char('0')));
    }
    {
        PidPickerDialog picker(&w);
        picker.show();
        waitFor([&picker] { return picker.processCount() > 0; });
        settle();
        save(&picker, out, QStringLiteral("%1-collect-pid-picker").arg(n++, 2, 10, QLatin1Char('0')));
    }
    if (sample.secondSnapshot) {
        w.workspaceTabs()->setCurrentWidget(w.processesPane());
        w.processesPane()->showSnapshot(sample.secondSnapshot);
        const int cmp = w.processesPane()->compareBox()->findData(sample.firstSnapshot);
        w.processesPane()->compareBox()->setCurrentIndex(cmp);
        settle(800);
        save(w.processesPane(), out, QStringLiteral("%1-processes").arg(n++, 2, 10, QLatin1Char('0')));
        StacksPane *st = w.stacksPane();
        w.workspaceTabs()->setCurrentWidget(st);
        st->diffSpecs(QStringLiteral("task:web-3/14437"), QStringLiteral("task:web-3/900"));
        settle(800);
        save(st, out, QStringLiteral("%1-stacks-diff").arg(n++, 2, 10, QLatin1Char('0')));
    }
    {
        NetworkPane *net = w.networkPane();
        w.workspaceTabs()->setCurrentWidget(net);
        waitFor([net] { return !net->isLoading(); });
        const QList<std::pair<QWidget *, QString>> views{{net->overviewPage(), QStringLiteral("overview")},
                                                         {net->silentPage(), QStringLiteral("silent")},
                                                         {net->conversationsPage(), QStringLiteral("conversations")},
                                                         {net->rpcPage(), QStringLiteral("rpc")}};
        for (const auto &[view, name] : views) {
            net->views()->setCurrentWidget(view);
            settle(300);
            save(net, out, QStringLiteral("%1-network-%2").arg(n++, 2, 10, QLatin1Char('0')).arg(name));
        }
    }
    { // Strace pane: hung calls, then the strace -c like summary and a search.
        StracePane *sp = w.stracePane();
        w.workspaceTabs()->setCurrentWidget(sp);
        waitFor([sp] { return !sp->isLoading() && sp->traceBox()->count() > 0; });
        for (StracePane::View v : {StracePane::Hung, StracePane::Summary, StracePane::Processes}) {
            sp->views()->setCurrentIndex(v);
            settle(300);
            save(sp, out, QStringLiteral("%1-strace-%2").arg(n++, 2, 10, QLatin1Char('0')).arg(int(v)));
        }
        sp->views()->setCurrentIndex(StracePane::Search);
        sp->search(QStringLiteral("flock"));
        waitFor([sp] { return !sp->isSearching(); });
        sp->view(StracePane::Search)->setCurrentIndex(sp->proxy(StracePane::Search)->index(0, 0));
        settle(300);
        save(sp, out, QStringLiteral("%1-strace-search").arg(n++, 2, 10, QLatin1Char('0')));
    }
    // The waits-for graph (analysed by the writer when no current run is stored).
    if (auto *bp = w.findChild<BlockersPane *>()) {
        w.workspaceTabs()->setCurrentWidget(bp);
        waitFor([bp] { return bp->isLoaded() && (!bp->currentRun() || bp->currentRun()->id > 0); }, 30000);
        settle(400);
        save(bp, out, QStringLiteral("%1-blockers").arg(n++, 2, 10, QLatin1Char('0')));
    }
    // Zoomed timeline around the first events.
    if (sample.baseUs) {
        w.workspaceTabs()->setCurrentWidget(w.timelinePane());
        w.timelinePane()->view()->setWindow(sample.baseUs - 40 * 1000000LL, sample.baseUs + 320 * 1000000LL);
        waitFor([tc] { return !tc->isBusy(); });
        settle(300);
        save(w.timelinePane(), out, QStringLiteral("%1-timeline-zoomed").arg(n++, 2, 10, QLatin1Char('0')));
    }
    { // Case > Import... with its casectl options.
        ImportDialog dlg({tmp.filePath(QStringLiteral("php-fpm.strace"))}, {QStringLiteral("web-3"), QStringLiteral("nfs-1")}, &w);
        dlg.hostBox()->setEditText(QStringLiteral("web-3"));
        dlg.zoneBox()->setEditText(QStringLiteral("Europe/Berlin"));
        dlg.show();
        settle();
        save(&dlg, out, QStringLiteral("%1-import-dialog").arg(n++, 2, 10, QLatin1Char('0')));
    }
    if (w.session()->isWritable()) { // Case > Status Updates... and Action Items...
        StatusActionsDialog *dlg = w.statusActionsInteractive(StatusActionsDialog::StatusPage);
        QEventLoop loop;
        QObject::connect(dlg, &StatusActionsDialog::written, &loop, &QEventLoop::quit);
        dlg->statusText()->setPlainText(QStringLiteral("Engineers are bringing the NFS server back online."));
        dlg->postStatus();
        loop.exec();
        waitFor([dlg] { return dlg->statusTable()->rowCount() > 0; });
        settle();
        save(dlg, out, QStringLiteral("%1-status-updates").arg(n++, 2, 10, QLatin1Char('0')));
        dlg->pages()->setCurrentIndex(StatusActionsDialog::ActionsPage);
        dlg->actionText()->setText(QStringLiteral("Alert on lockd not responding"));
        dlg->actionOwner()->setText(QStringLiteral("storage team"));
        dlg->addAction();
        loop.exec();
        waitFor([dlg] { return dlg->actionsTable()->rowCount() > 0; });
        settle();
        save(dlg, out, QStringLiteral("%1-action-items").arg(n++, 2, 10, QLatin1Char('0')));
        dlg->close();
    }
    { // The file dialog: lists without stat-ing network or FUSE mounts.
        SafeFileDialog dlg(&w, QStringLiteral("Open Case"), QDir::tempPath(), QStringLiteral("Casebook cases (*.casebook);;All files (*)"),
                           SafeFileDialog::Mode::OpenFile);
        dlg.show();
        waitFor([&dlg] { return !dlg.isReading(); });
        settle();
        save(&dlg, out, QStringLiteral("%1-file-dialog").arg(n++, 2, 10, QLatin1Char('0')));
    }
    return 0;
}
