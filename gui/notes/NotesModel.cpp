#include "NotesModel.h"

#include "util/TimeUtil.h"

NotesModel::NotesModel(QObject *parent) : QAbstractListModel(parent)
{
}

void NotesModel::setNotes(QList<Note> notes)
{
    beginResetModel();
    m_notes = std::move(notes);
    endResetModel();
}

void NotesModel::updateNote(const Note &note)
{
    const int row = rowOf(note.id);
    if (row < 0)
        return;
    m_notes[row] = note;
    emit dataChanged(index(row), index(row));
}

int NotesModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_notes.size(); ++i)
        if (m_notes[i].id == id)
            return i;
    return -1;
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Note &n = m_notes[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        QString t = n.title.isEmpty() ? tr("(untitled note %1)").arg(n.id) : n.title;
        if (!n.tags.isEmpty())
            t += QStringLiteral("  #") + n.tags.join(QStringLiteral(" #"));
        return t;
    }
    case Qt::ToolTipRole:
        return tr("Modified %1 by %2%3").arg(TimeUtil::isoUtc(n.modifiedUs), n.author,
                                             n.atUs ? tr("\nAbout %1").arg(TimeUtil::isoUtc(n.atUs)) : QString());
    case NoteIdRole:
        return n.id;
    case TagsRole:
        return n.tags.join(QLatin1Char(','));
    case BodyRole:
        return n.body;
    }
    return {};
}
