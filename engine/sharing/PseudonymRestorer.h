#pragma once

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>
#include <QString>

class SqliteDatabase;

// Puts the original values back into text of a redacted copy of a case: every
// pseudonym of the case's redaction_map (whole words, case-insensitive), and
// IPv4 pseudonyms also in /proc/net little-endian hex form, as the Redactor
// writes them. Used by merge when a redacted export of the case comes back.
class PseudonymRestorer
{
public:
    PseudonymRestorer() = default;
    // Loads the map of the case open in db ("main").
    explicit PseudonymRestorer(SqliteDatabase &db);

    bool isEmpty() const { return m_originals.isEmpty(); }
    QString restore(const QString &text) const;
    // Bytes of unknown encoding, treated as Latin-1 as the Redactor does.
    QByteArray restoreBytes(const QByteArray &bytes) const;

private:
    QHash<QString, QString> m_originals; // lower(pseudonym) -> original
    QRegularExpression m_re;
};
