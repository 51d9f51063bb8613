#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class SqliteDatabase;

struct Note
{
    qint64 id = 0;
    QString title;
    QString body;    // Markdown; may link evidence as [[finding:12]], [[task:host/123]]
    QStringList tags;
    qint64 atUs = 0; // incident time the note is about, 0 = none
    qint64 createdUs = 0;
    qint64 modifiedUs = 0;
    QString author;
};

// Investigation notes. Every change is recorded in the audit log with the
// full previous and new text, so the history of a note can be rebuilt.
class NoteStore
{
public:
    explicit NoteStore(SqliteDatabase &db) : m_db(db) {}

    qint64 create(const Note &note);
    // Saves title/body/tags/at of note.id; a no-op (no audit entry) if unchanged.
    bool update(const Note &note);
    void remove(qint64 id);
    std::optional<Note> byId(qint64 id) const;
    // "nfs, #lock,," -> {nfs, lock}: how people type tags (the pane, casectl).
    static QStringList parseTags(const QString &text);
    QList<Note> all() const;

private:
    SqliteDatabase &m_db;
};
