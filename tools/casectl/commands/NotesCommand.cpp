#include "CliContext.h"
#include "CommandRegistry.h"
#include "casefile/CaseFile.h"
#include "casefile/NoteHistory.h"
#include "casefile/NoteStore.h"
#include "util/TimeUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

// casectl notes CASE [--show ID | --history ID [--diff] | --add TITLE | --edit ID [--title T]]
//                    [--body TEXT|--body-file F] [--tags T] [--at TIME] [--json]
class NotesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("notes"); }
    QString summary() const override
    {
        return QStringLiteral("List, show or add investigation notes, and show a note's history from the audit log.");
    }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
        p.addOption({QStringLiteral("show"), QStringLiteral("Print note ID (title, tags, Markdown body)."), QStringLiteral("ID")});
        p.addOption({QStringLiteral("history"), QStringLiteral("Every version of note ID: who changed it, when, lines added/removed."),
                     QStringLiteral("ID")});
        p.addOption({QStringLiteral("diff"), QStringLiteral("With --history: print each change as a line diff.")});
        p.addOption({QStringLiteral("add"), QStringLiteral("Add a note with this title."), QStringLiteral("TITLE")});
        p.addOption({QStringLiteral("edit"), QStringLiteral("Change note ID (the previous text stays in the audit log)."),
                     QStringLiteral("ID")});
        p.addOption({QStringLiteral("title"), QStringLiteral("With --edit: the new title."), QStringLiteral("TITLE")});
        p.addOption({QStringLiteral("body"), QStringLiteral("With --add/--edit: the Markdown body."), QStringLiteral("TEXT")});
        p.addOption({QStringLiteral("body-file"), QStringLiteral("With --add/--edit: read the body from FILE (- for stdin)."),
                     QStringLiteral("FILE")});
        p.addOption({QStringLiteral("tags"), QStringLiteral("With --add/--edit: comma-separated tags."), QStringLiteral("TAGS")});
        p.addOption({QStringLiteral("at"), QStringLiteral("With --add/--edit: the incident time the note is about (ISO 8601, UTC if no zone)."),
                     QStringLiteral("TIME")});
        addJsonOption(p);
    }

    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QString path = requiredArg(p, 0, QStringLiteral("CASE"));
        if (p.isSet(QStringLiteral("add")) && p.isSet(QStringLiteral("edit")))
            throw UsageError(QStringLiteral("--add and --edit are exclusive"));
        if (p.isSet(QStringLiteral("add")) || p.isSet(QStringLiteral("edit")))
            return write(p, ctx, path);
        auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
        if (p.isSet(QStringLiteral("history")))
            return history(p, ctx, *cf, noteId(p, QStringLiteral("history")));
        NoteStore store(cf->db());
        if (p.isSet(QStringLiteral("show"))) {
            const qint64 id = noteId(p, QStringLiteral("show"));
            const auto n = store.byId(id);
            if (!n) {
                ctx.error(QStringLiteral("there is no note %1 (deleted notes keep their history: --history %1)").arg(id));
                return ExitFailure;
            }
            if (ctx.json()) {
                ctx.printJson(toJson(*n, true));
            } else {
                ctx.out() << "# " << CliContext::safe(n->title) << '\n' << tagLine(*n) << "\n\n";
                for (const QString &line : n->body.split(QLatin1Char('\n')))
                    ctx.out() << CliContext::safe(line) << '\n';
            }
            return ExitOk;
        }
        const QList<Note> notes = store.all();
        if (ctx.json()) {
            QJsonArray arr;
            for (const Note &n : notes)
                arr.append(toJson(n, false));
            ctx.printJson(QJsonObject{{QStringLiteral("count"), int(notes.size())}, {QStringLiteral("notes"), arr}});
            return ExitOk;
        }
        if (notes.isEmpty())
            ctx.out() << "No notes.\n";
        for (const Note &n : notes)
            ctx.out() << '#' << n.id << "  " << TimeUtil::isoUtc(n.modifiedUs) << "  " << CliContext::safe(n.author) << "  "
                      << CliContext::safe(n.title) << (n.tags.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(CliContext::safe(n.tags.join(QStringLiteral(", ")))))
                      << '\n';
        return ExitOk;
    }

