#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

// Finds identifying values in text: the one matcher behind both the
// Redactor (which replaces what it finds) and the check of a redacted copy
// (which must find nothing), so the two cannot disagree. Rules, in the
// order the Redactor applies them:
//   Names        known host names, user names, fingerprints and terms (whole
//                words, case-insensitive); a known host name followed by a
//                domain is taken whole, as a fully qualified name
//   Domains      names under a domain of a known fully qualified host, and
//                such a domain itself
//   Patterns     the user's regular expressions
//   Fingerprints SHA256:... and MD5:... host-key fingerprints (unless kept)
//   Keys         OpenSSH public keys ("ssh-ed25519 AAAA...") (unless kept)
//   Emails       e-mail addresses
//   Ipv4         IPv4 addresses, with or without port
//   ProcNet      IPv4 in /proc/net/{tcp,udp} little-endian hex ("0100007F:1F90")
//   Mac          MAC addresses (profile strict)
//   Ipv6         IPv6 addresses: plain, [bracketed]:port, with a zone id, a
//                trailing ":port" the address cannot contain, IPv4-mapped
// Text already shaped like a pseudonym is never matched.
class RedactionScanner
{
public:
    enum class Rule { Names, Domains, Patterns, Fingerprints, Keys, Emails, Ipv4, ProcNet, Mac, Ipv6 };
    struct Options
    {
        QString profile = QStringLiteral("standard"); // standard | strict
        QStringList patterns;                          // QRegularExpression syntax
        bool keepHostKeys = false;                     // leave fingerprints and public keys
    };
    struct Match
    {
        qsizetype start = 0;
        qsizetype length = 0;
        // host, fqdn, domain, user, term, fingerprint, key, email, ip, ip-hex, mac, ipv6
        QString kind;
        // The value as pseudonyms are keyed: the text matched, except
        // ip-hex (the dotted address) and ipv6 (canonical form).
        QString original;
        QString label, domain; // fqdn: first label and the rest
    };

    explicit RedactionScanner(const Options &options);

    // kind: host, user, term or fingerprint. Returns false if already known.
    bool addLiteral(const QString &kind, const QString &value);
    bool addDomain(const QString &domain);
    bool knowsLiteral(const QString &value) const { return m_literals.contains(value.toLower()); }
    bool knowsDomain(const QString &domain) const { return m_domains.contains(domain.toLower()); }
    // kind + original of every literal, and every domain.
    QList<QPair<QString, QString>> known() const;

    QList<Rule> rules() const;
    // Non-overlapping matches of one rule, in text order. bytes: text is the
    // Latin-1 view of bytes of unknown encoding (literals are searched as UTF-8).
    QList<Match> find(Rule rule, const QString &text, bool bytes = false) const;
    // Every rule on the same text: empty when nothing identifying is left.
    QList<Match> findAll(const QString &text, bool bytes = false) const;

    // Accounts and names every system has, and names shorter than three
    // characters: never treated as identifying on their own.
    static bool isSystemAccount(const QString &name);
    // "db-prod-07.corp.example.com" -> {"db-prod-07", "corp.example.com"}, or
    // empty strings when the name is not a fully qualified host name.
    static QPair<QString, QString> splitFqdn(const QString &name);
    // The text after a host name's first label looks like a DNS domain, not a
    // file extension (".log", ".tar.gz", ".service").
    static bool isDomainSuffix(const QString &domain);

private:
    void rebuild() const;
    QList<Match> findNames(const QString &text, bool bytes) const;
    QList<Match> findDomains(const QString &text) const;
    QList<Match> findEmails(const QString &text) const;
    QList<Match> findIpv6(const QString &text) const;

    Options m_options;
    QList<QRegularExpression> m_patterns;
    QHash<QString, QPair<QString, QString>> m_literals; // lower(value) -> (kind, value)
    QSet<QString> m_domains;                            // lower case
    mutable bool m_dirty = true;
    mutable QHash<QString, QPair<QString, QString>> m_literalsBytes; // Latin-1 view of UTF-8 -> (kind, value)
    mutable QRegularExpression m_namesRe, m_namesBytesRe, m_domainsRe;
};
