#pragma once

#include <QString>
#include <optional>

class SqliteDatabase;

// The end of the audit chain: how many entries it holds and the hash of the
// last one. Written down somewhere else (a ticket, a notebook), it lets
// `casectl verify --expect-head` prove later that the chain still extends it:
// that no entry up to it was removed, rewritten or cut off the end.
struct AuditHead
{
    qint64 entries = 0;
    QString hash; // hex SHA-256 of the last entry; the genesis hash for an empty chain

    // "N:HASH", the form --expect-head takes.
    QString toString() const { return QString::number(entries) + QLatin1Char(':') + hash; }
    // Parses "N:HASH"; HASH may be shortened to a prefix of at least 16 hex digits.
    static std::optional<AuditHead> parse(const QString &text);
    // The head of the chain as stored now.
    static AuditHead of(SqliteDatabase &db);
    // The stored hash of the chain's n-th entry (1-based, in id order); empty when it has fewer.
    static QString hashOfEntry(SqliteDatabase &db, qint64 n);
    // Whether this recorded hash (full or prefix) names the full hash given.
    bool matches(const QString &fullHash) const;
};
