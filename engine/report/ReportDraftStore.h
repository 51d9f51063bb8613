#pragma once

#include <QList>
#include <QString>
#include <optional>

class SqliteDatabase;

struct ReportDraft
{
    QString lang;
    QString markdown;
    qint64 modifiedUs = 0;
    QString author;
};

// The user's edited report text (one per language) and the events chosen for
// the report's series of events.
class ReportDraftStore
{
public:
    explicit ReportDraftStore(SqliteDatabase &db) : m_db(db) {}

    void save(const QString &lang, const QString &markdown);
    std::optional<ReportDraft> load(const QString &lang) const;

    void chooseEvent(qint64 eventId, bool chosen = true);
    QList<qint64> chosenEvents() const;

private:
    SqliteDatabase &m_db;
};
