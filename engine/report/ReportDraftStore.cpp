#include "ReportDraftStore.h"

#include "casefile/AuditLog.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "casefile/SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

void ReportDraftStore::save(const QString &lang, const QString &markdown)
{
    SqliteTransaction tx(m_db);
    const auto old = load(lang);
    if (old && old->markdown == markdown)
        return;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "INSERT INTO report_drafts(lang, markdown, modified_us, author) VALUES (?,?,?,?) "
        "ON CONFLICT(lang) DO UPDATE SET markdown = excluded.markdown, modified_us = excluded.modified_us, "
        "author = excluded.author"));
    st.bind(1, lang).bind(2, markdown).bind(3, TimeUtil::nowUs()).bind(4, AuditLog::currentActor()).exec();
    AuditLog(m_db).append(QStringLiteral("report-edit"), QStringLiteral("report:%1").arg(lang),
                          {{QStringLiteral("chars"), qint64(markdown.size())}});
    tx.commit();
}

std::optional<ReportDraft> ReportDraftStore::load(const QString &lang) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT lang, markdown, modified_us, author FROM report_drafts WHERE lang = ?"));
    st.bind(1, lang);
    if (!st.step())
        return std::nullopt;
    return ReportDraft{st.text(0), st.text(1), st.int64(2), st.text(3)};
}

void ReportDraftStore::chooseEvent(qint64 eventId, bool chosen)
{
    SqliteTransaction tx(m_db);
    if (chosen) {
        if (m_db.prepare(QStringLiteral("SELECT 1 FROM events WHERE id = ?")).bind(1, eventId).step() == false)
            throw CaseError(QStringLiteral("no event %1").arg(eventId));
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO report_events(event_id, chosen_us) VALUES (?,?)"))
            .bind(1, eventId).bind(2, TimeUtil::nowUs()).exec();
    } else {
        m_db.prepare(QStringLiteral("DELETE FROM report_events WHERE event_id = ?")).bind(1, eventId).exec();
    }
    tx.commit();
}

QList<qint64> ReportDraftStore::chosenEvents() const
{
    SqliteStatement st = m_db.prepare(QStringLiteral("SELECT event_id FROM report_events ORDER BY event_id"));
    QList<qint64> out;
    while (st.step())
        out.append(st.int64(0));
    return out;
}
