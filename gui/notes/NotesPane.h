#pragma once

#include "app/EvidenceLink.h"

#include <QTimer>
#include "casefile/NoteStore.h"

#include <QWidget>

class CaseSession;
class NotesModel;
class NoteEditor;
class NoteHistoryView;
class QSortFilterProxyModel;
class QListView;
class QLineEdit;
class QTextBrowser;
class QTabWidget;
class QPushButton;
class QLabel;

// Investigation notes: a list filtered by text or #tag, a Markdown editor,
// a rendered preview with clickable evidence links. Edits are saved into the
// case about a second after typing stops (and on switching notes, Ctrl+S,
// closing); NoteStore records every version in the audit log, which the
// History tab shows as line diffs.
class NotesPane : public QWidget
{
    Q_OBJECT
public:
    NotesPane(CaseSession *session, QWidget *parent = nullptr);

    static constexpr int kAutosaveMs = 1000;

    // Creates a note (optionally about an incident time) through the
    // session's writer; selects it and emits noteCreated once it is stored.
    void newNote(const QString &title = {}, qint64 atUs = 0);
    bool selectNote(qint64 id);
    qint64 currentNoteId() const { return m_currentId; }
    // Sends pending edits to the case now (through the session's writer);
    // returns true if a save was started. saved(id) follows once written.
    bool saveNow();
    // Saves started and not yet finished.
    int savesInFlight() const { return m_savesInFlight; }
    bool hasUnsavedChanges() const { return m_dirty; }
    void deleteCurrent();

    NotesModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    NoteEditor *editor() const { return m_editor; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QTextBrowser *preview() const { return m_preview; }
    NoteHistoryView *history() const { return m_history; }
    void showPreview();
    // Shows the History tab and loads the current note's versions.
    void showHistory();

public slots:
    void reload();

signals:
    void linkActivated(const EvidenceLink &link);
    void saved(qint64 noteId);
    void noteCreated(qint64 noteId);
    void historyLoaded();

private:
    void showNotes(const QList<Note> &notes);
    void loadCurrent(const QModelIndex &index);
    void markDirty();
    void updatePreview();
    void updateEnabled();
    void loadHistory();
    void restoreVersion(const QString &title, const QString &body, const QString &tags);

    CaseSession *m_session;
    NotesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QListView *m_list;
    QLineEdit *m_title;
    QLineEdit *m_tags;
    QLabel *m_state;
    QTabWidget *m_tabs;
    NoteEditor *m_editor;
    QTextBrowser *m_preview;
    NoteHistoryView *m_history;
    QPushButton *m_delete;
    QTimer m_autosave;
    struct PendingSave
    {
        qint64 id = 0;
        QString title;
        QString body;
        QStringList tags;
    };
    void submitSave(const PendingSave &save);

    qint64 m_currentId = 0;
    int m_savesInFlight = 0;
    bool m_dirty = false;
    bool m_loading = false;
    QString m_savedBody;
    QString m_savedTitle;
    QString m_savedTags;
};
