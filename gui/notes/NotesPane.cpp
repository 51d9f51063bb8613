#include "NotesPane.h"

#include "NoteEditor.h"
#include "NoteHistoryModel.h"
#include "NoteHistoryView.h"
#include "NotesModel.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/NoteHistory.h"
#include "casefile/NoteStore.h"
#include "util/CaseError.h"
#include "util/FilterLineEdit.h"
#include "util/BackgroundReader.h"
#include "util/TimeUtil.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// Matches a note on its title, tags and body; "#tag" matches tags only.
class NoteFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_text.isEmpty())
            return true;
        const QModelIndex idx = sourceModel()->index(row, 0, parent);
        const QStringList tags = idx.data(NotesModel::TagsRole).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (m_text.startsWith(QLatin1Char('#'))) {
            const QString tag = m_text.mid(1);
            for (const QString &t : tags)
                if (t.compare(tag, Qt::CaseInsensitive) == 0)
                    return true;
            return false;
        }
        return idx.data().toString().contains(m_text, Qt::CaseInsensitive)
               || idx.data(NotesModel::BodyRole).toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
};
}

NotesPane::NotesPane(CaseSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new NotesModel(this)), m_proxy(new NoteFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filter = new FilterLineEdit(left);
    filter->setPlaceholderText(tr("Filter notes, or #tag…"));
    m_list = new QListView(left);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New Note"), left);
    m_delete = new QPushButton(tr("Delete"), left);
    buttons->addWidget(add);
    buttons->addWidget(m_delete);
    leftLayout->addWidget(filter);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(buttons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLineEdit(right);
    m_title->setPlaceholderText(tr("Title"));
    m_tags = new QLineEdit(right);
    m_tags->setPlaceholderText(tr("Tags, comma separated (e.g. nfs, root-cause)"));
    m_tabs = new QTabWidget(right);
    m_editor = new NoteEditor(m_tabs);
    m_preview = new QTextBrowser(m_tabs);
    m_preview->setOpenLinks(false);
    m_tabs->addTab(m_editor, tr("Edit"));
    m_tabs->addTab(m_preview, tr("Preview"));
    m_history = new NoteHistoryView(m_tabs);
    m_tabs->addTab(m_history, tr("History"));
    m_state = new QLabel(right);
    m_state->setTextFormat(Qt::PlainText);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_tags);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addWidget(m_state);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &NotesPane::saveNow);
    connect(filter, &FilterLineEdit::filterChanged, this,
            [this](const QString &t) { static_cast<NoteFilterProxy *>(m_proxy)->setText(t); });
    connect(add, &QPushButton::clicked, this, [this] { newNote(); });
    connect(this, &NotesPane::noteCreated, this, [this] { m_title->setFocus(); });
    connect(m_delete, &QPushButton::clicked, this, &NotesPane::deleteCurrent);
    // Queued: loading a note may save the previous one, which must not
    // happen inside the proxy's own update (filtering moves the current row).
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        QMetaObject::invokeMethod(this, [this] {
            const QModelIndex cur = m_list->currentIndex();
            if (cur.data(NotesModel::NoteIdRole).toLongLong() != m_currentId || !cur.isValid())
                loadCurrent(cur);
        }, Qt::QueuedConnection);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesPane::markDirty);
    connect(m_title, &QLineEdit::textEdited, this, &NotesPane::markDirty);
    connect(m_tags, &QLineEdit::textEdited, this, &NotesPane::markDirty);
    connect(m_editor, &NoteEditor::linkActivated, this, &NotesPane::linkActivated);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (m_tabs->widget(i) == m_preview)
            updatePreview();
        else if (m_tabs->widget(i) == m_history)
            loadHistory();
    });
    connect(m_history, &NoteHistoryView::restoreRequested, this, &NotesPane::restoreVersion);
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const EvidenceLink l = EvidenceLink::fromUrl(url);
        if (l.isValid())
            emit linkActivated(l);
    });
    connect(session, &CaseSession::opened, this, &NotesPane::reload);
    // Notes written elsewhere (casectl notes, another window) show within a second.
    connect(session, &CaseSession::dataChanged, this, &NotesPane::reload);
    connect(session, &CaseSession::closed, this, [this] {
        m_autosave.stop();
        m_dirty = false;
        m_currentId = 0;
        m_model->setNotes({});
        loadCurrent({});
    });
    updateEnabled();
}

void NotesPane::reload()
{
    if (!m_session->isOpen())
        return;
    saveNow();
    // Read on the reader thread; the newest read wins.
    m_session->reader()->run<QList<Note>>(
        QStringLiteral("notes"), [](CaseFile &cf, const CancelToken &) { return NoteStore(cf.db()).all(); }, this,
        [this](const QList<Note> &notes) { showNotes(notes); });
}

