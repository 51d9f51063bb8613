#include "NoteHistory.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"

#include <QJsonDocument>
#include <QJsonObject>

QList<NoteHistory::Version> NoteHistory::versions(qint64 noteId) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT id, at_us, actor, action, details FROM audit_log"
        " WHERE target = ? AND action IN ('note-create', 'note-edit', 'note-delete') ORDER BY id"));
    st.bind(1, QStringLiteral("note:%1").arg(noteId));
    QList<Version> out;
    while (st.step()) {
        const QJsonObject d = QJsonDocument::fromJson(st.text(4).toUtf8()).object();
        Version v;
        v.auditId = st.int64(0);
        v.atUs = st.int64(1);
        v.actor = st.text(2);
        const QString action = st.text(3);
        v.title = d.value(QStringLiteral("title")).toString();
        v.tags = d.value(QStringLiteral("tags")).toString();
        if (action == QLatin1String("note-create")) {
            v.action = QStringLiteral("created");
            v.body = d.value(QStringLiteral("body")).toString();
        } else if (action == QLatin1String("note-edit")) {
            v.action = QStringLiteral("edited");
            v.body = d.value(QStringLiteral("body")).toString();
            v.previousBody = d.value(QStringLiteral("previous_body")).toString();
        } else {
            v.action = QStringLiteral("deleted");
            v.body = d.value(QStringLiteral("previous_body")).toString();
            v.previousBody = v.body;
            if (v.tags.isEmpty() && !out.isEmpty())
                v.tags = out.last().tags;
        }
        const LineDiff::Stats s = LineDiff::stats(v.diff());
        v.linesAdded = s.added;
        v.linesRemoved = s.removed;
        out.append(v);
    }
    return out;
}

QList<LineDiff::Line> NoteHistory::Version::diff() const
{
    return LineDiff::compare(previousBody, action == QLatin1String("deleted") ? QString() : body);
}
