#include "NoteStore.h"

#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/TimeUtil.h"

namespace {
const char kColumns[] = "id, title, body, tags, at_us, created_us, modified_us, author";

Note readNote(const SqliteStatement &st)
{
    Note n;
    n.id = st.int64(0);
    n.title = st.text(1);
    n.body = st.text(2);
    n.tags = st.text(3).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &t : n.tags)
        t = t.trimmed();
    n.atUs = st.int64(4);
    n.createdUs = st.int64(5);
    n.modifiedUs = st.int64(6);
    n.author = st.text(7);
    return n;
}

QString nonNull(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}
}

qint64 NoteStore::create(const Note &note)
{
    SqliteTransaction tx(m_db);
    const qint64 now = TimeUtil::nowUs();
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO notes(title, body, tags, at_us, created_us, modified_us, author) VALUES (?,?,?,?,?,?,?)"));
    st.bind(1, nonNull(note.title)).bind(2, nonNull(note.body)).bind(3, nonNull(note.tags.join(QLatin1Char(','))));
    note.atUs ? st.bind(4, note.atUs) : st.bindNull(4);
    st.bind(5, now).bind(6, now).bind(7, AuditLog::currentActor()).exec();
    const qint64 id = m_db.lastInsertRowId();
    AuditLog(m_db).append(QStringLiteral("note-create"), QStringLiteral("note:%1").arg(id),
                          {{QStringLiteral("title"), note.title}, {QStringLiteral("body"), note.body},
                           {QStringLiteral("tags"), note.tags.join(QLatin1Char(','))}});
    tx.commit();
    return id;
}

bool NoteStore::update(const Note &note)
{
    SqliteTransaction tx(m_db);
    const auto old = byId(note.id);
    if (!old)
        return false;
    if (old->title == note.title && old->body == note.body && old->tags == note.tags && old->atUs == note.atUs)
        return false;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE notes SET title = ?, body = ?, tags = ?, at_us = ?, modified_us = ? WHERE id = ?"));
    st.bind(1, nonNull(note.title)).bind(2, nonNull(note.body)).bind(3, nonNull(note.tags.join(QLatin1Char(','))));
    note.atUs ? st.bind(4, note.atUs) : st.bindNull(4);
    st.bind(5, TimeUtil::nowUs()).bind(6, note.id).exec();
    AuditLog(m_db).append(QStringLiteral("note-edit"), QStringLiteral("note:%1").arg(note.id),
                          {{QStringLiteral("title"), note.title}, {QStringLiteral("body"), note.body},
                           {QStringLiteral("previous_body"), old->body},
                           {QStringLiteral("tags"), note.tags.join(QLatin1Char(','))}});
    tx.commit();
    return true;
}

void NoteStore::remove(qint64 id)
{
    SqliteTransaction tx(m_db);
    const auto old = byId(id);
    SqliteStatement st = m_db.prepare(QStringLiteral("DELETE FROM notes WHERE id = ?"));
    st.bind(1, id).exec();
    if (old)
        AuditLog(m_db).append(QStringLiteral("note-delete"), QStringLiteral("note:%1").arg(id),
                              {{QStringLiteral("title"), old->title}, {QStringLiteral("previous_body"), old->body}});
    tx.commit();
}

QStringList NoteStore::parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags << t.trimmed().remove(QLatin1Char('#'));
    return tags;
}

std::optional<Note> NoteStore::byId(qint64 id) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM notes WHERE id = ?").arg(QLatin1String(kColumns)));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readNote(st);
}

QList<Note> NoteStore::all() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT %1 FROM notes ORDER BY coalesce(at_us, created_us), id").arg(QLatin1String(kColumns)));
    QList<Note> out;
    while (st.step())
        out.append(readNote(st));
    return out;
}