private:
    static qint64 noteId(const QCommandLineParser &p, const QString &option)
    {
        bool ok = false;
        const qint64 id = p.value(option).toLongLong(&ok);
        if (!ok || id <= 0)
            throw UsageError(QStringLiteral("--%1: not a note id: %2").arg(option, p.value(option)));
        return id;
    }

    static QString tagLine(const Note &n)
    {
        QString line = QStringLiteral("note %1, by %2, modified %3").arg(n.id).arg(CliContext::safe(n.author), TimeUtil::isoUtc(n.modifiedUs));
        if (!n.tags.isEmpty())
            line += QStringLiteral(", tags: ") + CliContext::safe(n.tags.join(QStringLiteral(", ")));
        if (n.atUs)
            line += QStringLiteral(", about ") + TimeUtil::isoUtc(n.atUs);
        return line;
    }

    static QJsonObject toJson(const Note &n, bool withBody)
    {
        QJsonObject o{{QStringLiteral("id"), n.id}, {QStringLiteral("title"), n.title},
                      {QStringLiteral("tags"), QJsonArray::fromStringList(n.tags)}, {QStringLiteral("at"), TimeUtil::isoUtc(n.atUs)},
                      {QStringLiteral("created"), TimeUtil::isoUtc(n.createdUs)},
                      {QStringLiteral("modified"), TimeUtil::isoUtc(n.modifiedUs)}, {QStringLiteral("author"), n.author}};
        if (withBody)
            o.insert(QStringLiteral("body"), n.body);
        return o;
    }

    int history(const QCommandLineParser &p, CliContext &ctx, CaseFile &cf, qint64 id)
    {
        const QList<NoteHistory::Version> versions = NoteHistory(cf.db()).versions(id);
        if (versions.isEmpty()) {
            ctx.error(QStringLiteral("note %1 has no history in this case").arg(id));
            return ExitFailure;
        }
        const bool withDiff = p.isSet(QStringLiteral("diff"));
        QJsonArray arr;
        for (const NoteHistory::Version &v : versions) {
            const QList<LineDiff::Line> lines = withDiff ? v.diff() : QList<LineDiff::Line>();
            if (ctx.json()) {
                QJsonObject o{{QStringLiteral("audit_id"), v.auditId}, {QStringLiteral("at"), TimeUtil::isoUtc(v.atUs)},
                              {QStringLiteral("actor"), v.actor}, {QStringLiteral("action"), v.action},
                              {QStringLiteral("title"), v.title}, {QStringLiteral("tags"), v.tags},
                              {QStringLiteral("body"), v.body}, {QStringLiteral("lines_added"), v.linesAdded},
                              {QStringLiteral("lines_removed"), v.linesRemoved}};
                if (withDiff)
                    o.insert(QStringLiteral("diff"), LineDiff::toText(lines));
                arr.append(o);
                continue;
            }
            ctx.out() << TimeUtil::isoUtc(v.atUs) << "  " << v.action << "  by " << CliContext::safe(v.actor) << "  +"
                      << v.linesAdded << " -" << v.linesRemoved << "  \"" << CliContext::safe(v.title) << "\"  (audit " << v.auditId << ")\n";
            if (withDiff)
                for (const LineDiff::Line &l : lines)
                    if (l.op != LineDiff::Op::Same)
                        ctx.out() << "    " << (l.op == LineDiff::Op::Added ? '+' : '-') << ' ' << CliContext::safe(l.text) << '\n';
        }
        if (ctx.json())
            ctx.printJson(QJsonObject{{QStringLiteral("note"), id}, {QStringLiteral("versions"), arr}});
        return ExitOk;
    }

    // --add or --edit: only the options given change an edited note.
    int write(const QCommandLineParser &p, CliContext &ctx, const QString &path)
    {
        const bool editing = p.isSet(QStringLiteral("edit"));
        const qint64 editId = editing ? noteId(p, QStringLiteral("edit")) : 0;
        if (p.isSet(QStringLiteral("body")) && p.isSet(QStringLiteral("body-file")))
            throw UsageError(QStringLiteral("--body and --body-file are exclusive"));
        auto cf = CaseFile::open(path);
        NoteStore store(cf->db());
        Note n;
        if (editing) {
            const auto existing = store.byId(editId);
            if (!existing) {
                ctx.error(QStringLiteral("there is no note %1").arg(editId));
                return ExitFailure;
            }
            n = *existing;
            if (p.isSet(QStringLiteral("title")))
                n.title = p.value(QStringLiteral("title")).trimmed();
        } else {
            n.title = p.value(QStringLiteral("add")).trimmed();
        }
        if (p.isSet(QStringLiteral("body")))
            n.body = p.value(QStringLiteral("body"));
        if (p.isSet(QStringLiteral("body-file"))) {
            const QString file = p.value(QStringLiteral("body-file"));
            QFile f;
            const bool opened = file == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                           : (f.setFileName(file), f.open(QIODevice::ReadOnly));
            if (!opened)
                throw UsageError(QStringLiteral("--body-file: cannot read %1: %2").arg(file, f.errorString()));
            n.body = QString::fromUtf8(f.read(16 * 1024 * 1024));
        }
        if (p.isSet(QStringLiteral("tags"))) {
            n.tags = NoteStore::parseTags(p.value(QStringLiteral("tags")));
        }
        if (p.isSet(QStringLiteral("at"))) {
            n.atUs = TimeUtil::parseIso(p.value(QStringLiteral("at")));
            if (!n.atUs)
                throw UsageError(QStringLiteral("--at: not an ISO 8601 time: %1").arg(p.value(QStringLiteral("at"))));
        }
        qint64 id = editId;
        bool changed = true;
        if (editing)
            changed = store.update(n);
        else
            id = store.create(n);
        if (ctx.json()) {
            QJsonObject o = toJson(*store.byId(id), true);
            o.insert(QStringLiteral("changed"), changed);
            ctx.printJson(o);
        } else {
            ctx.out() << (editing ? (changed ? "updated note " : "note unchanged: ") : "added note ") << id << '\n';
        }
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(NotesCommand)
