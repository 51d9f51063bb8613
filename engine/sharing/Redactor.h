#pragma once

#include "PseudonymMap.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

// Replaces identifying values in text by consistent pseudonyms: known host
// names and user names, user-listed terms (whole words, case-insensitive),
// user patterns (regular expressions), IPv4 and IPv6 addresses, IPv4
// addresses in /proc/net hex form, e-mail addresses, and (profile "strict")
// MAC addresses. Loopback, unspecified and documentation addresses stay.
class Redactor
{
public:
    struct Options
    {
        QString profile = QStringLiteral("standard"); // standard | strict
        QStringList terms;    // literal, whole word, case-insensitive
        QStringList patterns; // QRegularExpression syntax
    };

    Redactor(PseudonymMap &map, const Options &options);

    static QStringList profiles() { return {QStringLiteral("standard"), QStringLiteral("strict")}; }
    // Accounts every system has; never treated as identifying.
    static bool isSystemAccount(const QString &user);

    void addHost(const QString &name);
    void addUser(const QString &name);
    // "user@host" (operators, actors, authors) or a plain name.
    void addPrincipal(const QString &principal);

    QString redact(const QString &text);
    // Bytes of unknown encoding, treated as Latin-1 so every byte survives.
    QByteArray redactBytes(const QByteArray &bytes);

    // Every original value replaced so far (and every known value), for the
    // zero-hit check of the result.
    QList<PseudonymMap::Entry> originals() const;
    qint64 replacements() const { return m_replacements; }

private:
    void rebuild();
    QString apply(const QString &text, bool bytesDomain);
    QString literalReplace(const QString &text, const QRegularExpression &re, const QHash<QString, QPair<QString, QString>> &byKey);

    PseudonymMap &m_map;
    Options m_options;
    QHash<QString, QPair<QString, QString>> m_literals; // lower(value) -> (kind, original); UTF-16 domain
    QHash<QString, QPair<QString, QString>> m_literalsBytes; // same, Latin-1 view of UTF-8
    QRegularExpression m_literalRe, m_literalBytesRe;
    QList<QRegularExpression> m_patterns;
    bool m_dirty = true;
    QSet<QString> m_seen; // kind + '\n' + original
    QList<PseudonymMap::Entry> m_seenList;
    qint64 m_replacements = 0;
};
