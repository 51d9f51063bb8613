#pragma once

#include "Redactor.h"

#include <QJsonObject>
#include <QString>

class CaseFile;

// Writes a copy of a case for a colleague (SQLite online backup). With
// redaction, host names, user names, addresses, host keys and listed terms
// are replaced by pseudonyms in every value of every table (TableRedaction:
// discovered from the schema, so later areas' tables are covered), in the
// audit log (whose hash chain is then recomputed), and inside textual
// artifacts (ArtifactRedaction: re-hashed, old and new SHA-256 recorded in
// the copy's audit log; binary content withheld). A second pass then reads
// every value again with the Redactor's own scanner and redacts what the
// first pass left (names it learned only later), until nothing is found;
// the export fails only for what no pass can remove (a value in the schema
// itself), naming it. The pseudonym map is saved in the original only; the
// copy is VACUUMed so no free page keeps an old value.
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
        int originalValues = 0;       // distinct identifying values known or replaced
        qint64 secondPassValues = 0;  // values (cells, artifacts) the second pass had to redact again
        int passes = 0;               // checking passes over the copy after the first
        QJsonObject toJson() const;
    };

    explicit CaseExporter(CaseFile &original) : m_case(original) {}
    Result exportTo(const QString &outPath, const Options &options);

private:
    CaseFile &m_case;
};
