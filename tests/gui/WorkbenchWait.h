#pragma once

// The workbench writes through its session's writer thread: these wait (on
// the writer's own signals, never on time) until what a test asked for is in
// the case.
#include "app/CaseSession.h"
#include "app/MainWindow.h"
#include "app/WorkbenchPane.h"
#include "util/BackgroundReader.h"
#include "util/PaneLoader.h"
#include "notes/NotesPane.h"

#include <QSignalSpy>
#include <QTest>

namespace WorkbenchWait {

// Waits until every write submitted so far has finished (true) or 30 s passed.
inline bool settled(CaseSession *session)
{
    if (session->pendingWrites() == 0)
        return true;
    QSignalSpy spy(session, &CaseSession::writesSettled);
    return spy.wait(30000) || session->pendingWrites() == 0;
}

// Creates a note through the pane, as New Note does; its id once stored (0 on failure).
inline qint64 newNote(NotesPane *notes, const QString &title, qint64 atUs = 0)
{
    QSignalSpy created(notes, &NotesPane::noteCreated);
    notes->newNote(title, atUs);
    if (!created.wait(30000))
        return 0;
    return created.first().first().toLongLong();
}

// Opens a link as a click does and waits until it is resolved (on the reader
// thread) and shown: true if shown, false if refused or not found.
inline bool openLink(MainWindow &w, const EvidenceLink &link)
{
    QSignalSpy opened(&w, &MainWindow::linkOpened);
    if (!w.openLink(link))
        return false;
    if (opened.isEmpty() && !opened.wait(30000))
        return false;
    return opened.last().at(1).toBool();
}

// Waits until the window's panes have loaded what they show (the reader
// thread idle, no pane loader busy): after opening a case, or a change.
inline bool idle(MainWindow &w, int timeoutMs = 30000)
{
    auto quiet = [&w] {
        if (w.session()->reader()->pending() > 0)
            return false;
        for (WorkbenchPane *p : w.panes())
            if (p->paneLoader() && p->paneLoader()->isLoading())
                return false;
        return true;
    };
    return QTest::qWaitFor(quiet, timeoutMs);
}

// Waits until a pane loader has finished the load in flight (true) or 30 s passed.
template<class Loader>
inline bool loaded(Loader *loader)
{
    if (!loader->isLoading())
        return true;
    QSignalSpy spy(loader, &Loader::loaded);
    return spy.wait(30000) || !loader->isLoading();
}

// Saves the note being edited now and waits until it is written.
inline bool saveNow(NotesPane *notes, CaseSession *session)
{
    return notes->saveNow() && settled(session);
}

}
