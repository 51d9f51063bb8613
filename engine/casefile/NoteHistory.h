#pragma once

#include "util/LineDiff.h"

#include <QList>
#include <QString>

class SqliteDatabase;

// The versions of a note, rebuilt from the audit log: NoteStore records the
// full text on every create, edit and delete, in the hash-chained log, so the
// history cannot be rewritten without `casectl verify` noticing.
class NoteHistory
{
public:
    struct Version
    {
        qint64 auditId = 0;  // the audit log entry that recorded it
        qint64 atUs = 0;
        QString actor;
        QString action;      // created, edited, deleted
        QString title;
        QString body;        // the text after the change (before it, for deleted)
        QString tags;
        QString previousBody; // the text before the change ("" for created)
        int linesAdded = 0;   // by this change (a deletion removes every line)
        int linesRemoved = 0;

        // The change as a line diff: previous text -> body (-> nothing for deleted).
        QList<LineDiff::Line> diff() const;
    };

    explicit NoteHistory(SqliteDatabase &db) : m_db(db) {}

    // Oldest first. Empty when the note never existed.
    QList<Version> versions(qint64 noteId) const;

private:
    SqliteDatabase &m_db;
};
