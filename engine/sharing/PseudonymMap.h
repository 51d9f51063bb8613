#pragma once

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>

class SqliteDatabase;

// Consistent pseudonyms per kind: host-1, user-1, 192.0.2.1 (then
// 198.51.100.x, 203.0.113.x: the RFC 5737 documentation networks),
// 2001:db8::1 (RFC 3849), 02:00:00:00:00:01, email-1@example.org,
// redacted-1. Loaded from and saved to the original case's redaction_map so
// every export of a case uses the same names.
class PseudonymMap
{
public:
    struct Entry
    {
        QString kind;
        QString original;
        QString pseudonym;
    };

    void load(SqliteDatabase &db);
    // Writes entries created since load() (inside the caller's transaction).
    void saveNew(SqliteDatabase &db) const;

    QString pseudonymFor(const QString &kind, const QString &original);
    bool isPseudonym(const QString &text) const { return m_pseudonyms.contains(text.toLower()); }
    QList<Entry> entries() const { return m_entries; }

    static QString keyOf(const QString &original) { return original.toLower(); }

private:
    QString make(const QString &kind, int n) const;
    QList<Entry> m_entries;
    qsizetype m_loaded = 0;
    QHash<QString, QString> m_byKey; // kind + '\n' + lower(original) -> pseudonym
    QHash<QString, int> m_counts;    // per kind
    QSet<QString> m_pseudonyms;
};
