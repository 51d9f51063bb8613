#include "ReportLinkText.h"

#include "ReportText.h"
#include "casefile/ArtifactReader.h"
#include "casefile/FindingStore.h"
#include "casefile/NoteStore.h"

#include <QRegularExpression>

namespace {
QString quoted(const QString &lang, const QString &text)
{
    if (text.isEmpty())
        return {};
    return lang == QLatin1String("de") ? QStringLiteral(" „") + text + QStringLiteral("“")
                                        : QStringLiteral(" “") + text + QStringLiteral("”");
}

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s.trimmed();
}
}

ReportLinkText::ReportLinkText(SqliteDatabase &db, const QString &lang) : m_lang(lang)
{
    for (const Finding &f : FindingStore(db).list())
        m_findings.insert(f.id, oneLine(f.title));
    for (const Note &n : NoteStore(db).all())
        m_notes.insert(n.id, oneLine(n.title));
    for (const ArtifactInfo &a : ArtifactReader(db).list())
        m_artifacts.insert(a.id, oneLine(a.name));
}

QString ReportLinkText::reference(const QString &kind, const QString &ref) const
{
    const bool de = m_lang == QLatin1String("de");
    bool numeric = false;
    const qint64 id = ref.toLongLong(&numeric);
    const QString k = kind.trimmed().toLower();
    if (numeric && k == QLatin1String("finding"))
        return (de ? QStringLiteral("Befund #%1") : QStringLiteral("finding #%1")).arg(id) + quoted(m_lang, m_findings.value(id));
    if (numeric && k == QLatin1String("note"))
        return (de ? QStringLiteral("Notiz #%1") : QStringLiteral("note #%1")).arg(id) + quoted(m_lang, m_notes.value(id));
    if (numeric && k == QLatin1String("artifact")) {
        const QString name = m_artifacts.value(id);
        return (de ? QStringLiteral("Artefakt #%1") : QStringLiteral("artifact #%1")).arg(id) + (name.isEmpty() ? QString() : QLatin1Char(' ') + name);
    }
    // Other kinds read as words: kernel-log-line:1528 -> "kernel log line 1528".
    QString words = k;
    words.replace(QLatin1Char('-'), QLatin1Char(' '));
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return words + QLatin1Char(' ') + (numeric ? QStringLiteral("#") + ref.trimmed() : ref.trimmed());
}

QString ReportLinkText::resolve(const QString &text) const
{
    static const QRegularExpression link(QStringLiteral("\\[\\[([A-Za-z][A-Za-z0-9_-]{0,40}):([^\\]\\n]{1,200})\\]\\]"));
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = link.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += ReportText::markdownInline(reference(m.captured(1), m.captured(2)));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}
