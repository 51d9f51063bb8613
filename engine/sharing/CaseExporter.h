#pragma once

#include "Redactor.h"

#include <QJsonObject>
#include <QString>

class CaseFile;

// Writes a copy of a case for a colleague (SQLite online backup). With
// redaction, host names, user names, addresses and listed terms are replaced
// by pseudonyms in every text column of every table (discovered from the
// schema, so later areas' tables are covered), in the audit log (whose hash
// chain is then recomputed), and inside textual artifacts (re-hashed, old and
// new SHA-256 recorded in the copy's audit log). Binary artifacts (pcap...)
// cannot be redacted reliably, so their content is withheld from a redacted
// copy (the row stays, marked truncated, with a note in the audit log). The
// pseudonym map is saved in the original only; the copy is VACUUMed so no
// free page keeps an old value, and its raw bytes are searched for every
// original value before the export is declared good.
class CaseExporter
{
public:
    struct Options
    {
        bool redact = false;
        Redactor::Options redaction;
        bool overwrite = false;
    };
    struct Result
    {
        QString path;
        bool redacted = false;
        qint64 replacements = 0;
        int artifactsRedacted = 0;
        int artifactsWithheld = 0;
        int tablesScanned = 0;
        int originalValues = 0; // distinct values searched for in the result
        QJsonObject toJson() const;
    };

    explicit CaseExporter(CaseFile &original) : m_case(original) {}
    Result exportTo(const QString &outPath, const Options &options);

private:
    CaseFile &m_case;
};