void NotesPane::showNotes(const QList<Note> &notes)
{
    m_model->setNotes(notes);
    const qint64 keep = m_currentId;
    const int row = keep ? m_model->rowOf(keep) : -1;
    if (row >= 0) {
        // Still there: keep editing it. The editor is reloaded only when the
        // case holds a newer text than ours (another window or casectl edited
        // it) and nothing of ours is unsaved or on its way to the case.
        const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row));
        if (idx.isValid())
            m_list->setCurrentIndex(idx);
        const Note &stored = m_model->note(row);
        if (!m_dirty && m_savesInFlight == 0
            && (stored.body != m_savedBody || stored.title != m_savedTitle.trimmed()
                || stored.tags != NoteStore::parseTags(m_savedTags))) {
            m_currentId = 0;
            loadCurrent(idx.isValid() ? idx : QModelIndex());
        }
        return;
    }
    m_currentId = 0;
    if (m_proxy->rowCount() > 0) {
        m_list->setCurrentIndex(m_proxy->index(0, 0));
        loadCurrent(m_proxy->index(0, 0));
    } else {
        loadCurrent({});
    }
}

void NotesPane::newNote(const QString &title, qint64 atUs)
{
    if (!m_session->isOpen() || !m_session->isWritable())
        return;
    saveNow();
    Note n;
    n.title = title;
    n.atUs = atUs;
    struct Created
    {
        qint64 id = 0;
        QList<Note> notes;
    };
    m_session->write<Created>(
        [n](CaseFile &cf) {
            NoteStore store(cf.db());
            const qint64 id = store.create(n);
            return Created{id, store.all()};
        },
        this,
        [this](const Created &c) {
            saveNow();
            m_model->setNotes(c.notes);
            m_currentId = 0;
            selectNote(c.id);
            emit noteCreated(c.id);
        },
        [this](const QString &error) { QMessageBox::warning(this, tr("New Note"), error); });
}

bool NotesPane::selectNote(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    QModelIndex idx = m_proxy->mapFromSource(m_model->index(row));
    if (!idx.isValid()) { // filtered out: clear the filter's effect for this note
        static_cast<NoteFilterProxy *>(m_proxy)->setText(QString());
        idx = m_proxy->mapFromSource(m_model->index(row));
    }
    m_list->setCurrentIndex(idx);
    if (m_currentId != id)
        loadCurrent(idx);
    return true;
}

void NotesPane::loadCurrent(const QModelIndex &index)
{
    saveNow();
    m_loading = true;
    const QModelIndex src = m_proxy->mapToSource(index);
    if (src.isValid()) {
        const Note &n = m_model->note(src.row());
        m_currentId = n.id;
        m_title->setText(n.title);
        m_tags->setText(n.tags.join(QStringLiteral(", ")));
        m_editor->setPlainText(n.body);
        m_savedBody = n.body;
        m_savedTitle = m_title->text();
        m_savedTags = m_tags->text();
        m_state->setText(tr("Saved %1").arg(TimeUtil::isoUtc(n.modifiedUs)));
    } else {
        m_currentId = 0;
        m_title->clear();
        m_tags->clear();
        m_editor->clear();
        m_state->clear();
    }
    m_dirty = false;
    m_loading = false;
    updatePreview();
    updateEnabled();
    if (m_tabs->currentWidget() == m_history)
        loadHistory();
}

void NotesPane::updateEnabled()
{
    const bool editable = m_currentId && m_session->isOpen() && m_session->isWritable();
    m_title->setEnabled(editable);
    m_tags->setEnabled(editable);
    m_editor->setReadOnly(!editable);
    m_delete->setEnabled(editable);
    m_history->setEditable(editable);
}

void NotesPane::markDirty()
{
    if (m_loading || !m_currentId)
        return;
    // The highlighter's format changes also signal textChanged: only real
    // edits count.
    if (!m_dirty && m_editor->toPlainText() == m_savedBody && m_title->text() == m_savedTitle
        && m_tags->text() == m_savedTags)
        return;
    m_dirty = true;
    m_state->setText(tr("Editing…"));
    m_autosave.start();
}

bool NotesPane::saveNow()
{
    m_autosave.stop();
    if (!m_dirty || !m_currentId || !m_session->isOpen() || !m_session->isWritable())
        return false;
    m_dirty = false;
    PendingSave p;
    p.id = m_currentId;
    p.title = m_title->text().trimmed();
    p.body = m_editor->toPlainText();
    p.tags = NoteStore::parseTags(m_tags->text());
    m_savedBody = p.body;
    m_savedTitle = m_title->text();
    m_savedTags = m_tags->text();
    m_state->setText(tr("Saving…"));
    submitSave(p);
    return true;
}

