#pragma once

// The workbench writes through its session's writer thread: these wait (on
// the writer's own signals, never on time) until what a test asked for is in
// the case.
#include "app/CaseSession.h"
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

// Saves the note being edited now and waits until it is written.
inline bool saveNow(NotesPane *notes, CaseSession *session)
{
    return notes->saveNow() && settled(session);
}

}
