#pragma once

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>

class SqliteDatabase;

// Consistent pseudonyms per kind: host-1, user-1, 192.0.2.1 (then
// 198.51.100.x, 203.0.113.x: the RFC 5737 documentation networks),
// 2001:db8::1 (RFC 3849), 02:00:00:00:00:01, email-1@example.org,
// domain-1.invalid, fingerprint-1, key-1, redacted-1. A fully qualified
// host name is composed of its first label's and its domain's pseudonyms
// (db-prod-07.corp.example.com -> host-1.domain-1.invalid, db-prod-07 ->
// host-1). Loaded from and saved to the original case's redaction_map so
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
    // "label.domain": pseudonym of the label (kind host) + "." + pseudonym of
    // the domain; recorded as kind fqdn so a merge can turn it back.
    QString fqdnPseudonym(const QString &label, const QString &domain);
    bool isPseudonym(const QString &text) const { return m_pseudonyms.contains(text.toLower()) || looksLikePseudonym(text); }
    // Has the shape of a pseudonym this class makes (whatever the map holds).
    static bool looksLikePseudonym(const QString &text);
    // Matches pseudonym shapes in text (whole words), for the redaction rules to leave them alone.
    static const class QRegularExpression &shapeRe();
    QList<Entry> entries() const { return m_entries; }

    static QString keyOf(const QString &original) { return original.toLower(); }

private:
    QString make(const QString &kind, int n) const;
    void record(const QString &kind, const QString &original, const QString &pseudonym);
    QList<Entry> m_entries;
    qsizetype m_loaded = 0;
    QHash<QString, QString> m_byKey; // kind + '\n' + lower(original) -> pseudonym
    QHash<QString, int> m_counts;    // per kind: last number tried
    QSet<QString> m_pseudonyms;
};