void NotesPane::submitSave(const PendingSave &p)
{
    struct Saved
    {
        bool wrote = false;
        std::optional<Note> note;
    };
    ++m_savesInFlight;
    m_session->write<Saved>(
        [p](CaseFile &cf) {
            NoteStore store(cf.db());
            auto note = store.byId(p.id);
            if (!note)
                return Saved{}; // deleted meanwhile (another window, casectl)
            note->title = p.title;
            note->body = p.body;
            note->tags = p.tags;
            const bool wrote = store.update(*note);
            return Saved{wrote, store.byId(p.id)};
        },
        this,
        [this, id = p.id](const Saved &s) {
            --m_savesInFlight;
            if (s.note) {
                m_model->updateNote(*s.note);
                if (id == m_currentId && !m_dirty)
                    m_state->setText(tr("Saved %1").arg(TimeUtil::isoUtc(s.note->modifiedUs)));
            }
            if (s.wrote) {
                emit saved(id);
                if (id == m_currentId && m_tabs->currentWidget() == m_history)
                    loadHistory();
            }
        },
        [this, p](const QString &error) {
            --m_savesInFlight;
            if (p.id == m_currentId && !m_dirty) {
                // Still in the editor: it stays unsaved and autosave retries.
                m_dirty = true;
                m_savedBody.clear();
                m_state->setText(tr("Not saved: %1").arg(error));
                m_autosave.start();
            } else {
                // The editor moved on: keep the text and try again shortly.
                QTimer::singleShot(kAutosaveMs, this, [this, p] {
                    if (m_session->isOpen() && m_session->isWritable())
                        submitSave(p);
                });
            }
        });
}

void NotesPane::deleteCurrent()
{
    if (!m_currentId)
        return;
    if (QMessageBox::question(this, tr("Delete Note"),
                              tr("Delete the note \"%1\"? Its text stays in the audit log.").arg(m_title->text()))
        != QMessageBox::Yes)
        return;
    m_dirty = false;
    const qint64 id = m_currentId;
    m_currentId = 0;
    m_session->write<bool>(
        [id](CaseFile &cf) {
            NoteStore(cf.db()).remove(id);
            return true;
        },
        this, [this](const bool &) { reload(); },
        [this](const QString &error) { QMessageBox::warning(this, tr("Delete Note"), error); });
}

void NotesPane::showPreview()
{
    m_tabs->setCurrentWidget(m_preview);
    updatePreview();
}

void NotesPane::updatePreview()
{
    // Markdown without raw HTML: a note may quote hostile host data.
    m_preview->document()->setMarkdown(EvidenceLink::toMarkdownLinks(m_editor->toPlainText()),
                                       QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                                       | QTextDocument::MarkdownNoHTML));
}

void NotesPane::showHistory()
{
    m_tabs->setCurrentWidget(m_history); // loads through currentChanged
    if (m_tabs->currentWidget() == m_history)
        loadHistory();
}

void NotesPane::loadHistory()
{
    const qint64 id = m_currentId;
    if (!id || !m_session->isOpen()) {
        m_history->model()->setVersions({});
        m_history->setMessage(QString());
        emit historyLoaded();
        return;
    }
    // The history shows what is in the case, including the last keystrokes:
    // with a save under way, the save's completion loads it.
    if (saveNow() || m_savesInFlight > 0) {
        m_history->setMessage(tr("Saving…"));
        return;
    }
    m_history->setMessage(tr("Loading history…"));
    m_session->reader()->run<QList<NoteHistory::Version>>(
        QStringLiteral("note-history"),
        [id](CaseFile &cf, const CancelToken &) { return NoteHistory(cf.db()).versions(id); }, this,
        [this, id](const QList<NoteHistory::Version> &versions) {
            if (id != m_currentId)
                return; // another note was selected meanwhile
            m_history->model()->setVersions(versions);
            m_history->setMessage(tr("%n version(s) in the audit log.", nullptr, int(versions.size())));
            emit historyLoaded();
        },
        [this](const QString &error) {
            m_history->setMessage(tr("Cannot read the history: %1").arg(error));
            emit historyLoaded();
        });
}

void NotesPane::restoreVersion(const QString &title, const QString &body, const QString &tags)
{
    if (!m_currentId || m_editor->isReadOnly())
        return;
    m_title->setText(title);
    m_tags->setText(tags.split(QLatin1Char(','), Qt::SkipEmptyParts).join(QStringLiteral(", ")));
    m_editor->setPlainText(body);
    m_dirty = true;
    saveNow();
}
