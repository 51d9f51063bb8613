#pragma once

#include <QByteArray>
#include <QList>

// Splits the output of the procfs snapshot script into its sections and
// decodes the per-file dumps inside them. The framing (see
// remote/collectors/procfs/procfs-snapshot.sh): a first line
// "CASEBOOK-PROCFS <format> <token>", then sections introduced by
// "\n@@<token> NAME ARG\n". Per-file dumps in format 2 are GNU grep
// `-H -a -Z -e ''` through sed `-n 'l 0'`: one line per content line,
// "path\000line" escaped and ending in '$'. Format 1 (older collectors, the
// fixtures) was GNU sed `-s -n '1F;l 0'` output: a path line, then content
// lines escaped and ending in '$'.
class ProcfsStream
{
public:
    struct Section
    {
        QByteArray name;
        QByteArray arg;
        QByteArray body;
    };
    struct File
    {
        QByteArray path;
        QByteArray content; // exact bytes; lines joined by '\n', final '\n' kept if any line was read
        bool incomplete = false;
    };

    // Reads the token (and the format, 1 or 2) from the first line. Returns
    // false (and sets error) when data is not a snapshot stream.
    static bool readToken(QByteArrayView data, QByteArray *token, QByteArray *error, int *format = nullptr);
    // Sections in order. A stream cut short yields the sections so far (the
    // last one possibly incomplete). Works for stderr as well (no first line).
    static QList<Section> sections(QByteArrayView data, const QByteArray &token);
    // Files of a per-file dump section, in the stream's format.
    static QList<File> files(QByteArrayView body, int format = 1);
    // Decodes one `sed l` line (without its trailing '$').
    static QByteArray unescape(QByteArrayView line);
};
