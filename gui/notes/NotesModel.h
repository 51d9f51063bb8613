#pragma once

#include "casefile/NoteStore.h"

#include <QAbstractListModel>

// The case's notes as a list (title, tags, time).
class NotesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NoteIdRole = Qt::UserRole + 1, TagsRole, BodyRole };

    explicit NotesModel(QObject *parent = nullptr);
    void setNotes(QList<Note> notes);
    // Updates one note in place (after an autosave) without a reset.
    void updateNote(const Note &note);
    int rowOf(qint64 id) const;
    const Note &note(int row) const { return m_notes[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Note> m_notes;
};
