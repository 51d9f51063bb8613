#pragma once

#include "RedactionScanner.h"

#include <QJsonArray>
#include <QMap>
#include <QString>

class Redactor;
class SqliteDatabase;

// The artifacts of a copy being redacted: textual content goes through the
// Redactor (re-chunked, re-hashed); binary content (pcap, anything with NUL
// bytes) and content over 512 MiB cannot be redacted reliably and is
// withheld (size 0, marked truncated). Remembers each artifact's original
// and new SHA-256 for the copy's audit log.
class ArtifactRedaction
{
public:
    struct Leftover
    {
        qint64 artifactId = 0;
        QString name;
        RedactionScanner::Match match;
    };

    ArtifactRedaction(SqliteDatabase &copy, Redactor &redactor) : m_db(copy), m_redactor(redactor) {}

    // Redacts every artifact whose content the Redactor still changes (the
    // first run: all of them). Returns how many it rewrote.
    int run();
    // What the scanner still finds in artifact content (nothing, after run()).
    QList<Leftover> leftovers();

    int redacted() const;
    int withheld() const;
    // [{artifact, original_sha256, sha256, content: redacted|withheld (...)}]
    QJsonArray log() const;

private:
    struct Done
    {
        QString originalSha;
        QString sha;
        qint64 size = 0;
        bool withheld = false;
    };
    struct Content
    {
        qint64 id = 0;
        QString name;
        QByteArray bytes;
        bool binary = false;
    };
    // Calls fn for each artifact not withheld; stops reading one at the size cap.
    template<typename Fn> void eachArtifact(Fn fn);

    SqliteDatabase &m_db;
    Redactor &m_redactor;
    QMap<qint64, Done> m_done;
};
