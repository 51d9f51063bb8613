#pragma once

#include "PseudonymMap.h"
#include "RedactionScanner.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

// Replaces what the RedactionScanner finds by consistent pseudonyms from the
// PseudonymMap: known host names (a fully qualified name as a whole, its
// first label alone with the same host-N), user names, host-key
// fingerprints and public keys, user-listed terms and patterns, IPv4 and
// IPv6 addresses in every spelling, /proc/net hex addresses, e-mail
// addresses, and (profile "strict") MAC addresses. Text the Redactor
// returns holds nothing its scanner would find, except names it learns
// later (a domain first seen further on): a second pass removes those.
class Redactor
{
public:
    struct Options
    {
        QString profile = QStringLiteral("standard"); // standard | strict
        QStringList terms;    // literal, whole word, case-insensitive
        QStringList patterns; // QRegularExpression syntax
        bool keepHostKeys = false; // leave SSH host-key fingerprints and public keys as they are
    };

    Redactor(PseudonymMap &map, const Options &options);

    static QStringList profiles() { return {QStringLiteral("standard"), QStringLiteral("strict")}; }
    static bool isSystemAccount(const QString &user) { return RedactionScanner::isSystemAccount(user); }

    // A host as named anywhere: "db01", "db01.corp.example.com", "alice@db01:2222", "[fd00::1]:22".
    void addHost(const QString &name);
    void addUser(const QString &name);
    // "user@host" (operators, actors, authors) or a plain name.
    void addPrincipal(const QString &principal);
    // "SHA256:..." (or a bare digest); nothing when host keys are kept.
    void addFingerprint(const QString &fingerprint);

    QString redact(const QString &text);
    // Bytes of unknown encoding, treated as Latin-1 so every byte survives.
    // Bytes of unknown encoding (artifacts, blobs); above kBlockBytes a block of lines at a time.
    QByteArray redactBytes(const QByteArray &bytes);
    static constexpr qsizetype kBlockBytes = 1 << 20;
    // No rule can match across a line end (no user patterns, which may).
    bool linesAreIndependent() const { return m_options.patterns.isEmpty(); }

    // The matcher redaction uses; a value it finds nothing in is clean.
    const RedactionScanner &scanner() const { return m_scanner; }
    // Distinct identifying values known or replaced so far.
    int originalValues() const;
    qint64 replacements() const { return m_replacements; }

private:
    QString apply(const QString &text, bool bytes);
    QString applyRules(const QString &text, bool bytes); // one pass of every rule
    QString replacement(const RedactionScanner::Match &match);
    void note(const QString &kind, const QString &original);

    PseudonymMap &m_map;
    Options m_options;
    RedactionScanner m_scanner;
    QSet<QString> m_seen; // kind + '\n' + lower(original)
    qint64 m_replacements = 0;
};
