#include "PaneCatalog.h"

#include "WorkbenchPaneAdapter.h"
#include "audit/AuditLogPane.h"
#include "blockers/BlockersPane.h"
#include "findings/FindingsPane.h"
#include "navigator/NavigatorPane.h"
#include "network/NetworkPane.h"
#include "notes/NotesPane.h"
#include "processes/ProcessesPane.h"
#include "report/ReportPane.h"
#include "stacks/StacksPane.h"
#include "strace/StracePane.h"
#include "timeline/TimelinePane.h"

#include <QCoreApplication>

namespace {
template<class Pane>
WorkbenchPane *adapt(std::vector<std::unique_ptr<WorkbenchPane>> &owned, Pane *pane, WorkbenchPane::Info info,
                     WorkbenchPaneAdapter::Show show = {})
{
    pane->setObjectName(info.id + QStringLiteral("Pane"));
    owned.push_back(std::make_unique<WorkbenchPaneAdapter>(pane, std::move(info), std::move(show)));
    return owned.back().get();
}
}

QList<WorkbenchPane *> PaneCatalog::create(CaseSession *session, QWidget *parent, std::vector<std::unique_ptr<WorkbenchPane>> &owned)
{
    using P = WorkbenchPane::Placement;
    QList<WorkbenchPane *> panes;
    // Tabs, in order.
    panes << new TimelinePane(session, parent);
    panes << new ProcessesPane(session, parent);
    panes << new StacksPane(session, parent);
    auto *strace = new StracePane(session, parent);
    panes << adapt(owned, strace, {QStringLiteral("strace"), QCoreApplication::translate("MainWindow", "&Strace"), QCoreApplication::translate("MainWindow", "&Strace"), QKeySequence(Qt::CTRL | Qt::Key_5), P::Tab, {LinkKind::StraceCall}},
                   [strace](const ResolvedLink &l) { return strace->showCall(l.id); });
    panes << adapt(owned, new ReportPane(parent), {QStringLiteral("report"), QCoreApplication::translate("MainWindow", "&Report"), QCoreApplication::translate("MainWindow", "&Report"), QKeySequence(Qt::CTRL | Qt::Key_4), P::Tab, {}});
    auto *network = new NetworkPane(session, parent);
    panes << adapt(owned, network,
                   {QStringLiteral("network"), QCoreApplication::translate("MainWindow", "Net&work"), QCoreApplication::translate("MainWindow", "Net&work"), QKeySequence(Qt::CTRL | Qt::Key_6), P::Tab,
                    {LinkKind::Conversation, LinkKind::RpcCall}},
                   [network](const ResolvedLink &l) {
                       return l.kind == LinkKind::Conversation ? network->selectConversation(l.id, l.captureId)
                                                               : network->selectRpcCall(l.id, l.captureId);
                   });
    panes << adapt(owned, new BlockersPane(session, parent),
                   {QStringLiteral("blockers"), QCoreApplication::translate("MainWindow", "&Blockers"), QCoreApplication::translate("MainWindow", "&Blockers"), QKeySequence(Qt::CTRL | Qt::Key_7), P::Tab, {}});
    // Docks.
    panes << new NavigatorPane(session, parent);
    panes << new FindingsPane(session, parent);
    panes << new AuditLogPane(session, parent);
    auto *notes = new NotesPane(session, parent);
    panes << adapt(owned, notes, {QStringLiteral("notes"), QCoreApplication::translate("MainWindow", "N&otes"), {}, {}, P::RightDock, {LinkKind::Note}},
                   [notes](const ResolvedLink &l) { return notes->selectNote(l.id); });
    return panes;
}
